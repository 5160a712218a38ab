"""The contract files' imports in dependency order (a file's rules may use what the files
before it hold). Each file's rules: `files_reference`, `files_budget`; their shared base:
`file_import`."""

from clustermonitor.datasets import contract
from clustermonitor.datasets.file_import import FileImport
from clustermonitor.datasets.files_budget import (
    AllocationsImport,
    BudgetsImport,
    CofinancingImport,
    LedgerImport,
    YearsImport,
)
from clustermonitor.datasets.files_reference import (
    ClustersImport,
    KpiResultsImport,
    KpisImport,
    KpiTargetsImport,
    ParametersImport,
    ProjectsImport,
    ProjectTypesImport,
)

IMPORTS: tuple[type[FileImport], ...] = (
    ParametersImport,
    ProjectTypesImport,
    ClustersImport,
    YearsImport,
    BudgetsImport,
    AllocationsImport,
    CofinancingImport,
    ProjectsImport,
    KpisImport,
    KpiTargetsImport,
    KpiResultsImport,
    LedgerImport,
)
assert tuple(i.spec for i in IMPORTS) == contract.FILES
