"""Read pages: the year dashboard, the six report pages (with their downloads: the report
as xlsx, pdf or html, a table as shown as CSV) and the drill-down lists behind every
figure. Every figure comes from `report_build`; the dashboard's rendered figures are
cached under the data revision (clusters/revision.py), per language and cluster scope."""

import hashlib
from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from clustermonitor.access import permissions
from clustermonitor.budget.selectors import year_has_budget
from clustermonitor.clusters.revision import cached
from clustermonitor.projects.selectors import decisions_of_cluster, projects_pending
from clustermonitor.reports.drill import RECORDS
from clustermonitor.reports.drill_records import SHOWN_FILTERS, UnknownFilter, records
from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.labels import label
from clustermonitor.reports.monthly import commitments_by_month
from clustermonitor.reports.registry import REPORTS, report_build, report_spec
from clustermonitor.reports.renderers.names import names
from clustermonitor.web.chart import bar_chart
from clustermonitor.web.common import (
    default_year,
    parse_as_of,
    parse_year,
    query,
    years_known,
)
from clustermonitor.web.downloads import DOCUMENTS, report_document, table_csv
from clustermonitor.web.drill_export import drill_rows
from clustermonitor.web.listing import export_url, list_xlsx
from clustermonitor.web.report_charts import report_chart
from clustermonitor.web.tables import TableLayout, report_tables
from clustermonitor.web.yearchart import headline, month_chart

PENDING_SHOWN, DECISIONS_SHOWN = 20, 10


def dashboard(request: HttpRequest, year: int | None = None) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    year = parse_year(request, year if year is not None else default_year())
    as_of = parse_as_of(request)
    context: dict[str, object] = {"year": year, "as_of": as_of, "years": years_known()}
    if year is not None and not year_has_budget(year):
        context["no_budget"] = True  # says so, rather than a dashboard of zeros
    elif year is not None:
        scope = permissions.cluster_scope(request.user)  # which figures link to records
        links = "all" if scope is None else f"cluster={scope}"
        asked = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]  # sorting
        key = f"dashboard:{get_language()}:{links}:{year}:{as_of}:{asked}"
        figures = cached(key, lambda: _dashboard_figures(request, year, as_of))
        context |= {
            "figures": figures["figures"],
            "glance_html": mark_safe(figures["glance"]),
            "figures_html": mark_safe(figures["html"]),
        }
    context |= _work(request.user)
    return render(request, "web/dashboard.html", context)


def _work(user: object) -> dict[str, object]:
    """The reader's work: applications awaiting a decision (those who decide), the
    decisions on their cluster's applications (a cluster manager)."""
    work: dict[str, object] = {"pending": None, "decisions": None}
    if permissions.may_enter_data(user):
        pending = projects_pending()
        work |= {
            "pending": list(pending[:PENDING_SHOWN]),
            "pending_count": pending.count(),
            "may_decide": True,
        }
    code = permissions.bound_cluster(user)
    if code is not None:
        work["decisions"] = list(decisions_of_cluster(code)[:DECISIONS_SHOWN])
    return work


def _dashboard_figures(request: HttpRequest, year: int, as_of: date | None) -> dict[str, str]:
    """The dashboard's three reports rendered: the status of the year, the year at a glance
    (headline figures, commitments month by month) and the tables' HTML."""
    budget = report_build("budget-overview", year=year, as_of=as_of)
    months = commitments_by_month(year=year, as_of=as_of)
    glance = {
        "year": year,
        "headline": headline(budget["total"]),
        "months": month_chart(months, Decimal(budget["total"]["budget"])),
    }
    clusters = report_build("cluster-overview", year=year, as_of=as_of)
    kpis = report_build("kpi-status", year=year, as_of=as_of)
    rows = budget["envelopes"]
    labels = {key: label(key) for key in ("budget", "allocated", "committed", "paid")}
    labels |= {row["envelope"]: label(row["envelope"]) for row in rows}
    layout = TableLayout(request, year=year, as_of=as_of)  # one page: what their cells share asked once
    context = {
        "year": year,
        "as_of": as_of,
        "budget_tables": layout.tables("budget-overview", budget),
        # the clusters and the pool; their other public funding per instrument (hundreds
        # of rows) and the KPIs' list are on the reports' own pages, which the page links
        "cluster_tables": layout.tables("cluster-overview", clusters, stop=2),
        "kpi_tables": layout.tables("kpi-status", kpis, first=1),
        "chart": bar_chart(rows, "envelope", labels),
    }
    html = render_to_string("web/_dashboard_figures.html", context, request)
    glance_html = render_to_string("web/_headline.html", glance, request)
    return {"figures": budget["figures"], "glance": str(glance_html), "html": str(html)}


def report_page(request: HttpRequest, name: str) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    if name not in REPORTS:
        raise Http404("unknown report")
    spec = report_spec(name)
    as_of = parse_as_of(request)
    year = parse_year(request, default_year()) if spec.yearly else None
    cluster = request.GET.get("cluster") or None if spec.per_cluster else None
    try:
        report = report_build(name, year=year, cluster=cluster, as_of=as_of)
    except ReportError as error:
        raise Http404(str(error)) from None
    fmt = request.GET.get("format")
    if fmt == "csv":
        return table_csv(request, name, report, cluster=cluster)
    if fmt in DOCUMENTS:
        return report_document(name, report, fmt, cluster=cluster)
    known = names()
    tables = report_tables(request, name, report, year=year, as_of=as_of, known=known)
    context = {
        "name": name,
        "title": label(name),
        "question": gettext(spec.question),
        "report": report,
        "yearly": spec.yearly,
        "year": year,
        "as_of": as_of,
        "years": years_known() if spec.yearly else None,  # pact-resources has no year to pick
        "no_budget": spec.yearly and year is not None and not year_has_budget(year),
        "tables": tables,
        "chart": report_chart(name, report, known),
        "over": any(cell.over for table in tables for row in table.rows for cell in row),
        "reports": list(REPORTS),
        "documents": [
            (kind, "?" + query(year=year, as_of=as_of, cluster=cluster, format=kind)) for kind in DOCUMENTS
        ],
    }
    return render(request, "web/report.html", context)


def drill(request: HttpRequest, kind: str) -> HttpResponse:
    """The records behind one figure, with their total (equal to the figure)."""
    if kind not in RECORDS:
        raise Http404("unknown list")
    cluster = request.GET.get("cluster") or None
    permissions.require(permissions.may_see_cluster(request.user, cluster))
    year = parse_year(request, None)
    if year is None:
        raise Http404("year required")
    as_of = parse_as_of(request)
    try:
        found = records(kind, request.GET, year=year, as_of=as_of)
    except UnknownFilter as error:
        raise Http404(str(error)) from error
    if request.GET.get("format") == "xlsx":
        columns, rows, totals = drill_rows(found)
        return list_xlsx(f"records-{kind}", columns, rows, totals, year=year, as_of=as_of)
    context = {
        "kind": kind,
        "records": found,
        "year": year,
        "as_of": request.GET.get("as_of"),
        "column": label(request.GET.get("column", "")),
        "filters": {k: _named(k, str(v)) for k, v in request.GET.items() if k in SHOWN_FILTERS[kind]},
        "export": export_url(request),
    }
    return render(request, "web/drill.html", context)


def _named(key: str, value: str) -> str:
    """A drill-down filter's value as the reader knows it: a code by its name."""
    return names().text(key, value) or value
