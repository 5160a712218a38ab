"""The HTML and PDF renderers: one Django template, printed by WeasyPrint for the PDF.

The page has the report's title, year, figures' status and as-of date in its header, each
table with right-aligned figures (totals rows in bold), the chart where the report has one
(charts.py) and the definitions of the measures shown; the PDF is A4 with page numbers.
Wide tables go on landscape pages. Everything is in the active language (the page's, or
the CLI's `--lang`), codes by their names (names.py).
"""

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from clustermonitor.reports.figures import Report
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.renderers.charts import chart_for
from clustermonitor.reports.renderers.definitions import COMMON_RULES, definitions_of, report_title
from clustermonitor.reports.renderers.display import display
from clustermonitor.reports.renderers.names import KPI_FIGURES, Names, kpi_figure, lang
from clustermonitor.reports.renderers.names import names as code_names
from clustermonitor.reports.renderers.widths import sized
from clustermonitor.reports.tables import Table, is_total_row

WIDE = 8  # tables with more columns go on a landscape page


def html_table(table: Table, names: Names | None = None) -> dict[str, Any]:
    """A table as the template prints it, in the active language: header cells by their
    names, rows of (text, right-aligned) with codes by their names and KPI figures in their
    unit."""
    names = names or Names()
    language = lang()
    numeric = {column for column in table.columns if any(_is_number(row.get(column)) for row in table.rows)}
    wide = len(table.columns) > WIDE
    shown_table = {
        "title": label(table.title),
        "wide": wide,
        "columns": [{"text": label(column), "right": column in numeric} for column in table.columns],
        "rows": [
            {
                "total": is_total_row(table, row),
                "cells": [
                    {"text": shown(names, table, column, row, language), "right": column in numeric}
                    for column in table.columns
                ],
            }
            for row in table.rows
        ],
    }
    return sized(shown_table, wide)


def shown(names: Names, table: Table, column: str, row: dict[str, Any], language: str) -> str:
    """One cell as a reader sees it in a document: a code by its name, a KPI figure in the
    KPI's unit, a number grouped the language's way, yes/no in words."""
    value = row.get(column)
    if column in KPI_FIGURES and "kpi" in row:
        return kpi_figure(value, names.unit_of(row), language)
    if isinstance(value, bool):
        return label("yes" if value else "no")
    text = names.text(column, value, table.columns)
    return text if text is not None else display(column, value, language)


def _is_number(value: Any) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)


def report_context(report: Report, tables: list[Table]) -> dict[str, Any]:
    """The template's context in the active language (the page's, or the CLI's `--lang`)."""
    title = report_title(report["report"])
    year = "" if report["year"] is None else str(report["year"])
    names = code_names()
    return {
        "lang": lang(),
        "title": title,
        "name": report["report"],
        "year": year or _("whole pact"),
        "figures": report["figures"],
        "figures_label": label(report["figures"]),
        "as_of": cell_text(report["as_of"]) or _("everything stored"),
        "running": css_text(f"{title} {year}".strip()),
        "status_line": css_text(f"{_('figures')}: {label(report['figures'])}"),
        "page_label": css_text(_("page")),
        "tables": [html_table(table, names) for table in tables],
        "chart": chart_for(report),
        "definitions": [
            (label(column), text)
            for column, text in definitions_of([column for table in tables for column in table.columns])
        ],
        "rules": COMMON_RULES,
        "none_label": _("(none)"),
    }


def css_text(text: str) -> str:
    """Text safe inside a CSS string of the page's margin boxes (no quotes, no markup)."""
    return "".join(char for char in text if char not in "\"\\<>&'")


def render_html(report: Report, tables: list[Table]) -> str:
    return render_to_string("reports/report.html", report_context(report, tables))


def render_pdf(report: Report, tables: list[Table]) -> bytes:
    return html_to_pdf(render_html(report, tables))


def html_to_pdf(html: str) -> bytes:
    """The same HTML printed to an A4 PDF (page size and numbers come from the page's CSS)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
