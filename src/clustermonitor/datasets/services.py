"""Import and export of whole datasets in the contract format (CSV folder or XLSX).

The public entry points; commands, the web upload and tests call these.
"""

from clustermonitor.datasets.errors import DatasetInvalid, RuleError
from clustermonitor.datasets.exporter import dataset_export
from clustermonitor.datasets.importer import ImportSummary, dataset_import

__all__ = ["DatasetInvalid", "ImportSummary", "RuleError", "dataset_export", "dataset_import"]
