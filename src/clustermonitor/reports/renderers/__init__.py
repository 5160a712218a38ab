"""Output formats of a report, one renderer each, all fed the same plain report data.

A renderer takes the report and its tables and returns text (or bytes, for a binary
format, which needs a file to go to). Add a format by adding a `Format` here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from clustermonitor.reports.figures import Report, ReportError
from clustermonitor.reports.renderers.as_csv import render_csv
from clustermonitor.reports.renderers.as_html import render_html, render_pdf
from clustermonitor.reports.renderers.as_json import render_json
from clustermonitor.reports.renderers.as_markdown import render_markdown
from clustermonitor.reports.renderers.as_xlsx import render_xlsx
from clustermonitor.reports.tables import Table


@dataclass(frozen=True)
class Format:
    name: str
    render: Callable[[Report, list[Table]], str | bytes]
    binary: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", lambda report, tables: render_json(report)),
        Format("csv", render_csv),
        Format("md", render_markdown),
        Format("xlsx", render_xlsx, binary=True),
        Format("pdf", render_pdf, binary=True),
        Format("html", render_html),
    )
}


def report_format(name: str) -> Format:
    """The format called `name`; raises ReportError for an unknown one."""
    if name in FORMATS:
        return FORMATS[name]
    raise ReportError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
