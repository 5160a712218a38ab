"""The chart on each report page: which of the report's tables it draws, which column
names the bars, which figures they show. Only presentation: the bars are the table's
own figures (detail rows; pact-resources: each cluster's totals row)."""

from dataclasses import dataclass
from typing import Any

from clustermonitor.reports.figures import Report
from clustermonitor.reports.labels import instrument_name, label
from clustermonitor.reports.registry import report_spec
from clustermonitor.reports.renderers.names import Names
from clustermonitor.reports.tables import is_total_row
from clustermonitor.web.chart import SERIES, bar_chart

ALLOCATED, COMMITTED, PAID = "#5b8fc7", "#c0504d", "#8a9a5b"
LABEL_CHARS = 30  # what fits left of the bars (web/chart.py LABEL) at the axis font


@dataclass(frozen=True)
class ChartSpec:
    table: int
    by: str
    series: tuple[tuple[str, str], ...]
    amounts: bool = True
    totals_only: bool = False  # pact-resources: a bar group per cluster, its pact's totals


CHARTS = {
    "budget-overview": ChartSpec(0, "envelope", SERIES),
    "cluster-overview": ChartSpec(
        0, "cluster", (("allocated_projects", ALLOCATED), ("committed_projects", COMMITTED))
    ),
    "additional-resources": ChartSpec(1, "instrument", (("granted_support", ALLOCATED),)),
    "pact-resources": ChartSpec(
        1,
        "cluster",
        (("allocated_projects", ALLOCATED), ("committed_projects", COMMITTED), ("paid", PAID)),
        totals_only=True,
    ),
    "project-generation": ChartSpec(
        1, "cluster", (("granted_support", ALLOCATED), ("committed_projects", COMMITTED))
    ),
    "kpi-status": ChartSpec(
        1,
        "cluster",
        (("met", "#3d7a3d"), ("partly", "#b7791f"), ("missed", COMMITTED), ("no_data", "#8a96a3")),
        amounts=False,
    ),
}


def report_chart(name: str, report: Report, known: Names) -> dict[str, Any] | None:
    """The report page's chart (None for a report without one, or without rows)."""
    spec = CHARTS.get(name)
    if spec is None:
        return None
    table = report_spec(name).tables(report)[spec.table]
    totals = [row for row in table.rows if is_total_row(table, row)]
    rows = totals if spec.totals_only else [row for row in table.rows if row not in totals]
    if not rows:
        return None
    labels = {key: label(key) for key, _ in spec.series}
    labels |= {str(row[spec.by]): _bar_label(spec.by, str(row[spec.by]), known) for row in rows}
    chart = bar_chart(rows, spec.by, labels, spec.series)
    return {"chart": chart, "amounts": spec.amounts, "title": label(table.title)}


def _bar_label(column: str, code: str, known: Names) -> str:
    """A bar group's label: a cluster by its name, an envelope or instrument by its name,
    shortened to what fits left of the bars (the table below the chart has it whole)."""
    name = known.clusters.get(code, code) if column == "cluster" else instrument_name(label(code))
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
