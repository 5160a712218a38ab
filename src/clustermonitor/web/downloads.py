"""A report page's downloads: the whole report as a document (xlsx, pdf, html) rendered
by the same renderers as `clustermonitor report --format …`, and one table as shown on
the page as CSV (same sort; text that a spreadsheet would run as a formula neutralised)."""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse

from clustermonitor.reports.figures import Report
from clustermonitor.reports.registry import report_spec
from clustermonitor.reports.renderers import report_format
from clustermonitor.reports.renderers.cells import spreadsheet_cells
from clustermonitor.web.tables import sort_rows

DOCUMENTS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def report_document(name: str, report: Report, fmt: str, *, cluster: str | None = None) -> HttpResponse:
    """The report as a document in `fmt` (one of DOCUMENTS), as an attachment."""
    output = report_format(fmt).render(report, report_spec(name).tables(report))
    response = HttpResponse(output, content_type=DOCUMENTS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{_stem(name, report, cluster)}.{fmt}"'
    return response


def table_csv(request: HttpRequest, name: str, report: Report, *, cluster: str | None = None) -> HttpResponse:
    """Table `?table=N` as shown on the page (same sort), cells printed by the report renderers."""
    tables = report_spec(name).tables(report)
    try:
        table = tables[int(request.GET.get("table", "0"))]
    except (ValueError, IndexError):
        raise Http404("no such table") from None
    table = sort_rows(table, request.GET.get("sort"), request.GET.get("order") == "desc")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(spreadsheet_cells(table))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    slug = table.title.replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="{_stem(name, report, cluster)}-{slug}.csv"'
    return response


def _stem(name: str, report: Report, cluster: str | None) -> str:
    """`budget-overview-2018`, `pact-resources-pact`, `pact-resources-VIL-pact`, `…-as-of-2018-06-30`."""
    parts = [name, cluster] if cluster else [name]
    parts.append(str(report.get("year") or "pact"))
    if report.get("as_of"):
        parts += ["as-of", str(report["as_of"])]
    return "-".join(parts)
