"""Report tables laid out for HTML: sorted as asked, each figure with its drill-down link,
each code by its name, the rows written as HTML in Python (`HtmlTable.body_html`).

A dashboard lays out some 1,300 cells per view, so what cells share is worked out once
per page (`TableLayout`: the language, who may see which cluster, the addresses, the text
of each figure value) and each cell does only its own part."""

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from html import escape
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from clustermonitor.access import permissions
from clustermonitor.reports.figures import Report
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import report_spec
from clustermonitor.reports.renderers.cells import cell_text, is_number
from clustermonitor.reports.renderers.names import KPI_FIGURES, Names, kpi_figure, lang, names
from clustermonitor.reports.tables import TOTAL_LABELS, Table, is_total_row
from clustermonitor.web.drill import ColumnLink, FigureLinks
from clustermonitor.web.templatetags.web import cell_in, cell_texts

YEAR_COLUMNS = {"year", "pact_start_year", "pact_end_year"}  # printed as is: 2018, not 2.018


@dataclass(slots=True)
class Cell:
    value: Any
    link: str | None = None
    numeric: bool = False
    raw: str = ""  # the figure as the renderers print it (`4500000.00`), for tests and tools
    text: str | None = None  # a code by its name, a KPI figure in its unit; None: the `cell` filter
    over: bool = False  # a commitment above its allocation: marked on the page
    shown: str = ""  # what the page shows: `text`, else the value as the `cell` filter prints it
    safe: bool = False  # `raw` and `shown` our own number formats made: nothing to escape


@dataclass
class HtmlTable:
    index: int
    title: str
    columns: list[dict[str, Any]]
    rows: list[list[Cell]] = field(default_factory=list)
    totals: set[int] = field(default_factory=set)  # indexes of the total and subtotal rows

    @property
    def parts(self) -> list[dict[str, Any]]:
        """The body (data rows, in the order asked) and, when there are any, the foot: the
        subtotal and total rows in the report's order, which stay there whatever the
        sorting (issue 14 point 10)."""
        body = [row for index, row in enumerate(self.rows) if index not in self.totals]
        foot = [row for index, row in enumerate(self.rows) if index in self.totals]
        parts = [{"tag": "tbody", "rows": body, "totals": False}]
        return parts + ([{"tag": "tfoot", "rows": foot, "totals": True}] if foot else [])

    @property
    def body_html(self) -> SafeString:
        """`parts` as HTML (web/_table.html): written here, not by the template language,
        which spent a dashboard's whole rendering budget on its thousands of cells."""
        over = OVER_MARK.format(escape(gettext("above the allocation:")))
        written: dict[int, str] = {}  # a cell shared by rows (a code's, report_tables) written once
        out = []
        for part in self.parts:
            out.append(f"<{part['tag']}>\n  ")
            tr = '<tr class="total">' if part["totals"] else "<tr>"
            for row in part["rows"]:
                out.append(tr)
                for cell in row:
                    html = written.get(id(cell))
                    if html is None:
                        html = written[id(cell)] = _cell_html(cell, over)
                    out.append(html)
                out.append("</tr>\n  ")
            out.append(f"\n  </{part['tag']}>")
        return mark_safe("".join(out))  # every text in it escaped by _cell_html


OVER_MARK = '<span class="over-mark" aria-hidden="true">▲ </span><span class="visually-hidden">{} </span>'


def _cell_html(cell: Cell, over: str) -> str:
    """One `<td>`: a figure with its drill-down link and raw value, a cluster with its
    page's link, else the cell's text; a commitment above its allocation marked. Texts
    escaped as the template escaped them, but for a figure's, which are digits and signs."""
    td = ('<td class="num over">' if cell.over else '<td class="num">') if cell.numeric else "<td>"
    mark = over if cell.over else ""
    raw, shown = (cell.raw, cell.shown) if cell.safe else (escape(cell.raw), escape(cell.shown))
    if cell.link and cell.numeric:
        inner = f'<a class="figure" href="{escape(cell.link)}" data-value="{raw}">{shown}</a>'
    elif cell.link:
        inner = f'<a href="{escape(cell.link)}">{escape(cell.text or str(cell.value))}</a>'
    else:
        inner = shown
    return f"{td}{mark}{inner}</td>"


def committed_above_allocated(row: dict[str, Any], column: str) -> bool:
    """A `committed` or `committed_<part>` figure above its row's `allocated[_<part>]`."""
    if not column.startswith("committed"):
        return False
    allocated: Any = row.get("allocated" + column.removeprefix("committed"))
    committed: Any = row.get(column)
    return is_number(allocated) and is_number(committed) and committed > allocated


def sort_rows(table: Table, sort: str | None, descending: bool) -> Table:
    """The table with its rows sorted on a column; a closing total row stays last."""
    if not sort or sort not in table.columns:
        return table
    rows = [row for row in table.rows if not is_total_row(table, row)]
    tail = [row for row in table.rows if is_total_row(table, row)]  # in their own order

    def key(row: dict[str, Any]) -> tuple[int, Any]:
        value = row.get(sort)
        if value is None:
            return (1, 0)
        return (0, value if not isinstance(value, str) else value.lower())

    try:
        rows.sort(key=key, reverse=descending)
    except TypeError:
        rows.sort(key=lambda r: str(r.get(sort)), reverse=descending)
    return replace(table, rows=rows + tail)  # the drill-downs kept: a sorted figure still opens


def report_tables(
    request: HttpRequest,
    name: str,
    report: Report,
    *,
    year: int | None,
    as_of: date | None,
    known: Names | None = None,
    first: int = 0,
) -> list[HtmlTable]:
    """A page's one report's tables (`TableLayout.tables`)."""
    return TableLayout(request, year=year, as_of=as_of, known=known).tables(name, report, first=first)


class TableLayout:
    """Lays out the report tables of one page (the dashboard has three reports'), asking
    what their cells share once: the language, the code names, who may see which
    cluster, the clusters' pages, the drill-down addresses' parts, each figure's texts."""

    def __init__(
        self, request: HttpRequest, *, year: int | None, as_of: date | None, known: Names | None = None
    ) -> None:
        self.request = request
        self.known = known or names()
        self.language = lang()  # asked once: per figure it was a tenth of the dashboard's time
        self.links = FigureLinks(year=year, as_of=as_of)
        self.may_see: dict[str | None, bool] = {}
        self.texts: dict[tuple[type, Any], tuple[str, str]] = {}  # a page repeats its 0s and counts

    def tables(
        self, name: str, report: Report, *, first: int = 0, stop: int | None = None
    ) -> list[HtmlTable]:
        """The report's own tables (report_spec(name).tables), sorted as asked, linked for
        drilling; the page shows those from index `first` up to `stop` (not included), the
        others are not laid out."""
        return [
            self.table(index, table)
            for index, table in enumerate(report_spec(name).tables(report))
            if index >= first and (stop is None or index < stop)
        ]

    def table(self, index: int, table: Table) -> HtmlTable:
        sort, descending = self.request.GET.get("sort"), self.request.GET.get("order") == "desc"
        table = sort_rows(table, sort, descending)
        asked = self.request.GET.copy()  # once per table: the sort links change two of its keys
        columns = []
        for column in table.columns:
            asked["sort"], asked["order"] = column, "asc" if sort == column and descending else "desc"
            columns.append(
                {
                    "key": column,
                    "label": label(column),
                    "sort_url": "?" + asked.urlencode(),
                    "sorted": sort == column,
                    "descending": descending,
                }
            )
        html = HtmlTable(index, label(table.title), columns)
        links = {column: self.links.of_column(table, column) for column in table.columns}  # once a column
        # a code or a label is the same cell in every row it is in (its name, its link):
        # made once per table and shared, as a table repeats a few dozen of them
        codes: dict[tuple[str, str], Cell] = {}
        for row in table.rows:
            if is_total_row(table, row):
                html.totals.add(len(html.rows))
            cells = []
            for column in table.columns:
                value = row.get(column)
                if isinstance(value, str) and column not in KPI_FIGURES:
                    if (column, value) not in codes:
                        codes[(column, value)] = self.cell(table, column, row, links[column])
                    cells.append(codes[(column, value)])
                else:
                    cells.append(self.cell(table, column, row, links[column]))
            html.rows.append(cells)
        return html

    def cell(self, table: Table, column: str, row: dict[str, Any], link: ColumnLink | None) -> Cell:
        value = row.get(column)
        if column in YEAR_COLUMNS and value is not None:
            return Cell(str(value), raw=str(value), shown=cell_in(str(value), self.language))
        if is_number(value) and not (column in KPI_FIGURES and "kpi" in row):
            raw, shown = self.figure_texts(value)
            cell = Cell(value, numeric=True, raw=raw, shown=shown, safe=True)
        else:
            text = _text(self.known, table, column, row, self.language)
            raw, shown = cell_texts(value, self.language) if text is None else (cell_text(value), text)
            cell = Cell(value, numeric=is_number(value), raw=raw, text=text, shown=shown)
        if column == "cluster" and value not in (None, *TOTAL_LABELS):
            cell.link = self.cluster_page(value)
        elif cell.numeric:
            cell.over = committed_above_allocated(row, column)
            found = link(row) if link is not None else None
            if found and self.visible(found[1]):
                cell.link = found[0]
        return cell

    def figure_texts(self, value: Any) -> tuple[str, str]:
        """`cell_texts` of a figure (a Decimal, int or Fraction), once per value and type (equal
        values print alike)."""
        key = (type(value), value)
        found = self.texts.get(key)
        if found is None:
            found = self.texts[key] = cell_texts(value, self.language)
        return found

    def visible(self, code: str | None) -> bool:
        if code not in self.may_see:
            self.may_see[code] = permissions.may_see_cluster(self.request.user, code)
        return self.may_see[code]

    def cluster_page(self, code: Any) -> str | None:
        """The cluster's page, for those who may open it (no link to a 403)."""
        return _cluster_page(get_script_prefix(), code) if self.visible(code) else None


@lru_cache(maxsize=4096)
def _cluster_page(script_prefix: str, code: Any) -> str:
    """The cluster page's address, reversed once per process and script prefix (the part
    of the address reverse() reads from the request): at 30 µs a reversal, the hundred
    clusters a dashboard links were a tenth of its table layout."""
    return reverse("cluster", args=[code])


def _text(known: Names, table: Table, column: str, row: dict[str, Any], language: str) -> str | None:
    """A code by its name and a KPI figure in the KPI's unit; None for the `cell` filter."""
    if column in KPI_FIGURES and "kpi" in row:
        return kpi_figure(row.get(column), known.unit_of(row), language)
    return known.text(column, row.get(column), table.columns)
