"""Bar charts written as SVG text, in matplotlib's geometry, for the HTML page and the PDF.

A PDF answer spent a fifth of its time on matplotlib (0.4 s to import it, 0.4 s to draw its
four charts) and WeasyPrint as much again walking matplotlib's SVG (a thousand nodes). The
charts are bars, ticks and words: this module writes them directly, laid out as matplotlib
lays them out with the charts' settings (charts.py: a 7-inch figure, DejaVu Sans 8 pt,
title 9.6 pt, axes from 12.5 % to 90 % of the width and 11 % to 88 % of the height,
ticks 3.5 pt outside, a 5 % margin except at a bar's base, `MaxNLocator` ticks, the legend
where it covers fewest bars, cropped to the drawing plus 0.1 inch as `bbox_inches="tight"`).
Text stays text (searchable in the PDF). The Word charts (PNG) are still matplotlib's.

Sizes are in points, the SVG's user unit as in matplotlib's; svgscale.py sets the axes.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from clustermonitor.reports.renderers import svgscale
from clustermonitor.reports.renderers.svgscale import FONT, MARGIN, limits, text_width, ticks

TITLE = 9.6  # pt, matplotlib's "large"
ASCENT = 0.76  # DejaVu Sans' ascent as matplotlib places text, per pt of size
WIDTH = 504.0  # 7 inches
TICK = 3.5  # tick length, outside the axes
TICK_PAD = 3.5  # between a tick and its label
LABEL_PAD = 4.0  # between tick labels and the axis label
TITLE_PAD = 6.0
CROP_PAD = 7.2  # bbox_inches="tight": 0.1 inch around everything drawn
# legend, in font sizes: borderpad, labelspacing, handlelength, handleheight,
# handletextpad, borderaxespad, columnspacing (matplotlib's defaults)
BORDER, SPACING, HANDLE, HANDLE_H, HANDLE_PAD, AXES_PAD, COLUMNS = 0.4, 0.5, 2.0, 0.7, 0.8, 0.5, 2.0
MIDDLE = 0.38  # a label centred on its tick has its baseline this far below, per pt of size


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass
class Box:
    x0: float = math.inf
    y0: float = math.inf
    x1: float = -math.inf
    y1: float = -math.inf

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = min(self.x0, x0, x1), min(self.y0, y0, y1)
        self.x1, self.y1 = max(self.x1, x0, x1), max(self.y1, y0, y1)

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass
class Chart:
    """One axes in a 7-inch figure `height` points high, drawn in matplotlib's places."""

    height: float
    xlim: tuple[float, float] = (0.0, 1.0)
    ylim: tuple[float, float] = (0.0, 1.0)
    parts: list[str] = field(default_factory=list)
    ink: Box = field(default_factory=Box)
    bars: list[Box] = field(default_factory=list)

    @property
    def left(self) -> float:
        return 0.125 * WIDTH

    @property
    def right(self) -> float:
        return 0.9 * WIDTH

    @property
    def top(self) -> float:
        return 0.12 * self.height

    @property
    def bottom(self) -> float:
        return 0.89 * self.height

    def x(self, value: float) -> float:
        low, high = self.xlim
        return self.left + (value - low) / (high - low) * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.ylim
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    def bar(self, x0: float, x1: float, y0: float, y1: float, colour: str) -> None:
        box = Box()
        box.add(self.x(x0), self.y(y0), self.x(x1), self.y(y1))
        self.bars.append(box)
        if box.x1 > box.x0 and box.y1 > box.y0:
            self.parts.append(_rect(box.x0, box.y0, box.x1, box.y1, colour))

    def text(self, x: float, y: float, text: str, anchor: str = "start", size: float = FONT) -> None:
        """Horizontal text with its baseline at `y`."""
        width = text_width(text, size)
        start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        self.ink.add(start, y - ASCENT * size, start + width, y + (1 - ASCENT) * size)
        self.parts.append(_text(x, y, text, anchor, size))

    def upward(self, x: float, y: float, text: str, anchor: str) -> None:
        """Text turned a quarter left, its baseline at `x`, read from `y` upwards."""
        width = text_width(text)
        start = {"start": y, "middle": y + width / 2}[anchor]
        self.ink.add(x - ASCENT * FONT, start - width, x + (1 - ASCENT) * FONT, start)
        self.parts.append(_text(x, y, text, anchor, FONT, rotate=True))

    def frame(self) -> None:
        """The left and bottom spines (the top and right ones are hidden)."""
        left, right, top, bottom = self.left, self.right, self.top, self.bottom
        self.ink.add(left, top, right, bottom)
        self.parts.append(f'<path d="M {_n(left)} {_n(top)} V {_n(bottom)} H {_n(right)}" style="{LINE}"/>')

    def x_ticks(self, values: Sequence[float], labels: Sequence[str], upright: bool = False) -> float:
        """Ticks below the axes with their labels; the labels' lowest point."""
        marks, lowest = [], self.bottom + TICK + TICK_PAD + FONT
        for value, text in zip(values, labels, strict=True):
            x = self.x(value)
            marks.append(f"M {_n(x)} {_n(self.bottom)} v {_n(TICK)}")
            if upright:  # turned a quarter left, centred on the tick, hanging from the axis
                width = text_width(text)
                top = self.bottom + TICK + TICK_PAD
                self.upward(x + (FONT / 2 - (1 - ASCENT) * FONT), top + width, text, "start")
                lowest = max(lowest, top + width)
            else:
                self.text(x, self.bottom + TICK + TICK_PAD + ASCENT * FONT, text, "middle")
        self._marks(marks)
        return lowest

    def y_ticks(self, values: Sequence[float], labels: Sequence[str]) -> float:
        """Ticks left of the axes with their labels; the labels' leftmost point."""
        marks, leftmost = [], self.left - TICK - TICK_PAD
        for value, text in zip(values, labels, strict=True):
            y = self.y(value)
            marks.append(f"M {_n(self.left)} {_n(y)} h {_n(-TICK)}")
            self.text(self.left - TICK - TICK_PAD, y + MIDDLE * FONT, text, "end")
            leftmost = min(leftmost, self.left - TICK - TICK_PAD - text_width(text))
        self._marks(marks)
        return leftmost

    def _marks(self, marks: list[str]) -> None:
        if marks:
            self.parts.append(f'<path d="{" ".join(marks)}" style="{LINE}"/>')

    def title(self, text: str) -> None:
        self.text((self.left + self.right) / 2, self.top - TITLE_PAD, text, "middle", TITLE)

    def legend(self, entries: Sequence[tuple[str, str]], below: float | None = None) -> None:
        """The legend without a frame: in one column where it covers fewest bars
        (loc="best"), or in one row centred `below` axes heights under the axes."""
        row = FONT * (1 + SPACING)
        columns = [HANDLE * FONT + HANDLE_PAD * FONT + text_width(text) for text, _colour in entries]
        if below is None:
            width = 2 * BORDER * FONT + max(columns)
            height = 2 * BORDER * FONT + len(entries) * row - SPACING * FONT
            x, y = self._best(width, height)
            places = [(x + BORDER * FONT, y + BORDER * FONT + index * row) for index in range(len(entries))]
        else:
            width = 2 * BORDER * FONT + sum(columns) + COLUMNS * FONT * (len(entries) - 1)
            height = 2 * BORDER * FONT + FONT
            x = (self.left + self.right) / 2 - width / 2
            y = self.bottom + below * (self.bottom - self.top) + AXES_PAD * FONT
            places, across = [], x + BORDER * FONT
            for column in columns:
                places.append((across, y + BORDER * FONT))
                across += column + COLUMNS * FONT
        self.ink.add(x, y, x + width, y + height)
        for (text, colour), (left, top) in zip(entries, places, strict=True):
            baseline = top + ASCENT * FONT
            self.parts.append(_rect(left, baseline - HANDLE_H * FONT, left + HANDLE * FONT, baseline, colour))
            self.parts.append(_text(left + (HANDLE + HANDLE_PAD) * FONT, baseline, text, "start", FONT))

    def _best(self, width: float, height: float) -> tuple[float, float]:
        pad = AXES_PAD * FONT
        xs = {"l": self.left + pad, "c": (self.left + self.right - width) / 2, "r": self.right - pad - width}
        ys = {
            "u": self.top + pad,
            "c": (self.top + self.bottom - height) / 2,
            "d": self.bottom - pad - height,
        }
        order = ("ur", "ul", "dl", "dr", "cr", "cl", "cr", "dc", "uc", "cc")  # matplotlib's codes 1-10
        best: tuple[int, float, float] | None = None
        for code in order:
            x, y = xs[code[1]], ys[code[0]]
            box = Box(x, y, x + width, y + height)
            covered = sum(box.overlaps(bar) for bar in self.bars)
            if best is None or covered < best[0]:
                best = (covered, x, y)
            if covered == 0:
                break
        assert best is not None
        return best[1], best[2]

    def svg(self) -> str:
        """The picture cropped to what is drawn, 0.1 inch around it."""
        x0, y0 = self.ink.x0 - CROP_PAD, self.ink.y0 - CROP_PAD
        width, height = self.ink.x1 - self.ink.x0 + 2 * CROP_PAD, self.ink.y1 - self.ink.y0 + 2 * CROP_PAD
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}pt" height="{_n(height)}pt" '
            f'viewBox="{_n(x0)} {_n(y0)} {_n(width)} {_n(height)}">'
            f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>'
            + "".join(self.parts)
            + "</svg>"
        )


LINE = "fill: none; stroke: #000000; stroke-width: 0.8; stroke-linecap: square"


def _rect(x0: float, y0: float, x1: float, y1: float, colour: str) -> str:
    return f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(x1 - x0)}" height="{_n(y1 - y0)}" fill="{colour}"/>'


def _text(x: float, y: float, text: str, anchor: str, size: float, rotate: bool = False) -> str:
    turn = f' transform="rotate(-90 {_n(x)} {_n(y)})"' if rotate else ""
    style = f"font-size: {_n(size)}px; font-family: 'DejaVu Sans'; text-anchor: {anchor}"
    return f'<text x="{_n(x)}" y="{_n(y)}" style={quoteattr(style)}{turn}>{escape(text)}</text>'


def paired_bars(
    names: list[str],
    series: tuple[list[float], list[float]],
    legend: tuple[tuple[str, str], tuple[str, str]],
    title: str,
    unit: str,
) -> str:
    """Two bars per name, side by side (charts._paired_bars): the y axis in `unit`."""
    chart = Chart(2.8 * 72)
    width = 0.38
    values = [0.0, *series[0], *series[1]]
    chart.xlim = limits(-width, len(names) - 1 + width) if names else (-MARGIN, MARGIN)
    chart.ylim = limits(min(values), max(values), [0.0])
    for shift, heights, (_label, colour) in zip((-width / 2, width / 2), series, legend, strict=True):
        for position, height in enumerate(heights):
            chart.bar(position + shift - width / 2, position + shift + width / 2, 0.0, height, colour)
    chart.frame()
    chart.x_ticks(range(len(names)), names)
    values = ticks(*chart.ylim, svgscale.tick_space(chart.bottom - chart.top, vertical=True))
    leftmost = chart.y_ticks(values, [f"{value:g}" for value in values])
    middle = (chart.top + chart.bottom) / 2
    chart.upward(leftmost - LABEL_PAD - (1 - ASCENT) * FONT, middle, unit, "middle")
    chart.title(title)
    chart.legend(legend)
    return chart.svg()


def year_blocks(
    rows: list[tuple[str, list[tuple[int, str]]]], legend: Sequence[tuple[str, str]], title: str
) -> str:
    """Per name (top to bottom) a block per year in its colour (charts.pact_chart)."""
    chart = Chart((0.35 * len(rows) + 1.0) * 72)
    years = [year for _name, blocks in rows for year, _colour in blocks]
    if years:
        chart.xlim = limits(min(years) - 0.46, max(years) + 0.46, [year - 0.46 for year in years])
    chart.ylim = limits(-0.3, len(rows) - 1 + 0.3)
    for index, (_name, blocks) in enumerate(reversed(rows)):
        for year, colour in blocks:
            chart.bar(year - 0.46, year + 0.46, index - 0.3, index + 0.3, colour)
    chart.frame()
    marks: list[float] = list(range(min(years), max(years) + 1)) if years else ticks(*chart.xlim, 9)
    chart.x_ticks(
        marks, [str(year) for year in marks] if years else svgscale.plain_ticks(marks), upright=True
    )
    chart.y_ticks(range(len(rows)), [name for name, _blocks in reversed(rows)])
    chart.title(title)
    chart.legend(legend, below=0.25)
    return chart.svg()


def stacked_bars(
    names: list[str], counts: list[tuple[list[int], str]], legend: Sequence[str], title: str, unit: str
) -> str:
    """Per name (top to bottom) one bar of counts end to end, coloured (charts.kpi_chart)."""
    chart = Chart((0.22 * len(names) + 1.2) * 72)
    starts, segments = [0] * len(names), []
    for values, colour in counts:
        for index, value in enumerate(values):
            segments.append((starts[index], starts[index] + value, index, colour))
        starts = [start + value for start, value in zip(starts, values, strict=True)]
    ends = [edge for first, last, _index, _colour in segments for edge in (first, last)] or [0]
    chart.xlim = limits(min(ends), max(ends), [first for first, _last, _index, _colour in segments])
    chart.ylim = limits(-0.3, len(names) - 1 + 0.3) if names else (-MARGIN, MARGIN)
    for first, last, index, colour in segments:
        chart.bar(first, last, len(names) - 1 - index - 0.3, len(names) - 1 - index + 0.3, colour)
    chart.frame()
    marks = ticks(*chart.xlim, svgscale.tick_space(chart.right - chart.left, vertical=False))
    lowest = chart.x_ticks(marks, svgscale.plain_ticks(marks))
    chart.text((chart.left + chart.right) / 2, lowest + LABEL_PAD + ASCENT * FONT, unit, "middle")
    chart.y_ticks(range(len(names)), list(reversed(names)))
    chart.title(title)
    chart.legend(list(zip(legend, [colour for _values, colour in counts], strict=True)), below=0.3)
    return chart.svg()
