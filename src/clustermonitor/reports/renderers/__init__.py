"""Output formats of a report, one renderer each, all fed the same plain report data.

A renderer takes the report and its tables and returns text (or bytes, for a binary
format, which needs a file to go to). Add a format by adding a `Format` here.

Each renderer's module is imported when its format is first used: matplotlib (charts of
html/pdf, imported when the first chart is drawn: charts.py), WeasyPrint (pdf) and
openpyxl (xlsx) take most of a CLI process's start-up, so a JSON or CSV report never
loads them.
"""

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from clustermonitor.reports.figures import Report, ReportError
from clustermonitor.reports.tables import Table


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # under clustermonitor.reports.renderers
    function: str  # called with (report, tables), or (report) when `report_only`
    binary: bool = False
    report_only: bool = False

    def render(self, report: Report, tables: list[Table]) -> str | bytes:
        function: Any = getattr(import_module(f"{__name__}.{self.module}"), self.function)
        output: str | bytes = function(report) if self.report_only else function(report, tables)
        return output


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "as_json", "render_json", report_only=True),
        Format("csv", "as_csv", "render_csv"),
        Format("md", "as_markdown", "render_markdown"),
        Format("xlsx", "as_xlsx", "render_xlsx", binary=True),
        Format("pdf", "as_html", "render_pdf", binary=True),
        Format("html", "as_html", "render_html"),
    )
}


def report_format(name: str) -> Format:
    """The format called `name`; raises ReportError for an unknown one."""
    if name in FORMATS:
        return FORMATS[name]
    raise ReportError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
