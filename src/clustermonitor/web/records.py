"""Record pages: a cluster (pact timeline, projects, KPIs, other funding), a project
(its life, its ledger, its history) and the ledger (filterable, paginated, who booked)."""

from datetime import date
from itertools import groupby
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import Channel, Envelope, LedgerKind, ProjectStatus
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import Project
from clustermonitor.reports import selectors
from clustermonitor.reports.kpi_status import cluster_kpi_rows
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import report_build
from clustermonitor.web import permissions
from clustermonitor.web.chart import bar_chart
from clustermonitor.web.common import parse_as_of, report_tables

TIMELINE = (("allocated", "#5b8fc7"), ("committed", "#c0504d"))
KPI_SERIES = (("target", "#1f4e79"), ("value", "#c0504d"))
PAGE_SIZE = 50


def cluster_page(request: HttpRequest, code: str) -> HttpResponse:
    permissions.require(permissions.may_see_cluster(request.user, code))
    cluster = get_object_or_404(Cluster, code=code)
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
    other = selectors.project_totals(
        selectors.projects_known(as_of=as_of).filter(
            cluster=cluster, status=ProjectStatus.APPROVED, channel=Channel.OTHER
        ),
        "instrument",
    )
    kpis = _kpi_rows(cluster, as_of)
    context = {
        "cluster": cluster,
        "as_of": as_of,
        "timeline": bar_chart(timeline, "year", labels, TIMELINE),
        "pact_tables": report_tables(request, "pact-resources", pact, year=None, as_of=as_of)[1:],
        "projects": cluster.projects.select_related("type").order_by("-submitted_on", "ref")[:300],
        "kpis": kpis,
        "kpi_charts": _kpi_charts(kpis),
        "other": sorted(other, key=lambda r: r["instrument"]),
        "may_submit": permissions.may_submit_project(request.user, code),
    }
    return render(request, "web/cluster.html", context)


def _kpi_rows(cluster: Cluster, as_of: date | None) -> list[dict[str, Any]]:
    """Target vs value per KPI and year as the kpi-status report has them (a KPI computed
    from the projects included), with the ratio as a percentage for a bar (capped at 150)."""
    kpis = {kpi.code: kpi for kpi in Kpi.objects.all()}
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
    project = get_object_or_404(Project.objects.select_related("cluster", "type"), ref=ref)
    permissions.require(permissions.may_see_cluster(request.user, project.cluster.code))
    entries = project.ledger_entries.order_by("date", "id")
    context = {
        "project": project,
        "entries": entries,
        "history": project.history.select_related("history_user").order_by("-history_date")[:50],
        "may_decide": permissions.may_enter_data(request.user) and project.status == ProjectStatus.SUBMITTED,
        "may_book": permissions.may_enter_data(request.user) and project.status == ProjectStatus.APPROVED,
    }
    return render(request, "web/project.html", context)


def ledger_filtered(request: HttpRequest) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.select_related("cluster", "project").order_by("-date", "-id")
    scope = permissions.cluster_scope(request.user)
    if scope is not None:
        entries = entries.filter(cluster__code=scope)
    filters = {
        "year": "year",
        "kind": "kind",
        "envelope": "envelope",
        "cluster": "cluster__code",
        "project": "project__ref",
        "booked_by": "booked_by",
    }
    for param, lookup in filters.items():
        value = request.GET.get(param)
        if value:
            if param == "year" and not value.isdigit():
                continue
            entries = entries.filter(**{lookup: value})
    return entries


def ledger_page(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    page = Paginator(ledger_filtered(request), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "params": params.urlencode(),
        "kinds": [k.value for k in LedgerKind],
        "envelopes": [e.value for e in Envelope],
        "clusters": Cluster.objects.values_list("code", flat=True),
        "may_book": permissions.may_enter_data(request.user),
    }
    return render(request, "web/ledger.html", context)
