"""The HTML and PDF renderers: one Django template, printed by WeasyPrint for the PDF.

The page has the report's title, year, figures' status and as-of date in its header, each
table with right-aligned figures (totals rows in bold), the chart where the report has one
(charts.py) and the definitions of the measures shown; the PDF is A4 with page numbers.
Wide tables go on landscape pages.
"""

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.template.loader import render_to_string

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.renderers.charts import chart_for
from clustermonitor.reports.renderers.definitions import COMMON_RULES, REPORT_TITLES, definitions_of
from clustermonitor.reports.renderers.display import display
from clustermonitor.reports.tables import Table

WIDE = 8  # tables with more columns go on a landscape page
TOTAL_LABELS = {"total", "spearhead"}


def html_table(table: Table, *, lang: str = "en", headers: dict[str, str] | None = None) -> dict[str, Any]:
    """A table as the template prints it: header cells and rows of (text, right-aligned)."""
    headers = headers or {}
    numeric = {column for column in table.columns if any(_is_number(row.get(column)) for row in table.rows)}
    return {
        "title": table.title,
        "wide": len(table.columns) > WIDE,
        "columns": [
            {"text": headers.get(column, column.replace("_", " ")), "right": column in numeric}
            for column in table.columns
        ],
        "rows": [
            {
                "total": any(row.get(column) in TOTAL_LABELS for column in table.columns[:2]),
                "cells": [
                    {"text": display(column, row.get(column), lang), "right": column in numeric}
                    for column in table.columns
                ],
            }
            for row in table.rows
        ],
    }


def _is_number(value: Any) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)


def report_context(report: Report, tables: list[Table]) -> dict[str, Any]:
    title = REPORT_TITLES.get(report["report"], report["report"])
    year = "" if report["year"] is None else str(report["year"])
    return {
        "lang": "en",
        "title": title,
        "name": report["report"],
        "year": year or "whole pact",
        "figures": report["figures"],
        "as_of": cell_text(report["as_of"]) or "everything stored",
        "running": css_text(f"{report['report']} {year}".strip()),
        "status_line": css_text(f"figures: {report['figures']}"),
        "page_label": "page",
        "tables": [html_table(table) for table in tables],
        "chart": chart_for(report),
        "definitions": definitions_of([column for table in tables for column in table.columns]),
        "rules": COMMON_RULES,
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

    return HTML(string=html).write_pdf()
