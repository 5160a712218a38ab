"""Drill-down: from a report figure to the records that make it up.

Each report's table declares, per column, the records its figures add up
(`reports.drill.Drill`); `figure_link` turns that declaration into the address of their
list, and `records` builds the list from the same `reports.selectors` querysets the
report used, so the list's sum is the figure. Neither knows any report: a column
without a declaration (unallocated, available, drawn from pool, averages, ratios) has
no link.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from clustermonitor.domain.enums import OPERATION_ENVELOPES, Channel, Envelope, LedgerKind
from clustermonitor.domain.money import ZERO, D
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import ALLOCATIONS, KPIS, LEDGER, PROJECTS
from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.tables import Table

SPEARHEAD = (Envelope.SPEARHEAD_OPERATION.value, Envelope.SPEARHEAD_PROJECTS.value)
ENVELOPE_GROUPS: dict[str, tuple[str, ...]] = {
    "spearhead": SPEARHEAD,
    "operation": tuple(sorted(OPERATION_ENVELOPES)),
    **{e.value: (e.value,) for e in Envelope},
}
PROJECT_SUMS = ("granted_support", "total_cost")  # a project list adds one of these up, else counts


def figure_link(
    table: Table, column: str, row: dict[str, Any], *, year: int | None, as_of: date | None
) -> tuple[str, str | None] | None:
    """(address, cluster the records belong to or None for several) of a figure, or None."""
    drill = table.drill.get(column)
    found = drill.query(column, row) if drill is not None else None
    if drill is None or found is None:
        return None
    params = {"year": year, "as_of": as_of.isoformat() if as_of else None, **found}
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{reverse('drill', args=[drill.records])}?{query}", found.get("cluster")


@dataclass
class Records:
    """A drill-down list and its total, in the unit of the figure clicked."""

    kind: str
    rows: list[Any]
    total: Decimal | int
    is_amount: bool

    @property
    def total_text(self) -> str:
        return cell_text(self.total)


def records(kind: str, params: QueryDict, *, year: int, as_of: date | None) -> Records:
    if kind == LEDGER:
        return _ledger(params, year=year, as_of=as_of)
    if kind == ALLOCATIONS:
        rows = list(_where(selectors.allocations_known(as_of=as_of).filter(year=year), params, year))
        return Records(kind, rows, sum((D(a.amount) for a in rows), start=ZERO), True)
    if kind == PROJECTS:
        return _projects(params, year=year, as_of=as_of)
    if kind == KPIS:
        report = report_build("kpi-status", year=year, as_of=as_of)
        rows = [
            r
            for r in report["rows"]
            if r["cluster"] == params.get("cluster") and r["status"] == params.get("status")
        ]
        return Records(kind, rows, len(rows), False)
    raise ValueError(kind)


def _where(qs: QuerySet[Any], params: QueryDict, year: int) -> QuerySet[Any]:
    envelope = params.get("envelope")
    if envelope:
        qs = qs.filter(envelope__in=ENVELOPE_GROUPS.get(envelope, (envelope,)))
    if params.get("cluster"):
        qs = qs.filter(cluster__code=params["cluster"])
    if params.get("scope") == "pact":
        qs = qs.filter(cluster__in=selectors.spearhead_clusters_in_pact(year=year))
    return qs.select_related("cluster")


def _ledger(params: QueryDict, *, year: int, as_of: date | None) -> Records:
    entries = _where(selectors.ledger_entries_known(as_of=as_of).filter(year=year), params, year)
    if params.get("measure") == "paid":
        entries = entries.filter(kind=LedgerKind.PAYMENT)
    else:
        entries = entries.filter(kind__in=(LedgerKind.COMMITMENT, LedgerKind.DECOMMITMENT))
    rows = list(entries.select_related("project").order_by("date", "id"))
    for entry in rows:
        entry.signed = -entry.amount if entry.kind == LedgerKind.DECOMMITMENT else entry.amount
    return Records("ledger", rows, sum((D(e.signed) for e in rows), start=ZERO), True)


def _projects(params: QueryDict, *, year: int, as_of: date | None, kind: str = PROJECTS) -> Records:
    if params.get("measure") == "applications":
        projects = selectors.projects_submitted_in(year=year, as_of=as_of).filter(channel=Channel.EARMARKED)
    else:
        projects = selectors.projects_approved_in(year=year, as_of=as_of)
        if params.get("channel"):
            projects = projects.filter(channel=params["channel"])
    if params.get("type"):
        projects = projects.filter(type__code=params["type"])
    if params.get("instrument"):
        projects = projects.filter(instrument=params["instrument"])
    rows = list(_where(projects, params, year).select_related("type").order_by("ref"))
    field = params.get("sum")
    if field not in PROJECT_SUMS:
        return Records(kind, rows, len(rows), False)
    return Records(kind, rows, sum((D(getattr(p, field)) for p in rows), start=ZERO), True)
