"""Drill-down: from a report figure to the records that make it up.

`figure_link` says, for one cell of a report table, which records make the figure up
and builds the address of their list; `records` builds that list from the same
`reports.selectors` querysets the report used, so the list's sum is the figure.
Derived figures (unallocated, available, drawn from pool, averages, ratios) have no link.
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
from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.cells import cell_text

SPEARHEAD = (Envelope.SPEARHEAD_OPERATION.value, Envelope.SPEARHEAD_PROJECTS.value)
ENVELOPE_GROUPS: dict[str, tuple[str, ...]] = {
    "spearhead": SPEARHEAD,
    "operation": tuple(sorted(OPERATION_ENVELOPES)),
    **{e.value: (e.value,) for e in Envelope},
}
LEDGER_MEASURES = {"committed", "paid"}
COUNT_COLUMNS = {"projects", "applications", "approved"}
COST_COLUMNS = {"total_cost", "approved_total_cost"}
KPI_STATUSES = {"met", "partly", "missed", "no_data"}


def _url(kind: str, **params: Any) -> str:
    return (
        reverse("drill", args=[kind])
        + "?"
        + urlencode({k: v for k, v in params.items() if v not in (None, "")})
    )


def figure_link(
    report: str, table: str, column: str, row: dict[str, Any], *, year: int | None, as_of: date | None
) -> tuple[str, str | None] | None:
    """(address, cluster the records belong to or None for several) of a figure, or None."""
    code = row.get("cluster")
    cluster = None if code in (None, "total") else code
    base = {"year": year, "as_of": as_of.isoformat() if as_of else None, "column": column}
    if report == "budget-overview" and column in ("allocated", "committed", "paid"):
        envelope = None if row["envelope"] == "total" else row["envelope"]
        kind = "allocations" if column == "allocated" else "ledger"
        return _url(kind, envelope=envelope, measure=column, **base), None
    if report == "cluster-overview" and table == "clusters":
        scope = "pact" if cluster is None else None
        where = {"cluster": cluster, "scope": scope, **base}
        if column.startswith(("allocated_", "committed_")):
            measure, _, part = column.partition("_")
            envelope = "spearhead_operation" if part == "operation" else "spearhead_projects"
            kind = "allocations" if measure == "allocated" else "ledger"
            return _url(kind, envelope=envelope, measure="committed", **where), cluster
        if column == "applications":
            return _url("projects", measure="applications", **where), cluster
        if column in ("approved", "approved_support", "approved_total_cost"):
            return _url("projects", measure="approved", channel="earmarked", **where), cluster
        if column == "other_public_funding":
            return _url("projects", measure="approved", channel="other", **where), cluster
    if report == "cluster-overview" and table == "other public funding by instrument":
        where = {"cluster": cluster, "scope": None if cluster else "pact", **base}
        return _url(
            "projects", measure="approved", channel="other", instrument=row["instrument"], **where
        ), cluster
    if report == "pact-resources" and table == "years" and cluster and isinstance(row.get("year"), int):
        where = {**base, "year": row["year"], "cluster": cluster}
        if column.startswith(("allocated_", "committed_")):
            measure, _, part = column.partition("_")
            envelope = "operation" if part == "operation" else "spearhead_projects"
            kind = "allocations" if measure == "allocated" else "ledger"
            return _url(kind, envelope=envelope, measure="committed", **where), cluster
        if column == "paid":
            return _url("ledger", measure="paid", **where), cluster
    if report == "project-generation" and column in ("projects", "granted_support", "total_cost"):
        where = {"cluster": cluster, "scope": None, "channel": "earmarked", "measure": "approved", **base}
        return _url("projects", type=row.get("type"), **where), cluster
    if report == "project-generation" and column == "committed_projects" and cluster:
        return _url(
            "ledger", envelope="spearhead_projects", measure="committed", cluster=cluster, **base
        ), cluster
    if report == "project-generation" and column == "earmarked_used":
        return _url("ledger", envelope="spearhead_projects", measure="committed", **base), None
    if report == "additional-resources" and column in ("projects", "granted_support", "total_cost"):
        where = {"cluster": cluster, "channel": "other", "measure": "approved", **base}
        instrument = None if row.get("instrument") == "total" else row.get("instrument")
        return _url("projects", instrument=instrument, **where), cluster
    if report == "kpi-status" and table == "status per cluster" and column in KPI_STATUSES:
        return _url("kpis", cluster=cluster, status=column, **base), cluster
    return None


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
    if kind == "ledger":
        return _ledger(params, year=year, as_of=as_of)
    if kind == "allocations":
        rows = list(_where(selectors.allocations_known(as_of=as_of).filter(year=year), params, year))
        return Records(kind, rows, sum((D(a.amount) for a in rows), start=ZERO), True)
    if kind == "projects":
        return _projects(params, year=year, as_of=as_of)
    if kind == "kpis":
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


def _projects(params: QueryDict, *, year: int, as_of: date | None) -> Records:
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
    column = params.get("column", "")
    if column in COUNT_COLUMNS or not column:
        return Records("projects", rows, len(rows), False)
    field = "total_cost" if column in COST_COLUMNS else "granted_support"
    return Records("projects", rows, sum((D(getattr(p, field)) for p in rows), start=ZERO), True)
