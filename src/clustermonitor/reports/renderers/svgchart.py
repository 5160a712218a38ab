"""Bar charts written as SVG text, in matplotlib's geometry, for the HTML page and the PDF.

A PDF answer spent a fifth of its time on matplotlib (0.4 s to import it, 0.4 s to draw its
four charts) and WeasyPrint as much again walking matplotlib's SVG (a thousand nodes). The
charts are bars, ticks and words: this module writes them directly, laid out as matplotlib
lays them out with the charts' settings (charts.py: a 7-inch figure, DejaVu Sans 8 pt,
title 9.6 pt, axes from 12.5 % to 90 % of the width and 11 % to 88 % of the height,
ticks 3.5 pt outside, a 5 % margin except at a bar's base, `MaxNLocator` ticks, the legend
where it covers fewest bars, cropped to the drawing plus 0.1 inch as `bbox_inches="tight"`).
Text stays text (searchable in the PDF). The Word charts (PNG) are still matplotlib's.

Sizes are in points (the SVG's user unit, as in matplotlib's SVG); text widths come from
DejaVu Sans' advance widths (`_ADVANCE`), which only place the legend and crop the picture.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

FONT = 8.0  # pt, ticks, labels and legend (charts.py's rcParams)
TITLE = 9.6  # pt, matplotlib's "large"
ASCENT = 0.76  # DejaVu Sans' ascent as matplotlib places text, per pt of size
WIDTH = 504.0  # 7 inches
TICK = 3.5  # tick length, outside the axes
TICK_PAD = 3.5  # between a tick and its label
LABEL_PAD = 4.0  # between tick labels and the axis label
TITLE_PAD = 6.0
CROP_PAD = 7.2  # bbox_inches="tight": 0.1 inch around everything drawn
MARGIN = 0.05  # axes.xmargin / ymargin
# legend, in font sizes: borderpad, labelspacing, handlelength, handleheight,
# handletextpad, borderaxespad, columnspacing (matplotlib's defaults)
BORDER, SPACING, HANDLE, HANDLE_H, HANDLE_PAD, AXES_PAD, COLUMNS = 0.4, 0.5, 2.0, 0.7, 0.8, 0.5, 2.0
MINUS = "\u2212"
MIDDLE = 0.38  # a label centred on its tick has its baseline this far below, per pt of size

# DejaVu Sans advance widths (units of 1/2048 em): ASCII 32-126, then Latin-1 160-255
_WIDTHS = (
    "651 821 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690 1303 1303 1303 1303 1303 1303 "
    "1303 1303 1303 1303 690 690 1716 1716 1716 1087 2048 1401 1405 1430 1577 1294 1178 1587 1540 604 "
    "604 1343 1141 1767 1532 1612 1235 1612 1423 1300 1251 1499 1401 2025 1403 1251 1403 799 690 799 "
    "1716 1024 1024 1255 1300 1126 1300 1260 721 1300 1298 569 569 1186 569 1995 1298 1253 1300 1300 842 "
    "1067 803 1298 1212 1675 1212 1212 1075 1303 690 1303 1716 651 821 1303 1303 1303 1303 690 1024 1024 "
    "2048 965 1253 1716 739 2048 1024 1024 1716 821 821 1024 1303 1303 651 1024 821 965 1253 1985 1985 "
    "1985 1087 1401 1401 1401 1401 1401 1401 1995 1430 1294 1294 1294 1294 604 604 604 604 1587 1532 "
    "1612 1612 1612 1612 1612 1716 1612 1499 1499 1499 1499 1251 1239 1290 1255 1255 1255 1255 1255 1255 "
    "2011 1126 1260 1260 1260 1260 569 569 569 569 1253 1298 1253 1253 1253 1253 1253 1716 1253 1298 "
    "1298 1298 1298 1212 1300 1212"
)
ADVANCE = {
    chr(code): width
    for code, width in zip([*range(32, 127), *range(160, 256)], map(int, _WIDTHS.split()), strict=True)
}
ADVANCE |= {"\u2018": 651, "\u2019": 651, "\u201c": 1061, "\u201d": 1061, "\u2013": 1024, "\u2014": 2048}
ADVANCE |= {"\u20ac": 1303, "\u2026": 2048, MINUS: 1716}
AVERAGE = 1243


def text_width(text: str, size: float = FONT) -> float:
    return sum(ADVANCE.get(char, AVERAGE) for char in text) * size / 2048


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


def limits(low: float, high: float, sticky: Sequence[float] = ()) -> tuple[float, float]:
    """matplotlib's autoscaled view of data from `low` to `high`: 5 % more on each side,
    but never past a bar's base (`sticky`) that the data reaches."""
    delta = (high - low) * MARGIN
    below = [value for value in sticky if value <= low]
    above = [value for value in sticky if value >= high]
    low = max([low - delta, *([max(below)] if below else [])])
    high = min([high + delta, *([min(above)] if above else [])])
    if low == high:  # mtransforms.nonsingular
        return (-MARGIN, MARGIN) if low == 0 else (low - MARGIN * abs(low), high + MARGIN * abs(high))
    return low, high


def ticks(low: float, high: float, nbins: int) -> list[float]:
    """matplotlib's `MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10])` (its AutoLocator), the
    ticks within the view."""
    span = high - low
    middle = (high + low) / 2
    offset = 0.0 if abs(middle) / span < 100 else math.copysign(10 ** (math.log10(abs(middle)) // 1), middle)
    scale = 10 ** (math.log10(span / nbins) // 1)
    steps = [step * scale for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20)]
    start, stop = low - offset, high - offset
    raw = span / nbins
    first = next(index for index, step in enumerate(steps) if step >= raw)
    tolerance = max(1e-10, 10 ** (math.log10(abs(offset) / raw) - 12)) if offset else 1e-10
    found: list[float] = []
    for step in reversed(steps[: first + 1]):
        best = (start // step) * step
        below, rest = divmod(start - best, step)
        lowest = int(below + 1 if abs(rest / step - 1) < tolerance else below)
        above, rest = divmod(stop - best, step)
        highest = int(above if abs(rest / step) < tolerance else above + 1)
        found = [index * step + best for index in range(lowest, highest + 1)]
        if sum(start <= value <= stop for value in found) >= 2:
            break
    close = 1e-10 * span
    return [value + offset for value in found if low - close <= value + offset <= high + close]


def tick_space(length: float, vertical: bool) -> int:
    """matplotlib's number of bins for an axis `length` points long (`get_tick_space`)."""
    return max(1, min(9, int(length // (FONT * (2 if vertical else 3)))))


def plain_ticks(values: list[float]) -> list[str]:
    """matplotlib's `ScalarFormatter`: as many decimals as the ticks need, all alike."""
    if not values:
        return []
    span = max(values) - min(values) or max(abs(value) for value in values) or 1
    magnitude = math.floor(math.log10(span))
    digits, threshold = max(0, 3 - magnitude), 1e-3 * 10**magnitude
    while digits >= 0 and max(abs(value - round(value, digits)) for value in values) < threshold:
        digits -= 1
    digits += 1
    texts = [f"{value:1.{digits}f}" for value in values]
    return [
        MINUS + text[1:] if text.startswith("-") and float(text) != 0 else text.lstrip("-") for text in texts
    ]


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
    values = ticks(*chart.ylim, tick_space(chart.bottom - chart.top, vertical=True))
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
    chart.x_ticks(marks, [str(year) for year in marks] if years else plain_ticks(marks), upright=True)
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
    marks = ticks(*chart.xlim, tick_space(chart.right - chart.left, vertical=False))
    lowest = chart.x_ticks(marks, plain_ticks(marks))
    chart.text((chart.left + chart.right) / 2, lowest + LABEL_PAD + ASCENT * FONT, unit, "middle")
    chart.y_ticks(range(len(names)), list(reversed(names)))
    chart.title(title)
    chart.legend(list(zip(legend, [colour for _values, colour in counts], strict=True)), below=0.3)
    return chart.svg()
