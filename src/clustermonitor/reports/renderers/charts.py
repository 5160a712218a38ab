"""Charts where a picture says more than the table beside it, drawn from the report's data.

matplotlib (Agg) draws each chart as SVG, returned as a `data:` URI that both the HTML page
and WeasyPrint's PDF embed; chart text stays text (searchable in the PDF). The values are
the report's own figures, only converted for plotting. The words come from the one gettext
catalogue, in the language asked for (the active one when none is).

matplotlib is imported when the first chart is drawn (`_pyplot`), not with this module: it
costs a third of a second, and a Markdown answer or a JSON report that imports this module
(for `CHARTS`, the reports that have a chart) draws none.
"""

import base64
import io
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from decimal import Decimal
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from django.utils.translation import gettext as _
from django.utils.translation import override

from clustermonitor.reports.figures import Report, Row
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers import svgchart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MILLION = Decimal(1_000_000)
COLOURS = {"budget": "#9dc3e6", "allocated": "#9dc3e6", "committed": "#1f4e79"}
STATUS_COLOURS = {
    "met": "#2e7d32",
    "partly": "#f9a825",
    "missed": "#c62828",
    "no_data": "#bdbdbd",
    "definitive": "#1f4e79",
    "provisional": "#6fa8dc",
    "planned": "#e0e0e0",
}


@cache
def _pyplot() -> ModuleType:
    """matplotlib's pyplot on the Agg back end, with the charts' text settings (once)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 8, "font.family": "DejaVu Sans"})
    return plt


def _subplots(width: float, height: float) -> tuple["Figure", Any]:
    """A new figure (pyplot's, so that closing it frees it) and its axes."""
    figure, axes = _pyplot().subplots(figsize=(width, height))
    return cast("Figure", figure), axes


def in_language(lang: str | None) -> AbstractContextManager[None]:
    """`lang` while rendering, or the active language when None is given."""
    return nullcontext() if lang is None else override(lang)


def _labels() -> dict[str, str]:
    """The chart's words in the active language, from the one catalogue (gettext)."""
    words = {key: label(key) for key in ("budget", "allocated", "committed", *STATUS_COLOURS)}
    words |= {key: label(key) for key in ("spearhead_operation", "spearhead_projects", "ibn")}
    return words | {
        "millions": str(_("million euro")),
        "budget_title": str(_("Budget and committed per envelope")),
        "cluster_title": str(_("Project budget per spearhead cluster: allocated and committed")),
        "pact_title": str(_("Cluster pacts: years and the status of their figures")),
        "kpi_title": str(_("KPIs per cluster")),
        "kpis": str(_("number of KPIs")),
    }


def chart_for(report: Report, lang: str | None = None) -> str | None:
    """The report's chart as an SVG data URI, or None for a report without one: written by
    svgchart.py in matplotlib's geometry (the same bars, ticks and words as `chart_png`),
    without loading matplotlib."""
    draw = SVG_CHARTS.get(report["report"])
    if draw is None:
        return None
    with in_language(lang):
        svg = draw(report, _labels())
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def chart_svg_matplotlib(report: Report, lang: str | None = None) -> str | None:
    """The report's chart as matplotlib draws it in SVG (what `chart_for` gave before; kept
    to compare the two in the tests)."""
    draw = CHARTS.get(report["report"])
    if draw is None:
        return None
    with in_language(lang):
        return _svg(draw(report, _labels()))


def chart_png(report: Report, lang: str | None = None) -> bytes | None:
    """The report's chart as PNG (for Word), or None for a report without one."""
    draw = CHARTS.get(report["report"])
    if draw is None:
        return None
    out = io.BytesIO()
    with in_language(lang):
        figure = draw(report, _labels())
    figure.savefig(out, format="png", dpi=150, bbox_inches="tight")
    _pyplot().close(figure)
    return out.getvalue()


def _millions(value: float, _position: Any) -> str:
    return f"{value:g}"


def _bar_heights(rows: list[Row], key: str) -> list[float]:
    """The amounts in millions of euros as bar heights: drawing coordinates for matplotlib,
    which only draws floats. No figure is printed from them; the tables stay Decimal."""
    return [float(row[key] / MILLION) for row in rows]


def _svg(figure: "Figure") -> str:
    out = io.BytesIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    _pyplot().close(figure)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _paired_bars(
    names: list[str], first: list[float], second: list[float], keys: tuple[str, str], labels: dict[str, str]
) -> "Figure":
    from matplotlib.ticker import FuncFormatter

    figure, axes = _subplots(7, 2.8)
    positions = range(len(names))
    width = 0.38
    axes.bar([p - width / 2 for p in positions], first, width, label=labels[keys[0]], color=COLOURS[keys[0]])
    axes.bar([p + width / 2 for p in positions], second, width, label=labels[keys[1]], color=COLOURS[keys[1]])
    axes.set_xticks(list(positions), names)
    axes.yaxis.set_major_formatter(FuncFormatter(_millions))
    axes.set_ylabel(labels["millions"])
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def budget_chart(report: Report, labels: dict[str, str]) -> "Figure":
    rows = report["envelopes"]
    figure = _paired_bars(
        [labels.get(row["envelope"], row["envelope"]) for row in rows],
        _bar_heights(rows, "budget"),
        _bar_heights(rows, "committed"),
        ("budget", "committed"),
        labels,
    )
    figure.axes[0].set_title(labels["budget_title"])
    return figure


def cluster_chart(report: Report, labels: dict[str, str]) -> "Figure":
    rows = report["rows"]
    figure = _paired_bars(
        [row["cluster"] for row in rows],
        _bar_heights(rows, "allocated_projects"),
        _bar_heights(rows, "committed_projects"),
        ("allocated", "committed"),
        labels,
    )
    figure.axes[0].set_title(labels["cluster_title"])
    return figure


def pact_chart(report: Report, labels: dict[str, str]) -> "Figure":
    clusters = report["clusters"]
    from matplotlib.patches import Rectangle

    figure, axes = _subplots(7, 0.35 * len(clusters) + 1.0)
    for index, block in enumerate(reversed(clusters)):
        for row in block["years"]:
            axes.barh(index, 0.92, left=row["year"] - 0.46, color=STATUS_COLOURS[row["figures"]], height=0.6)
    axes.set_yticks(range(len(clusters)), [block["cluster"] for block in reversed(clusters)])
    years = [row["year"] for block in clusters for row in block["years"]]
    if years:
        axes.set_xticks(range(min(years), max(years) + 1))
    axes.tick_params(axis="x", labelrotation=90)
    handles = [
        Rectangle((0, 0), 1, 1, color=STATUS_COLOURS[key]) for key in ("definitive", "provisional", "planned")
    ]
    axes.legend(
        handles,
        [labels[key] for key in ("definitive", "provisional", "planned")],
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25),
        ncol=3,
    )
    axes.set_title(labels["pact_title"])
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def kpi_chart(report: Report, labels: dict[str, str]) -> "Figure":
    clusters = report["clusters"]
    figure, axes = _subplots(7, 0.22 * len(clusters) + 1.2)
    names = [block["cluster"] for block in reversed(clusters)]
    left = [0] * len(names)
    for status in ("met", "partly", "missed", "no_data"):
        counts = [block[status] for block in reversed(clusters)]
        axes.barh(names, counts, left=left, color=STATUS_COLOURS[status], label=labels[status], height=0.6)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_xlabel(labels["kpis"])
    axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=4)
    axes.set_title(labels["kpi_title"])
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def budget_svg(report: Report, labels: dict[str, str]) -> str:
    rows = report["envelopes"]
    return svgchart.paired_bars(
        [labels.get(row["envelope"], row["envelope"]) for row in rows],
        (_bar_heights(rows, "budget"), _bar_heights(rows, "committed")),
        ((labels["budget"], COLOURS["budget"]), (labels["committed"], COLOURS["committed"])),
        labels["budget_title"],
        labels["millions"],
    )


def cluster_svg(report: Report, labels: dict[str, str]) -> str:
    rows = report["rows"]
    return svgchart.paired_bars(
        [row["cluster"] for row in rows],
        (_bar_heights(rows, "allocated_projects"), _bar_heights(rows, "committed_projects")),
        ((labels["allocated"], COLOURS["allocated"]), (labels["committed"], COLOURS["committed"])),
        labels["cluster_title"],
        labels["millions"],
    )


def pact_svg(report: Report, labels: dict[str, str]) -> str:
    keys = ("definitive", "provisional", "planned")
    return svgchart.year_blocks(
        [
            (block["cluster"], [(row["year"], STATUS_COLOURS[row["figures"]]) for row in block["years"]])
            for block in report["clusters"]
        ],
        [(labels[key], STATUS_COLOURS[key]) for key in keys],
        labels["pact_title"],
    )


def kpi_svg(report: Report, labels: dict[str, str]) -> str:
    clusters = report["clusters"]
    statuses = ("met", "partly", "missed", "no_data")
    return svgchart.stacked_bars(
        [block["cluster"] for block in clusters],
        [([block[status] for block in clusters], STATUS_COLOURS[status]) for status in statuses],
        [labels[status] for status in statuses],
        labels["kpi_title"],
        labels["kpis"],
    )


SVG_CHARTS: dict[str, Callable[[Report, dict[str, str]], str]] = {
    "budget-overview": budget_svg,
    "cluster-overview": cluster_svg,
    "pact-resources": pact_svg,
    "kpi-status": kpi_svg,
}

CHARTS: dict[str, Callable[[Report, dict[str, str]], "Figure"]] = {
    "budget-overview": budget_chart,
    "cluster-overview": cluster_chart,
    "pact-resources": pact_chart,
    "kpi-status": kpi_chart,
}
