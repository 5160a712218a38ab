"""Record pages: a cluster (pact timeline, projects, KPIs, other funding), a project
(its life, its ledger, its history) and the ledger (filterable, paginated, who booked)."""

from collections import defaultdict
from datetime import date
from itertools import groupby
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from clustermonitor.access import permissions
from clustermonitor.budget.models import LedgerEntry
from clustermonitor.budget.selectors import (
    LEDGER_FILTERS,
    LEDGER_SORTS,
    ledger_listed,
    ledger_of_project,
    ledger_sums,
)
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.selectors import cluster_by_code, cluster_choices
from clustermonitor.domain.enums import Envelope, LedgerKind, ProjectStatus
from clustermonitor.kernel.history import record_changes
from clustermonitor.kpis.selectors import kpis_by_code
from clustermonitor.projects.models import Project
from clustermonitor.projects.selectors import project_by_ref, projects_of_cluster
from clustermonitor.reports import selectors
from clustermonitor.reports.figures import Row, add_up
from clustermonitor.reports.kpi_status import cluster_kpi_rows
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import report_build
from clustermonitor.web import listing
from clustermonitor.web.chart import bar_chart
from clustermonitor.web.common import parse_as_of, parse_year
from clustermonitor.web.tables import report_tables

TIMELINE = (("allocated", "#5b8fc7"), ("committed", "#c0504d"))
KPI_SERIES = (("target", "#1f4e79"), ("value", "#c0504d"))
OTHER_FUNDING = ("projects", "granted_support", "total_cost")


def cluster_page(request: HttpRequest, code: str) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    permissions.require_visible(permissions.may_see_cluster(request.user, code))
    cluster = cluster_by_code(code)
    if cluster is None:
        raise Http404("no such cluster")
    as_of = parse_as_of(request)
    pact = report_build("pact-resources", cluster=code, as_of=as_of)
    years = pact["clusters"][0]["years"] if pact["clusters"] else []
    timeline = [
        {
            "year": row["year"],
            "allocated": row["allocated_operation"] + row["allocated_projects"],
            "committed": row["committed_operation"] + row["committed_projects"],
            "figures": row["figures"],
        }
        for row in years
    ]
    labels = {"allocated": label("allocated"), "committed": label("committed")}
    labels |= {str(r["year"]): f"{r['year']} ({label(r['figures'])})" for r in timeline}
    other = _other_public_funding(code, as_of)
    kpis = _kpi_rows(cluster, as_of)
    context = {
        "cluster": cluster,
        "as_of": as_of,
        "timeline": bar_chart(timeline, "year", labels, TIMELINE),
        "pact_tables": report_tables(request, "pact-resources", pact, year=None, as_of=as_of, first=1),
        "projects": projects_of_cluster(code, limit=300),
        "kpis": kpis,
        "kpi_charts": _kpi_charts(kpis),
        "other": other,
        "may_submit": permissions.may_submit_project(request.user, code),
    }
    return render(request, "web/cluster.html", context)


def _other_public_funding(code: str, as_of: date | None) -> list[dict[str, Any]]:
    """The cluster's other public funding per instrument over every year, added up from
    the additional-resources report of each year it has a decision in (so an approval
    decided after `as_of` is left out, as the report leaves it out)."""
    per_instrument: dict[str, list[Row]] = defaultdict(list)
    for year in selectors.decision_years(cluster=code):
        for row in report_build("additional-resources", year=year, as_of=as_of)["rows"]:
            if row["cluster"] == code:
                per_instrument[row["instrument"]].append(row)
    return [
        {"instrument": instrument, **add_up(rows, OTHER_FUNDING, counts=("projects",))}
        for instrument, rows in sorted(per_instrument.items())
    ]


def _kpi_rows(cluster: Cluster, as_of: date | None) -> list[dict[str, Any]]:
    """Target vs value per KPI and year as the kpi-status report has them (a KPI computed
    from the projects included), with the ratio as a percentage for a bar (capped at 150)."""
    kpis = kpis_by_code()
    rows = []
    for row in cluster_kpi_rows(cluster.code, as_of=as_of):
        ratio = row["ratio"]
        share = None if ratio is None else min(int(ratio * 100), 150)
        rows.append(row | {"kpi": kpis[row["kpi"]], "share": share})
    return rows


def _kpi_charts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One bar chart per KPI (each on its own scale: KPIs have different units), target vs
    value per year; a year without a value has no value bar."""
    labels = {"target": label("target"), "value": label("value")}
    charts = []
    for kpi, years in groupby(rows, key=lambda row: row["kpi"]):
        charts.append(
            {"kpi": kpi, "chart": bar_chart(list(years), "year", labels, KPI_SERIES, label_width=50)}
        )
    return charts


def project_page(request: HttpRequest, ref: str) -> HttpResponse:
    project = project_by_ref(ref)
    if project is None:
        raise Http404("no such project")
    permissions.require_visible(permissions.may_see_cluster(request.user, project.cluster.code))
    entries = ledger_of_project(project)
    context = {
        "project": project,
        "entries": entries,
        "history": _history_of(project),
        "may_decide": permissions.may_enter_data(request.user) and project.status == ProjectStatus.SUBMITTED,
        "may_book": permissions.may_enter_data(request.user) and project.status == ProjectStatus.APPROVED,
    }
    return render(request, "web/project.html", context)


def _history_of(project: Project) -> Any:
    return record_changes(Project, project.pk, limit=50)


LEDGER_COLUMNS = (
    ("ref", False),
    ("date", False),
    ("year", False),
    ("kind", False),
    ("envelope", False),
    ("cluster", False),
    ("project", False),
    ("amount", True),
    ("booked_by", False),
    ("booked_at", False),
)


def ledger_page(request: HttpRequest) -> HttpResponse:
    """The ledger: searchable (`?q=`), filterable, sortable by column, with the sums per
    kind, 50 a page with page numbers, and the whole list as xlsx (`?format=xlsx`)."""
    permissions.require(permissions.may_read(request.user))
    how = listing.asked(request, LEDGER_SORTS)
    scope = permissions.cluster_scope(request.user)
    filters = {key: request.GET.get(key, "") for key in LEDGER_FILTERS}
    year = parse_year(request, None)  # a malformed year is a 400, not silently no filter
    filters["year"] = str(year) if year is not None else ""
    entries = ledger_listed(scope=scope, filters=filters, q=how.q, sort=how.sort, descending=how.descending)
    sums = ledger_sums(entries)
    if request.GET.get("format") == "xlsx":
        return listing.list_xlsx("ledger", tuple(k for k, _ in LEDGER_COLUMNS), _ledger_rows(entries), None)
    page, pager = listing.paged(request, entries)
    context = {
        "page": page,
        "pager": pager,
        "columns": listing.headers(request, list(LEDGER_COLUMNS), how, LEDGER_SORTS),
        "sums": sums,
        "kind_sums": [(kind.value, sums[kind.value]) for kind in LedgerKind],
        "q": how.q,
        "export": listing.export_url(request),
        "kinds": [k.value for k in LedgerKind],
        "envelopes": [e.value for e in Envelope],
        "clusters": cluster_choices(only=scope),
        "may_book": permissions.may_enter_data(request.user),
    }
    return render(request, "web/ledger.html", context)


def _ledger_rows(entries: QuerySet[LedgerEntry]) -> list[dict[str, Any]]:
    """The entries as the xlsx rows: signed as entered (the kind says which way it counts)."""
    return [
        {
            "ref": e.ref,
            "date": e.date,
            "year": e.year,
            "kind": e.kind,
            "envelope": e.envelope,
            "cluster": e.cluster.code,
            "project": e.project.ref if e.project else None,
            "amount": e.amount,
            "booked_by": e.booked_by,
            "booked_at": e.booked_at.replace(tzinfo=None) if e.booked_at else None,
        }
        for e in entries
    ]
