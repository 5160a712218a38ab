"""Placeholder home page until the web application (its own issue) lands.

It shows the budget-overview of the latest year with data, through the same report and
table layout as the CLI.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clustermonitor.reports.registry import report_build, report_spec
from clustermonitor.reports.renderers.cells import table_cells
from clustermonitor.reports.selectors import latest_year

HOME_REPORT = "budget-overview"


def home(request: HttpRequest) -> HttpResponse:
    year = latest_year()
    context: dict[str, object] = {"year": year, "report": None, "tables": []}
    if year is not None:
        report = report_build(HOME_REPORT, year=year)
        context["report"] = report
        context["tables"] = [
            {"title": table.title, "columns": table.columns, "rows": table_cells(table)}
            for table in report_spec(HOME_REPORT).tables(report)
        ]
    return render(request, "web/home.html", context)
