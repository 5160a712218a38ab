"""What the record lists share (projects, ledger, drill-down): the search text and the
sort asked for (checked against the list's own sort keys: anything else is a 400), the
column headers that sort, a pager with page numbers, and the list as an xlsx download
through the reports' one xlsx renderer (with its totals row)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import BadRequest
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers import report_format
from clustermonitor.reports.tables import Table, total_row

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_QUERY = 100


@dataclass(frozen=True)
class Asked:
    q: str
    sort: str | None
    descending: bool


def asked(request: HttpRequest, sorts: dict[str, str] | set[str]) -> Asked:
    """`?q=`, `?sort=` (one of `sorts`) and `?order=asc|desc`; a wrong sort or order is a 400."""
    q = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    sort = request.GET.get("sort") or None
    order = request.GET.get("order") or "asc"
    if sort is not None and sort not in sorts:
        raise BadRequest(f"sort must be one of {', '.join(sorts)}")
    if order not in ("asc", "desc"):
        raise BadRequest("order must be asc or desc")
    return Asked(q, sort, order == "desc")


def headers(
    request: HttpRequest, columns: list[tuple[str, bool]], how: Asked, sorts: Any
) -> list[dict[str, Any]]:
    """The columns' headers (key, numeric): label, the address that sorts on it (the
    same column again reverses the order), and the order it is sorted in now."""
    out = []
    for key, numeric in columns:
        current = how.sort == key
        order = "asc" if current and how.descending else "desc" if current or numeric else "asc"
        out.append(
            {
                "key": key,
                "label": label(key),
                "numeric": numeric,
                "url": "?" + _with(request, sort=key, order=order, page=None) if key in sorts else None,
                "sorted": "descending" if current and how.descending else "ascending" if current else "",
            }
        )
    return out


def paged(request: HttpRequest, items: QuerySet[Any]) -> tuple[Page[Any], dict[str, Any]]:
    """The page asked for (the last one for a number past the end) and its pager: the
    previous and next page, and the numbers of the first, the last and two on each side
    of the current page (a gap as None)."""
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    last = page.paginator.num_pages
    shown = sorted({1, last, *range(max(1, page.number - 2), min(last, page.number + 2) + 1)})
    links: list[dict[str, Any]] = []
    for number in shown:
        if links and number - shown[shown.index(number) - 1] > 1:
            links.append({"number": None, "gap": True})
        url = "?" + _with(request, page=str(number))
        links.append({"number": number, "url": url, "current": number == page.number})
    return page, {
        "links": links,
        "previous": "?" + _with(request, page=str(page.number - 1)) if page.has_previous() else None,
        "next": "?" + _with(request, page=str(page.number + 1)) if page.has_next() else None,
    }


def list_xlsx(
    name: str,
    columns: tuple[str, ...],
    rows: list[dict[str, Any]],
    totals: dict[str, Any] | None,
    *,
    year: int | None = None,
    as_of: date | None = None,
) -> HttpResponse:
    """The whole list (all pages, in the order shown) as an xlsx workbook, closed by a
    totals row where its figures add up (None: they do not, as a ledger's kinds), through
    the reports' xlsx renderer."""
    closing = [] if totals is None else [total_row(columns[0], totals)]
    table = Table(name, columns, [*rows, *closing])
    about = {"report": name, "year": year, "as_of": as_of, "figures": "records"}
    output = report_format("xlsx").render(about, [table])
    response = HttpResponse(output, content_type=XLSX)
    stem = "-".join(str(part) for part in (name, year, as_of and f"as-of-{as_of}") if part)
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response


def export_url(request: HttpRequest) -> str:
    return "?" + _with(request, format="xlsx", page=None)


def _with(request: HttpRequest, **changes: str | None) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()
