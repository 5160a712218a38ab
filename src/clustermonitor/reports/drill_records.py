"""The records behind a drill-down target: for each kind of records a report's `Drill`
may name, the selection whose sum (or count) is the figure.

A `Selection` is the one place that knows which records a figure adds up: the querysets
of `reports.selectors` the reports sum, narrowed by the filters a `Drill` gives. Each
selection lists the filters it reads (`reads`) and the values of `measure` it knows;
`tests/reports/test_drill_targets.py` walks every report's declared targets and fails
when one names records without a selection, or gives a filter its selection would not
read (a figure whose list would then add up something else). The web only renders what
`records` returns (web/drill.py, web/pages.py).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from clustermonitor.budget.selectors import allocations_known, ledger_entries_known
from clustermonitor.domain.enums import OPERATION_ENVELOPES, Channel, Envelope, LedgerKind
from clustermonitor.domain.money import ZERO, D
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import ALLOCATIONS, KPIS, LEDGER, PROJECTS, Drill
from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.cells import cell_text

Filters = Mapping[str, Any]

SPEARHEAD = (Envelope.SPEARHEAD_OPERATION.value, Envelope.SPEARHEAD_PROJECTS.value)
ENVELOPE_GROUPS: dict[str, tuple[str, ...]] = {
    "spearhead": SPEARHEAD,
    "operation": tuple(sorted(OPERATION_ENVELOPES)),
    **{e.value: (e.value,) for e in Envelope},
}
PROJECT_SUMS = ("granted_support", "total_cost")  # a project list adds one of these up, else counts
# What a drill-down address carries beside a selection's filters: the year (the selection's
# argument; a row may give its own) and the column clicked (shown, not a filter).
ARGUMENTS = frozenset({"year", "column"})


class UnknownFilter(ValueError):
    """A drill-down filter value no selection knows (e.g. `measure=nope`)."""


@dataclass
class Records:
    """A drill-down list and its total, in the unit of the figure clicked."""

    kind: str
    rows: list[Any]
    total: Decimal | int
    sums: str | None  # the row field the total adds up (`amount`, `granted_support` …); None counts

    @property
    def is_amount(self) -> bool:
        return self.sums is not None

    @property
    def total_text(self) -> str:
        return cell_text(self.total)


@dataclass(frozen=True)
class Selection:
    """How the records of one kind behind a figure are chosen."""

    pick: Callable[[Filters, int, date | None], Records]
    reads: frozenset[str]  # the filters `pick` narrows on
    measures: tuple[str, ...] = ()  # the values of `measure` it knows; the first is the default


def records(kind: str, filters: Filters, *, year: int, as_of: date | None) -> Records:
    """The records of `kind` behind the figure `filters` describe, with their total."""
    selection = SELECTIONS.get(kind)
    if selection is None:
        raise UnknownFilter(f"no records of kind {kind!r}")
    measure = _given(filters, "measure")
    if measure is not None and measure not in selection.measures:
        raise UnknownFilter(f"measure {measure!r} of {kind}")
    return selection.pick(filters, year, as_of)


def _given(filters: Filters, name: str) -> Any:
    value = filters.get(name)
    return None if value in (None, "") else value


def _where(qs: QuerySet[Any], filters: Filters, year: int) -> QuerySet[Any]:
    """The filters ledger entries, allocations and projects share: envelope, cluster, scope."""
    envelope = _given(filters, "envelope")
    if envelope is not None:
        qs = qs.filter(envelope__in=ENVELOPE_GROUPS.get(envelope, (envelope,)))
    cluster = _given(filters, "cluster")
    if cluster is not None:
        qs = qs.filter(cluster__code=cluster)
    if _given(filters, "scope") == "pact":
        qs = qs.filter(cluster__in=selectors.spearhead_clusters_in_pact(year=year))
    return qs.select_related("cluster")


SHARED = frozenset({"envelope", "cluster", "scope"})


def _ledger(filters: Filters, year: int, as_of: date | None) -> Records:
    """Net commitments (a decommitment counted negative) or payments booked on the year."""
    entries = _where(ledger_entries_known(as_of=as_of).filter(year=year), filters, year)
    if _given(filters, "measure") == "paid":
        entries = entries.filter(kind=LedgerKind.PAYMENT)
    else:
        entries = entries.filter(kind__in=(LedgerKind.COMMITMENT, LedgerKind.DECOMMITMENT))
    rows = list(entries.select_related("project").order_by("date", "id"))
    for entry in rows:
        entry.signed = -entry.amount if entry.kind == LedgerKind.DECOMMITMENT else entry.amount
    return Records(LEDGER, rows, sum((D(e.signed) for e in rows), start=ZERO), "amount")


def _allocations(filters: Filters, year: int, as_of: date | None) -> Records:
    """The year's allocations known on `as_of`."""
    rows = list(_where(allocations_known(as_of=as_of).filter(year=year), filters, year))
    return Records(ALLOCATIONS, rows, sum((D(a.amount) for a in rows), start=ZERO), "amount")


def _projects(filters: Filters, year: int, as_of: date | None) -> Records:
    """Earmarked applications submitted in the year, or projects approved in it; counted,
    or their `sum` (granted support, total cost) added up."""
    if _given(filters, "measure") == "applications":
        projects = selectors.projects_submitted_in(year=year, as_of=as_of).filter(channel=Channel.EARMARKED)
    else:
        projects = selectors.projects_approved_in(year=year, as_of=as_of)
        if _given(filters, "channel") is not None:
            projects = projects.filter(channel=filters["channel"])
    if _given(filters, "type") is not None:
        projects = projects.filter(type__code=filters["type"])
    if _given(filters, "instrument") is not None:
        projects = projects.filter(instrument=filters["instrument"])
    rows = list(_where(projects, filters, year).select_related("type").order_by("ref"))
    field = filters.get("sum")
    if field not in PROJECT_SUMS:
        return Records(PROJECTS, rows, len(rows), None)
    return Records(PROJECTS, rows, sum((D(getattr(p, field)) for p in rows), start=ZERO), field)


def _kpis(filters: Filters, year: int, as_of: date | None) -> Records:
    """A cluster's KPI rows of the kpi-status report with one status, counted."""
    report = report_build("kpi-status", year=year, as_of=as_of)
    cluster, status = filters.get("cluster"), filters.get("status")
    rows = [r for r in report["rows"] if r["cluster"] == cluster and r["status"] == status]
    return Records(KPIS, rows, len(rows), None)


SELECTIONS: dict[str, Selection] = {
    LEDGER: Selection(_ledger, SHARED | {"measure"}, ("committed", "paid")),
    ALLOCATIONS: Selection(_allocations, SHARED | {"measure"}, ("allocated",)),
    PROJECTS: Selection(
        _projects,
        SHARED | {"measure", "channel", "type", "instrument", "sum"},
        ("approved", "applications"),
    ),
    KPIS: Selection(_kpis, frozenset({"cluster", "status"})),
}


def target_problems(drill: Drill) -> list[str]:
    """What a declared drill-down target asks that its records' selection cannot give: no
    selection at all, a filter the selection would not read (its list would add up other
    records than the figure), or a measure it does not know."""
    selection = SELECTIONS.get(drill.records)
    if selection is None:
        return [f"no selection for records {drill.records!r}"]
    ignored = sorted(drill.gives() - ARGUMENTS - selection.reads)
    found = [f"{drill.records} does not read {name!r}" for name in ignored]
    measure = drill.filters.get("measure")
    if measure is not None and measure not in selection.measures:
        found.append(f"{drill.records} knows no measure {measure!r}")
    return found


# What a drill-down page names as its list's filters: the year, the as-of date and what
# the kind's selection reads (not the language, the download format or `sum`).
SHOWN_FILTERS: dict[str, frozenset[str]] = {
    kind: frozenset({"year", "as_of"}) | (selection.reads - {"sum"}) for kind, selection in SELECTIONS.items()
}
