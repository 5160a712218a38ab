"""Reads the reports share: what was known on a date, aggregated in the database.

Every report is a handful of GROUP BY queries built from these selectors; none loops
over clusters or projects issuing queries.

`--as-of D` (reports.md) shows what was known on D:
- projects submitted after D do not exist; a decision or withdrawal dated after D has not
  happened, so such a project is `submitted` and has no `granted_support`;
- ledger entries dated after D, allocations decided after D and KPI results reported
  after D are left out; undated allocations, budgets, KPI targets and clusters count;
- a year is closed only if its `closed_on` ≤ D.
`as_of=None` means everything stored counts.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    Count,
    DateField,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)

from clustermonitor.budget.models import Allocation, Budget, LedgerBalance, LedgerEntry
from clustermonitor.budget.selectors import ledger_totals
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import ClusterType, ProjectStatus, YearStatus
from clustermonitor.domain.money import D, from_cents
from clustermonitor.kernel.aggregates import AmountSum, CentsSum
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectTally, ProjectType
from clustermonitor.projects.selectors import projects_known
from clustermonitor.projects.tally_sql import TallyEvent, TallySpan, kept_for


def year_dates(year: int) -> tuple[date, date]:
    """The first and last day of a year, for `__range` lookups on a date column."""
    return date(year, 1, 1), date(year, 12, 31)


# --- clusters and years -------------------------------------------------------------


def code_names() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
    """Names of the stored codes: clusters, project types, KPIs (name and unit)."""
    clusters = dict(Cluster.objects.values_list("code", "name"))
    types = dict(ProjectType.objects.values_list("code", "name"))
    kpis = {code: (name, unit) for code, name, unit in Kpi.objects.values_list("code", "name", "unit")}
    return clusters, types, kpis


def clusters_by_id() -> dict[int, tuple[str, str]]:
    """Every cluster's (code, type) by its id: for figures grouped by `cluster_id`."""
    return {pk: (code, kind) for pk, code, kind in Cluster.objects.values_list("id", "code", "type")}


def cluster_by_code(*, code: str) -> Cluster | None:
    return Cluster.objects.filter(code=code).first()


def spearhead_clusters() -> QuerySet[Cluster]:
    return Cluster.objects.filter(type=ClusterType.SPEARHEAD)


def spearhead_clusters_in_pact(*, year: int) -> QuerySet[Cluster]:
    """Spearhead clusters whose pact covers `year` (clusters always count, as-of or not)."""
    return spearhead_clusters().filter(pact_start_year__lte=year, pact_end_year__gte=year)


def closed_years(*, as_of: date | None) -> set[int]:
    """The years closed on `as_of` (closed_on ≤ as_of), or closed at all without it."""
    years = BudgetYear.objects.filter(status=YearStatus.CLOSED)
    if as_of is not None:
        years = years.filter(closed_on__lte=as_of)
    return set(years.values_list("year", flat=True))


def year_closed(*, year: int, as_of: date | None) -> bool:
    return year in closed_years(as_of=as_of)


def figures_status(*, year: int, as_of: date | None) -> str:
    """`definitive` when the year is closed on `as_of`, else `provisional`."""
    return "definitive" if year_closed(year=year, as_of=as_of) else "provisional"


def latest_year() -> int | None:
    """The latest year with a budget row or any other data, None in an empty database."""
    candidates = [
        Budget.objects.aggregate(y=Max("year"))["y"],
        BudgetYear.objects.aggregate(y=Max("year"))["y"],
        Allocation.objects.aggregate(y=Max("year"))["y"],
        LedgerEntry.objects.aggregate(y=Max("year"))["y"],
        KpiTarget.objects.aggregate(y=Max("year"))["y"],
    ]
    last_submitted = Project.objects.aggregate(d=Max("submitted_on"))["d"]
    if last_submitted is not None:
        candidates.append(last_submitted.year)
    years = [y for y in candidates if y is not None]
    return max(years) if years else None


# --- budget, allocations, ledger --------------------------------------------------


def budgets_by_year_envelope(*, years: list[int] | None = None) -> dict[tuple[int, str], Decimal]:
    """Budget rows (they always count): (year, envelope) → amount; a missing row is 0."""
    rows = Budget.objects.all() if years is None else Budget.objects.filter(year__in=years)
    return {(r["year"], r["envelope"]): D(r["amount"]) for r in rows.values("year", "envelope", "amount")}


def allocated_totals(allocations: QuerySet[Allocation], *group_by: str) -> list[dict[str, Any]]:
    """Allocated amount per group: `[{*group_by, "allocated"}]`."""
    return list(allocations.values(*group_by).annotate(allocated=AmountSum("amount")).order_by())


def ledger_figures(*, as_of: date | None, group_by: tuple[str, ...], **filters: Any) -> list[dict[str, Any]]:
    """`ledger_totals` of the entries known on `as_of` (filtered by `filters`), read from the
    balances the writers keep per month: every month before `as_of`'s own from the kept
    rows, the days of that month up to `as_of` from the entries themselves (one month of
    them at most, found through the date index). `group_by` may name `month`, the booking
    month's first day."""
    balances = LedgerBalance.objects.filter(**filters)
    if as_of is None:
        return ledger_totals(balances, *group_by)
    month = as_of.replace(day=1)
    rows = ledger_totals(balances.filter(month__lt=month), *group_by)
    entries = LedgerEntry.objects.filter(date__range=(month, as_of), **filters)
    if "month" in group_by:  # the kept rows' booking month: as_of's own, for these entries
        entries = entries.annotate(month=Value(month, output_field=DateField()))
    rows += ledger_totals(entries, *group_by)
    return _merged(rows, group_by, ("committed", "paid"))


# --- projects ---------------------------------------------------------------------


def projects_as_of(*, as_of: date | None) -> QuerySet[Project]:
    """Projects known on `as_of`, annotated with their status (`status_on`) and granted
    support (`granted_on`) on that day.

    A decision or withdrawal dated after `as_of` has not happened: the project is
    `submitted` and has no granted support. A withdrawal without a date is not dated after
    `as_of`, so it stays `withdrawn` (no report figure depends on it: applications count
    every status, and only approvals carry money).
    """
    projects = projects_known(as_of=as_of)
    if as_of is None:
        return projects.annotate(status_on=F("status"), granted_on=F("granted_support"))
    later = Q(decided_on__gt=as_of)
    return projects.annotate(
        status_on=Case(When(later, then=Value(ProjectStatus.SUBMITTED.value)), default=F("status")),
        granted_on=Case(When(later, then=None), default=F("granted_support")),
    )


def decision_years(*, cluster: str) -> list[int]:
    """The years in which a decision on one of the cluster's projects is dated, ascending."""
    days = Project.objects.filter(cluster__code=cluster, decided_on__isnull=False).dates("decided_on", "year")
    return [day.year for day in days]


def projects_submitted_in(*, year: int, as_of: date | None) -> QuerySet[Project]:
    """Applications of `year`: projects of every status submitted in it."""
    return projects_known(as_of=as_of).filter(submitted_on__range=year_dates(year))


def projects_approved_in(*, year: int, as_of: date | None) -> QuerySet[Project]:
    """Projects approved by a decision dated in `year` (and on or before `as_of`).

    The same projects as `projects_as_of(...)` with `status_on` approved, filtered on the
    stored columns so the database can use its indexes: a project decided after `as_of`
    is still `submitted` on that date, and is left out with its `granted_support`.
    """
    approved = projects_known(as_of=as_of).filter(
        status=ProjectStatus.APPROVED, decided_on__range=year_dates(year)
    )
    if as_of is not None:
        approved = approved.filter(decided_on__lte=as_of)
    return approved


def project_totals(
    projects: QuerySet[Project] | QuerySet[ProjectTally], *group_by: str
) -> list[dict[str, Any]]:
    """Per group: `projects` (count), `granted_support` and `total_cost` (amounts), over
    projects or over their kept tallies."""
    if projects.model is ProjectTally:
        return _tally_totals(projects, group_by)
    figures: dict[str, Aggregate] = {
        "projects": Count("id"),
        "granted_support": AmountSum("granted_support"),
        "total_cost": AmountSum("total_cost"),
    }
    rows = list(projects.values(*group_by).annotate(**figures).order_by())
    for row in rows:  # each a dict of its own: its amounts made Decimal in place
        row["granted_support"], row["total_cost"] = D(row["granted_support"]), D(row["total_cost"])
    return rows


def _tally_totals(tallies: QuerySet[ProjectTally], group_by: tuple[str, ...]) -> list[dict[str, Any]]:
    """`project_totals` over tallies, read as plain tuples and their whole cents made
    amounts here: a report grouped finely (additional-resources' cluster × instrument)
    reads a row per group, and the ORM's converters per value were most of its time.
    The grouped columns are text and the sums integers on both databases (`CentsSum`
    casts PostgreSQL's numeric sum back to bigint)."""
    sums = tallies.values_list(*group_by).annotate(
        projects=Sum("projects"),
        granted_cents=CentsSum("granted_cents"),
        total_cost_cents=CentsSum("total_cost_cents"),
    )
    with connection.cursor() as cursor:
        cursor.execute(*sums.order_by().query.sql_with_params())
        fetched = cursor.fetchall()
    width = len(group_by)
    rows = []
    for values in fetched:
        row = dict(zip(group_by, values, strict=False))  # the sums follow the groups
        row["projects"], row["granted_support"], row["total_cost"] = (
            values[width],
            from_cents(values[width + 1]),
            from_cents(values[width + 2]),
        )
        rows.append(row)
    return rows


def applications_counted(*, year: int, as_of: date | None, by: str, **filters: Any) -> dict[Any, int]:
    """The applications of `projects_submitted_in` (filtered by `filters`) counted per
    value of `by` (e.g. `cluster__code`), read from the kept tallies."""
    rows = _tallied(TallyEvent.SUBMITTED, year=year, as_of=as_of, group_by=(by,), filters=filters)
    return {row[by]: row["projects"] for row in rows}


def approvals_totals(
    *, year: int, as_of: date | None, group_by: tuple[str, ...], **filters: Any
) -> list[dict[str, Any]]:
    """`project_totals` of `projects_approved_in` (filtered by `filters`), read from the
    kept tallies."""
    return _tallied(TallyEvent.APPROVED, year=year, as_of=as_of, group_by=group_by, filters=filters)


def _tallied(
    event: TallyEvent, *, year: int, as_of: date | None, group_by: tuple[str, ...], filters: dict[str, Any]
) -> list[dict[str, Any]]:
    """`project_totals` of a year's applications or approvals known on `as_of`: the year's
    own tallies when `as_of` is none or past the year; else every month before `as_of`'s
    own from the monthly tallies and the days of that month up to `as_of` from the
    projects themselves (one month of them at most, found through their date index)."""
    if not kept_for(event, (*group_by, *filters), filters.get("channel")):
        raise ValueError(f"the {event} tallies do not keep {group_by} {filters}")
    first, last = year_dates(year)
    tallies = ProjectTally.objects.filter(event=event, starts_on__range=(first, last), **filters)
    if as_of is None or as_of >= last:
        return project_totals(tallies.filter(span=TallySpan.YEAR), *group_by)
    if as_of < first:
        return []
    month = as_of.replace(day=1)
    if event is TallyEvent.SUBMITTED:
        days = projects_submitted_in(year=year, as_of=as_of).filter(submitted_on__gte=month)
    else:
        days = projects_approved_in(year=year, as_of=as_of).filter(decided_on__gte=month)
    rows = project_totals(tallies.filter(span=TallySpan.MONTH, starts_on__lt=month), *group_by)
    rows += project_totals(days.filter(**filters), *group_by)
    return _merged(rows, group_by, ("projects", "granted_support", "total_cost"))


def _merged(
    rows: list[dict[str, Any]], group_by: tuple[str, ...], figures: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Rows of the same group (the same `group_by` values) made one, their `figures` added."""
    by_group: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[name] for name in group_by)
        if key in by_group:
            for figure in figures:
                by_group[key][figure] += row[figure]
        else:
            by_group[key] = dict(row)
    return list(by_group.values())


# --- KPIs -------------------------------------------------------------------------


def kpi_targets_of(*, year: int) -> QuerySet[KpiTarget]:
    """KPI targets of `year` (targets always count, as-of or not)."""
    return KpiTarget.objects.filter(year=year)


def kpi_targets_of_cluster(code: str) -> QuerySet[KpiTarget]:
    """Every year's KPI targets of one cluster."""
    return KpiTarget.objects.filter(cluster__code=code)


def kpi_results_known(*, year: int, as_of: date | None) -> QuerySet[KpiResult]:
    """KPI results of `year` reported on or before `as_of`."""
    results = KpiResult.objects.filter(year=year)
    if as_of is not None:
        results = results.filter(reported_on__lte=as_of)
    return results
