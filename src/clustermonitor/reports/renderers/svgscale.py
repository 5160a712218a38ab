"""The axes of the SVG charts (svgchart.py) as matplotlib computes them: the view's limits,
the tick positions (`MaxNLocator`), their labels (`ScalarFormatter`), and the text widths
of DejaVu Sans, which place the legend and crop the picture.
"""

import math
from collections.abc import Sequence

FONT = 8.0  # pt, ticks, labels and legend (charts.py's rcParams)
MARGIN = 0.05  # axes.xmargin / ymargin
MINUS = "\u2212"

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
