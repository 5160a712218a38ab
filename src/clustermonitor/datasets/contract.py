"""The data contract (shared/spec/data-contract.md) as data: files, columns, keys, types.

One table per file; readers, validation, import and export all walk these specs, so a
column is described once.
"""

from dataclasses import dataclass
from functools import cached_property

from clustermonitor.domain.enums import (
    Channel,
    ClusterType,
    ComputedFrom,
    Direction,
    Envelope,
    KpiKind,
    LedgerKind,
    ProjectStatus,
    YearStatus,
    values,
)
from clustermonitor.domain.parameters import DEFAULTS

# Column kinds, each parsed by `datasets.values`.
CODE, TEXT, YEAR, DATE, AMOUNT, NUMBER, BOOL, RATE = (
    "code",
    "text",
    "year",
    "date",
    "amount",
    "number",
    "bool",
    "parameter",
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool = True  # must be in the header and filled; conditional ones are False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileSpec:
    name: str  # file name, e.g. "clusters.csv"
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def sheet(self) -> str:
        return self.name.removesuffix(".csv")

    @cached_property  # asked for each row an import writes
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


ENVELOPES = values(Envelope)

CLUSTERS = FileSpec(
    "clusters.csv",
    (
        Column("code", CODE),
        Column("name", TEXT),
        Column("type", TEXT, choices=values(ClusterType)),
        Column("domain", TEXT, required=False),
        Column("recognised_on", DATE),
        Column("pact_start_year", YEAR),
        Column("pact_end_year", YEAR),
    ),
    ("code",),
)
YEARS = FileSpec(
    "years.csv",
    (
        Column("year", YEAR),
        Column("status", TEXT, choices=values(YearStatus)),
        Column("closed_on", DATE, required=False),
    ),
    ("year",),
)
BUDGETS = FileSpec(
    "budgets.csv",
    (
        Column("year", YEAR),
        Column("envelope", TEXT, choices=ENVELOPES),
        Column("amount", AMOUNT),
        Column("source", TEXT, required=False),
    ),
    ("year", "envelope"),
)
ALLOCATIONS = FileSpec(
    "allocations.csv",
    (
        Column("year", YEAR),
        Column("cluster", CODE),
        Column("envelope", TEXT, choices=ENVELOPES),
        Column("amount", AMOUNT),
        Column("decided_on", DATE, required=False),
    ),
    ("year", "cluster", "envelope"),
)
PROJECT_TYPES = FileSpec(
    "project_types.csv",
    (Column("code", CODE), Column("name", TEXT), Column("earmarked_eligible", BOOL)),
    ("code",),
)
PROJECTS = FileSpec(
    "projects.csv",
    (
        Column("ref", CODE),
        Column("cluster", CODE),
        Column("title", TEXT),
        Column("type", CODE),
        Column("channel", TEXT, choices=values(Channel)),
        Column("instrument", CODE),
        Column("submitted_on", DATE),
        Column("status", TEXT, choices=values(ProjectStatus)),
        Column("decided_on", DATE, required=False),
        Column("total_cost", AMOUNT),
        Column("requested_support", AMOUNT),
        Column("granted_support", AMOUNT, required=False),
    ),
    ("ref",),
)
LEDGER = FileSpec(
    "ledger.csv",
    (
        Column("id", CODE),
        Column("date", DATE),
        Column("year", YEAR),
        Column("kind", TEXT, choices=values(LedgerKind)),
        Column("envelope", TEXT, choices=ENVELOPES),
        Column("cluster", CODE),
        Column("project", CODE, required=False),
        Column("amount", AMOUNT),
        Column("note", TEXT, required=False),
    ),
    ("id",),
)
PARAMETERS = FileSpec(
    "parameters.csv",
    (
        Column("key", TEXT, choices=tuple(sorted(DEFAULTS))),
        Column("value", RATE),
    ),
    ("key",),
)
COFINANCING = FileSpec(
    "cofinancing.csv",
    (Column("cluster", CODE), Column("year", YEAR), Column("amount", AMOUNT)),
    ("cluster", "year"),
)
KPIS = FileSpec(
    "kpis.csv",
    (
        Column("code", CODE),
        Column("name", TEXT),
        Column("unit", TEXT),
        Column("kind", TEXT, choices=values(KpiKind)),
        Column("direction", TEXT, choices=values(Direction)),
        Column(
            "computed_from",
            TEXT,
            required=False,
            choices=values(ComputedFrom),
        ),
    ),
    ("code",),
)
KPI_TARGETS = FileSpec(
    "kpi_targets.csv",
    (Column("cluster", CODE), Column("kpi", CODE), Column("year", YEAR), Column("target", NUMBER)),
    ("cluster", "kpi", "year"),
)
KPI_RESULTS = FileSpec(
    "kpi_results.csv",
    (
        Column("cluster", CODE),
        Column("kpi", CODE),
        Column("year", YEAR),
        Column("value", NUMBER),
        Column("reported_on", DATE),
        Column("source", TEXT, required=False),
    ),
    ("cluster", "kpi", "year"),
)

# In dependency order: a file's references point to files before it.
FILES: tuple[FileSpec, ...] = (
    PARAMETERS,
    PROJECT_TYPES,
    CLUSTERS,
    YEARS,
    BUDGETS,
    ALLOCATIONS,
    COFINANCING,
    PROJECTS,
    KPIS,
    KPI_TARGETS,
    KPI_RESULTS,
    LEDGER,
)
BY_NAME = {spec.name: spec for spec in FILES}
REQUIRED_FILES = frozenset({CLUSTERS.name})


# The built-in project types, used until a project_types.csv replaces them.
BUILTIN_PROJECT_TYPES: tuple[tuple[str, str, bool], ...] = (
    ("ICON", "ICON (interuniversitair coöperatief onderzoek)", True),
    ("cSBO", "Cluster SBO (strategisch basisonderzoek)", True),
    ("COOCK", "COOCK (collectief onderzoek en kennisverspreiding)", True),
    ("CLUSTER_RD", "Cluster O&O-project", True),
    ("INNOVATION", "Innovatieproject", True),
    ("COLLECTIVE", "Collectief project", True),
    ("REGIONAL_DEV", "Regionaal ontwikkelingsproject (EFRO/Interreg)", False),
    ("INTERNATIONAL", "Internationaliseringsproject", False),
    ("TRAINING", "Opleidings- en arbeidsmarktproject", False),
    ("FUNDAMENTAL", "Fundamenteel onderzoek", False),
    ("CIRCULAR", "Circulaire-economieproject", False),
    ("EU_RESEARCH", "Europees onderzoeksproject", False),
)
