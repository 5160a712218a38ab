"""Reads of the budget app: open years, budgets, allocations and ledger tallies.

The write checks read the ledger itself: every tally here is one SQL aggregate over the append-only
ledger (exact sums filtered per kind), returned as the domain's `Tally` so the services can
seed a `LedgerState` with exactly the balances a new entry enters.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet

from clustermonitor.budget.models import Allocation, Budget, LedgerBalance, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import LedgerKind, YearStatus
from clustermonitor.domain.ledger import Entry, Tally
from clustermonitor.domain.money import ZERO, D, quantize
from clustermonitor.kernel.aggregates import AmountSum, CentsSum
from clustermonitor.kernel.listing import ListSpec, listed
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project

# --- years, budgets, allocations ----------------------------------------------------


def open_years(*, today: date | None = None) -> list[int]:
    """The years data can still be entered on, ascending: every year with a budget, a
    status row or in some cluster's pact, and this year and the next, but no closed one."""
    this_year = (today or date.today()).year
    years = {this_year, this_year + 1}
    years.update(Budget.objects.values_list("year", flat=True).distinct())
    years.update(BudgetYear.objects.values_list("year", flat=True))
    pacts = Cluster.objects.aggregate(first=Min("pact_start_year"), last=Max("pact_end_year"))
    if pacts["first"] is not None:
        years.update(range(pacts["first"], pacts["last"] + 1))
    closed = set(BudgetYear.objects.filter(status=YearStatus.CLOSED).values_list("year", flat=True))
    return sorted(years - closed)


def years_with_status() -> list[tuple[int, bool]]:
    """(year, closed) of every year with a budget or a status, by year (no status: open)."""
    statuses = dict(BudgetYear.objects.values_list("year", "status"))
    years = set(statuses) | set(Budget.objects.values_list("year", flat=True))
    return [(year, statuses.get(year) == YearStatus.CLOSED) for year in sorted(years)]


def year_has_budget(year: int) -> bool:
    """Whether any envelope has a budget row in `year` (else its figures are all zero)."""
    return Budget.objects.filter(year=year).exists()


def budget_amount(*, year: int, envelope: str) -> Decimal:
    """The earmarked budget of an envelope in a year; 0 without a budget row."""
    amount = Budget.objects.filter(year=year, envelope=envelope).values_list("amount", flat=True).first()
    return ZERO if amount is None else amount


def allocation_amount(*, year: int, cluster: str, envelope: str) -> Decimal | None:
    """A cluster's stored allocation of an envelope in a year (None: it has none yet)."""
    found = Allocation.objects.filter(year=year, cluster__code=cluster, envelope=envelope)
    return found.values_list("amount", flat=True).first()


def budget_stored(*, year: int, envelope: str) -> Decimal | None:
    """The stored budget of an envelope in a year (None: none yet, unlike `budget_amount`)."""
    return Budget.objects.filter(year=year, envelope=envelope).values_list("amount", flat=True).first()


def allocated_total(*, year: int, envelope: str, exclude_cluster: Cluster | None = None) -> Decimal:
    """The sum of an envelope's allocations in a year (optionally without one cluster's)."""
    allocations = Allocation.objects.filter(year=year, envelope=envelope)
    if exclude_cluster is not None:
        allocations = allocations.exclude(cluster=exclude_cluster)
    return _sum(allocations.aggregate(total=AmountSum("amount"))["total"])


# --- ledger tallies -----------------------------------------------------------------


def envelope_year_tally(*, year: int, envelope: str, before: date | None = None) -> Tally:
    """Commitments/decommitments booked on an envelope-year (the `budget` balance)."""
    return _tally(LedgerEntry.objects.filter(year=year, envelope=envelope), before)


def operation_year_tally(*, cluster: Cluster, envelope: str, year: int, before: date | None = None) -> Tally:
    """A cluster's operation entries booked on a year (the `cap` balance)."""
    return _tally(LedgerEntry.objects.filter(cluster=cluster, envelope=envelope, year=year), before)


def scope_tally(
    *, cluster: Cluster, envelope: str, project: Project | None, before: date | None = None
) -> Tally:
    """A project, or a cluster's operation envelope, all years together (the `grant`,
    `decommit` and `payment` balances)."""
    return _tally(LedgerEntry.objects.filter(_scope_filter(cluster, envelope, project)), before)


def ledger_total(*, year: int | None = None, envelope: str | None = None) -> Tally:
    """Totals over the whole ledger, or one year and/or envelope of it."""
    entries = LedgerEntry.objects.all()
    if year is not None:
        entries = entries.filter(year=year)
    if envelope is not None:
        entries = entries.filter(envelope=envelope)
    return _tally(entries, None)


def ledger_entries_from(
    *, since: date, year: int, envelope: str, cluster: Cluster, project: Project | None, kind: str
) -> list[Entry]:
    """Stored entries dated on or after `since` that enter a balance a new entry of this
    kind would enter, in replay order (date, then booking order)."""
    entering = _scope_filter(cluster, envelope, project)
    if kind != LedgerKind.PAYMENT:
        entering |= Q(year=year, envelope=envelope)
    rows = (
        LedgerEntry.objects.filter(entering, date__gte=since)
        .order_by("date", "id")
        .values_list("ref", "date", "year", "kind", "envelope", "cluster__code", "project__ref", "amount")
    )
    return [Entry(*row) for row in rows]


def ledger_of_project(project: Project) -> QuerySet[LedgerEntry]:
    """A project's ledger entries in booking order (date, then as booked)."""
    return LedgerEntry.objects.filter(project=project).order_by("date", "id")


def ledger_entries_after(*, year: int, after: date) -> QuerySet[LedgerEntry]:
    """Entries booked on a year but dated after `after` (latest first)."""
    return LedgerEntry.objects.filter(year=year, date__gt=after).order_by("-date", "-id")


def _scope_filter(cluster: Cluster, envelope: str, project: Project | None) -> Q:
    if project is not None:
        return Q(project=project)
    return Q(cluster=cluster, envelope=envelope, project__isnull=True)


def _tally(entries: QuerySet[LedgerEntry], before: date | None) -> Tally:
    if before is not None:
        entries = entries.filter(date__lt=before)
    totals = entries.aggregate(
        committed=AmountSum("amount", filter=Q(kind=LedgerKind.COMMITMENT)),
        decommitted=AmountSum("amount", filter=Q(kind=LedgerKind.DECOMMITMENT)),
        paid=AmountSum("amount", filter=Q(kind=LedgerKind.PAYMENT)),
    )
    return Tally(_sum(totals["committed"]), _sum(totals["decommitted"]), _sum(totals["paid"]))


def _sum(value: Decimal | None) -> Decimal:
    return ZERO if value is None else quantize(value)


# --- the ledger list ------------------------------------------------------------------

# The ledger list's sort keys (the page's column keys) and their fields.
LEDGER_SORTS = {
    "ref": "ref",
    "date": "date",
    "year": "year",
    "kind": "kind",
    "envelope": "envelope",
    "cluster": "cluster__code",
    "project": "project__ref",
    "amount": "amount",
    "booked_by": "booked_by",
    "booked_at": "booked_at",
}
LEDGER_FILTERS = {
    "year": "year",
    "kind": "kind",
    "envelope": "envelope",
    "cluster": "cluster__code",
    "project": "project__ref",
    "booked_by": "booked_by",
}


LEDGER_LIST = ListSpec(
    filters=LEDGER_FILTERS,
    sorts=LEDGER_SORTS,
    contains=("ref", "note", "project__ref", "project__title", "cluster__name"),
    equals=("cluster__code",),
    tiebreak="id",
    default_order=("-date", "-id"),
)


def ledger_listed(
    *,
    scope: str | None = None,
    filters: dict[str, str] | None = None,
    q: str = "",
    sort: str | None = None,
    descending: bool = False,
) -> QuerySet[LedgerEntry]:
    """The ledger list: a cluster manager's cluster only (`scope`), LEDGER_FILTERS by
    value, `q` found in the reference, the note, the project's reference or title or the
    cluster's code or name; sorted on a LEDGER_SORTS key (newest first by default)."""
    entries = LedgerEntry.objects.select_related("cluster", "project")
    if scope is not None:
        entries = entries.filter(cluster__code=scope)
    return listed(entries, LEDGER_LIST, filters=filters, q=q, sort=sort, descending=descending)


def ledger_sums(entries: QuerySet[LedgerEntry]) -> dict[str, Any]:
    """The list's count and its amounts added up per kind (a commitment and a payment
    do not add up together), exactly."""
    sums = entries.order_by().aggregate(
        count=Count("pk"),
        **{kind.value: AmountSum("amount", filter=Q(kind=kind)) for kind in LedgerKind},
    )
    return {key: (ZERO if value is None else value) for key, value in sums.items()}


# --- what was known on a date (the reports' and the data check's as-of) ---------------


def allocations_known(*, as_of: date | None) -> QuerySet[Allocation]:
    """Allocations decided on or before `as_of`, and every undated one."""
    allocations = Allocation.objects.all()
    if as_of is not None:
        allocations = allocations.filter(Q(decided_on__isnull=True) | Q(decided_on__lte=as_of))
    return allocations


def ledger_entries_known(*, as_of: date | None) -> QuerySet[LedgerEntry]:
    """Ledger entries dated on or before `as_of`."""
    entries = LedgerEntry.objects.all()
    if as_of is not None:
        entries = entries.filter(date__lte=as_of)
    return entries


def ledger_totals(
    entries: QuerySet[LedgerEntry] | QuerySet[LedgerBalance], *group_by: str
) -> list[dict[str, Any]]:
    """Per group, `committed` (commitments − decommitments, may be negative) and `paid`,
    over ledger entries or over their kept month balances."""
    total, column = (CentsSum, "cents") if entries.model is LedgerBalance else (AmountSum, "amount")
    sums = (
        entries.values_list(*group_by)
        .annotate(
            commitments=total(column, filter=Q(kind=LedgerKind.COMMITMENT)),
            decommitments=total(column, filter=Q(kind=LedgerKind.DECOMMITMENT)),
            payments=total(column, filter=Q(kind=LedgerKind.PAYMENT)),
        )
        .order_by()
    )
    width = len(group_by)
    rows = []
    for values in sums:  # tuples: the ORM's dict per row was made again here
        row = dict(zip(group_by, values, strict=False))  # the sums follow the groups
        commitments, decommitments, payments = values[width:]
        row["committed"], row["paid"] = D(commitments) - D(decommitments), D(payments)
        rows.append(row)
    return rows
