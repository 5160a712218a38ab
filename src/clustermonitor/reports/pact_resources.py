"""pact-resources (question 3): each cluster's yearly resources over its whole pact.

One row per pact year: allocated and committed operation and project budget, and the
payments of every envelope. For an IBN the `ibn` envelope is its operation and it has no
project budget. A row is `definitive` once its year is closed, `planned` while no
envelope has a budget for the year, else `provisional`.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from clustermonitor.budget.selectors import allocations_known
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import ClusterType, Envelope
from clustermonitor.domain.money import ZERO
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import ALLOCATIONS, LEDGER, Drill
from clustermonitor.reports.figures import Report, ReportError, Row, add_up, report_header
from clustermonitor.reports.tables import Table, total_row

NAME = "pact-resources"
AMOUNTS = (
    "allocated_operation",
    "allocated_projects",
    "committed_operation",
    "committed_projects",
    "paid",
)
Key = tuple[str, int, str]  # (cluster, year, envelope)


def pact_resources(*, cluster: str | None = None, as_of: date | None = None) -> Report:
    """Every spearhead cluster, or the one cluster (of any type) named."""
    clusters = _clusters(cluster)
    facts = _PactFacts(clusters, as_of=as_of)
    blocks = [_cluster_block(c, facts) for c in clusters]
    rows = [row for block in blocks for row in block["years"]]
    all_definitive = bool(rows) and all(row["figures"] == "definitive" for row in rows)
    figures = "definitive" if all_definitive else "provisional"
    return {**report_header(NAME, year=None, as_of=as_of, figures=figures), "clusters": blocks}


def _clusters(code: str | None) -> list[Cluster]:
    if code is None:
        return sorted(selectors.spearhead_clusters(), key=lambda c: c.code)
    found = selectors.cluster_by_code(code=code)
    if found is None:
        raise ReportError(f"unknown cluster: {code}")
    return [found]


class _PactFacts:
    """Allocations and ledger totals per (cluster, year, envelope), budgets and closed years."""

    def __init__(self, clusters: list[Cluster], *, as_of: date | None) -> None:
        codes = [c.code for c in clusters]
        years = (
            range(min(c.pact_start_year for c in clusters), max(c.pact_end_year for c in clusters) + 1)
            if clusters
            else range(0)
        )
        allocations = allocations_known(as_of=as_of).filter(cluster__code__in=codes, year__in=years)
        self.allocated: dict[Key, Decimal] = {
            (row["cluster__code"], row["year"], row["envelope"]): row["allocated"]
            for row in selectors.allocated_totals(allocations, "cluster__code", "year", "envelope")
        }
        totals = selectors.ledger_figures(
            as_of=as_of,
            group_by=("cluster__code", "year", "envelope"),
            cluster__code__in=codes,
            year__in=years,
        )
        self.ledger: dict[Key, Row] = {
            (row["cluster__code"], row["year"], row["envelope"]): row for row in totals
        }
        self.payments: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
        for (code, year, _), row in self.ledger.items():
            self.payments[(code, year)] += row["paid"]
        self.budgeted_years = {year for year, _ in selectors.budgets_by_year_envelope(years=list(years))}
        self.closed_years = selectors.closed_years(as_of=as_of)

    def committed(self, key: Key) -> Decimal:
        return self.ledger[key]["committed"] if key in self.ledger else ZERO

    def figures(self, year: int) -> str:
        if year in self.closed_years:
            return "definitive"
        return "provisional" if year in self.budgeted_years else "planned"


def _cluster_block(cluster: Cluster, facts: _PactFacts) -> Row:
    years = [
        _year_row(cluster, year, facts) for year in range(cluster.pact_start_year, cluster.pact_end_year + 1)
    ]
    return {
        "cluster": cluster.code,
        "name": cluster.name,
        "type": cluster.type,
        "pact_start_year": cluster.pact_start_year,
        "pact_end_year": cluster.pact_end_year,
        "years": years,
        "totals": add_up(years, AMOUNTS),
    }


def _year_row(cluster: Cluster, year: int, facts: _PactFacts) -> Row:
    code = cluster.code
    if cluster.type == ClusterType.IBN:
        operation, projects = (code, year, Envelope.IBN), None
    else:
        operation, projects = (
            (code, year, Envelope.SPEARHEAD_OPERATION),
            (code, year, Envelope.SPEARHEAD_PROJECTS),
        )
    return {
        "year": year,
        "allocated_operation": facts.allocated.get(operation, ZERO),
        "allocated_projects": facts.allocated.get(projects, ZERO) if projects else ZERO,
        "committed_operation": facts.committed(operation),
        "committed_projects": facts.committed(projects) if projects else ZERO,
        "paid": facts.payments[(code, year)],
        "figures": facts.figures(year),
    }


def tables(report: Report) -> list[Table]:
    """The clusters and their pacts, then one row per cluster and year with totals."""
    clusters = Table(
        "clusters",
        ("cluster", "name", "type", "pact_start_year", "pact_end_year"),
        report["clusters"],
    )
    years = [
        row
        for block in report["clusters"]
        for row in [
            *({"cluster": block["cluster"], **year} for year in block["years"]),
            {"cluster": block["cluster"], **total_row("year", block["totals"])},
        ]
    ]
    return [clusters, Table("years", ("cluster", "year", *AMOUNTS, "figures"), years, DRILL)]


def _year_of_cluster(records: str, **filters: str) -> Drill:
    """A cluster's year row (not its totals row): that cluster's records of that year."""
    return Drill(records, filters, {"cluster": "cluster", "year": "year"}, needs=("cluster", "year"))


# "operation": the cluster's operation envelope, spearhead or IBN.
DRILL = {
    "allocated_operation": _year_of_cluster(ALLOCATIONS, envelope="operation", measure="allocated"),
    "allocated_projects": _year_of_cluster(
        ALLOCATIONS, envelope=Envelope.SPEARHEAD_PROJECTS, measure="allocated"
    ),
    "committed_operation": _year_of_cluster(LEDGER, envelope="operation", measure="committed"),
    "committed_projects": _year_of_cluster(LEDGER, envelope=Envelope.SPEARHEAD_PROJECTS, measure="committed"),
    "paid": _year_of_cluster(LEDGER, measure="paid"),
}
