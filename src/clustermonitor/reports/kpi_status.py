"""kpi-status (question 6): each cluster's KPIs for the year, met or not.

A KPI's value is its reported result, or, for a KPI `computed_from` the projects, the
figure computed for the lead cluster (always present, possibly 0; a reported result then
shows beside it as `reported_value` with `mismatch`). The status uses the exact ratio
(domain.kpi); the printed ratio is rounded.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from clustermonitor.domain.enums import Channel, ComputedFrom
from clustermonitor.domain.kpi import kpi_ratio
from clustermonitor.domain.kpi import kpi_status as status_of
from clustermonitor.domain.money import ZERO, D
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import KPIS, Drill
from clustermonitor.reports.figures import Report, Row, by_code, yearly_header
from clustermonitor.reports.tables import Table

NAME = "kpi-status"
STATUSES = ("met", "partly", "missed", "no_data")
NOT_COMPUTED = D(0)  # a computed KPI's value where the lead cluster has no figure


def kpi_status(*, year: int, as_of: date | None = None, cluster: str | None = None) -> Report:
    """The report; `cluster` keeps one cluster's rows only (the cluster page, not a report option)."""
    targets = selectors.kpi_targets_of(year=year)
    results = selectors.kpi_results_known(year=year, as_of=as_of)
    if cluster is not None:
        targets, results = targets.filter(cluster__code=cluster), results.filter(cluster__code=cluster)
    # plain tuples, unordered (rows are ordered by code here), the results keyed by ids:
    # the ORM's dict per row, the default ordering's joins and the sort were a third of
    # the report's time at 600 rows
    target_rows = targets.order_by().values_list(
        "cluster_id",
        "kpi_id",
        "cluster__code",
        "kpi__code",
        "kpi__kind",
        "kpi__direction",
        "kpi__computed_from",
        "target",
    )
    known = results.order_by().values_list("cluster_id", "kpi_id", "value")
    reported = {(cluster_id, kpi_id): value for cluster_id, kpi_id, value in known}
    computed = _computed_values(year=year, as_of=as_of, cluster=cluster)
    rows = by_code((_row(t, reported, computed) for t in target_rows), "cluster", "kpi")
    return {
        **yearly_header(NAME, year=year, as_of=as_of),
        "rows": rows,
        "clusters": _status_counts(rows),
    }


def cluster_kpi_rows(code: str, *, as_of: date | None = None) -> list[Row]:
    """One cluster's kpi-status rows (with their `year`) over every year it has a target,
    by KPI then year: the figures the report shows for it, year by year."""
    years = selectors.kpi_targets_of_cluster(code).values_list("year", flat=True).distinct().order_by("year")
    rows = [
        row | {"year": year}
        for year in years
        for row in kpi_status(year=year, as_of=as_of, cluster=code)["rows"]
    ]
    return sorted(rows, key=lambda row: (row["kpi"], row["year"]))


def _computed_values(
    *, year: int, as_of: date | None, cluster: str | None = None
) -> dict[tuple[int, str], Decimal]:
    """(cluster id, computed_from) → the year's figure from the projects: the applications
    (`applications_counted`) and the approvals with their other public funding
    (`approvals_totals`) of each cluster, as cluster-overview counts them, read from the
    kept project tallies. A cluster without applications (or approvals) gets no entry
    for them.
    """
    only = {} if cluster is None else {"cluster__code": cluster}
    values: dict[tuple[int, str], Decimal] = {}
    submitted = selectors.applications_counted(year=year, as_of=as_of, by="cluster_id", **only)
    for code, count in submitted.items():
        values[(code, ComputedFrom.APPLICATIONS)] = Decimal(count)
    approvals: Counter[int] = Counter()
    for row in selectors.approvals_totals(year=year, as_of=as_of, group_by=("cluster_id", "channel"), **only):
        code = row["cluster_id"]
        approvals[code] += row["projects"]
        values.setdefault((code, ComputedFrom.OTHER_PUBLIC_FUNDING), ZERO)
        if row["channel"] == Channel.OTHER:
            values[(code, ComputedFrom.OTHER_PUBLIC_FUNDING)] = row["granted_support"]
    for code, count in approvals.items():
        values[(code, ComputedFrom.APPROVED_PROJECTS)] = Decimal(count)
    return values


def _row(
    target: tuple[int, int, str, str, str, str, str, Decimal],
    reported: dict[tuple[int, int], Decimal],
    computed: dict[tuple[int, str], Decimal],
) -> Row:
    cluster_id, kpi_id, cluster, kpi, kind, direction, computed_from, goal = target
    result = reported.get((cluster_id, kpi_id))
    value: Decimal | None
    source: str | None
    if computed_from:
        value, source = computed.get((cluster_id, computed_from), NOT_COMPUTED), "computed"
    else:
        value, source = result, None if result is None else "reported"
    row: Row = {
        "cluster": cluster,
        "kpi": kpi,
        "kind": kind,
        "target": goal,
        "value": value,
        "source": source,
    }
    if computed_from and result is not None:
        row["reported_value"], row["mismatch"] = result, value != result
    ratio = None if value is None else kpi_ratio(goal, value, direction)
    row["ratio"], row["status"] = ratio, status_of(ratio)
    return row


def _status_counts(rows: list[Row]) -> list[Row]:
    """Per cluster with a row, how many KPIs have each status (zeros included)."""
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        cluster = row["cluster"]
        if cluster not in counts:
            counts[cluster] = dict.fromkeys(STATUSES, 0)
        counts[cluster][row["status"]] += 1
    return [{"cluster": code, **counts[code]} for code in sorted(counts)]


def tables(report: Report) -> list[Table]:
    return [
        Table(
            "KPIs",
            (
                "cluster",
                "kpi",
                "kind",
                "target",
                "value",
                "source",
                "reported_value",
                "mismatch",
                "ratio",
                "status",
            ),
            report["rows"],
        ),
        Table(
            "status per cluster",
            ("cluster", *STATUSES),
            report["clusters"],
            {status: Drill(KPIS, from_row={"cluster": "cluster"}, column_as="status") for status in STATUSES},
        ),
    ]
