"""Import and export of whole datasets in the contract format (CSV folder or XLSX).

The public entry points; commands, the web upload and tests call these.
"""

from pathlib import Path

from clustermonitor.datasets.datapackage import datapackage_export
from clustermonitor.datasets.errors import DatasetInvalid, RuleError
from clustermonitor.datasets.exporter import tables_export
from clustermonitor.datasets.importer import dataset_import
from clustermonitor.datasets.summary import ImportSummary

__all__ = ["DatasetInvalid", "ImportSummary", "RuleError", "dataset_export", "dataset_import"]


def dataset_export(target: Path, *, fmt: str = "csv") -> list[Path]:
    """Write the dataset to a folder of CSV files, one .xlsx workbook or a public data package."""
    if fmt == "datapackage":
        return datapackage_export(target)
    return tables_export(target, fmt=fmt)
