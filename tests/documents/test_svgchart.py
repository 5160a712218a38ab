"""The hand-drawn SVG charts (renderers/svgchart.py) against matplotlib's, which they
replace in the HTML page and the PDF: the same words, the same bars in the same places and
colours, the same picture size; the ticks as matplotlib's locator and formatter give them."""

import base64
import re

import pytest
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.charts import chart_for, chart_svg_matplotlib
from clustermonitor.reports.renderers.svgscale import plain_ticks, ticks
from tests.documents.conftest import YEAR

pytestmark = pytest.mark.django_db

CHARTED = ("budget-overview", "cluster-overview", "pact-resources", "kpi-status")
SIZE = re.compile(r'width="([\d.]+)pt" height="([\d.]+)pt"')
MPL_BAR = re.compile(
    r'<path d="M ([\d.]+) ([\d.]+) \s*L ([\d.]+) ([\d.]+) \s*L ([\d.]+) ([\d.]+) \s*L ([\d.]+) ([\d.]+) \s*z\s*"[^>]*fill: (#[0-9a-f]{6})'
)
OUR_BAR = re.compile(
    r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-f]{6})"/>'
)
VIEW = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ')


def _svg(uri: str) -> str:
    return base64.b64decode(uri.split(",", 1)[1]).decode()


def _texts(svg: str) -> list[str]:
    return sorted(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def _mpl_bars(svg: str) -> list[tuple[str, float, float, float, float]]:
    bars = []
    for match in MPL_BAR.finditer(svg):
        xs = [float(match.group(index)) for index in (1, 3, 5, 7)]
        ys = [float(match.group(index)) for index in (2, 4, 6, 8)]
        bars.append((match.group(9), min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    return sorted(bar for bar in bars if bar[0] != "#ffffff" and bar[3] > 0.01 and bar[4] > 0.01)


def _our_bars(svg: str) -> list[tuple[str, float, float, float, float]]:
    view = VIEW.search(svg)
    assert view
    left, top = float(view.group(1)), float(view.group(2))
    bars = [
        (colour, float(x) - left, float(y) - top, float(width), float(height))
        for x, y, width, height, colour in OUR_BAR.findall(svg)
    ]
    return sorted(bar for bar in bars if bar[0] != "#ffffff")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", CHARTED)
def test_the_svg_chart_has_matplotlibs_words_bars_and_size(example_db, name: str, lang: str) -> None:
    report = report_build(name, year=None if name == "pact-resources" else int(YEAR))
    ours, theirs = _svg(chart_for(report, lang) or ""), _svg(chart_svg_matplotlib(report, lang) or "")

    assert _texts(ours) == _texts(theirs)
    assert len(_texts(ours)) > 5
    for our_size, their_size in zip(SIZE.findall(ours)[0], SIZE.findall(theirs)[0], strict=True):
        assert abs(float(our_size) - float(their_size)) < 2
    our_bars, their_bars = _our_bars(ours), _mpl_bars(theirs)
    assert [bar[0] for bar in our_bars] == [bar[0] for bar in their_bars]
    for our_bar, their_bar in zip(our_bars, their_bars, strict=True):
        assert all(abs(a - b) < 1.5 for a, b in zip(our_bar[1:], their_bar[1:], strict=True)), (
            our_bar,
            their_bar,
        )


@pytest.mark.parametrize(
    ("low", "high", "nbins"),
    [
        (0, 69.3, 9),
        (0, 16.63, 9),
        (0, 12, 9),
        (0, 1.05, 9),
        (0, 3.15, 4),
        (-0.05, 0.05, 9),
        (2016.54, 2028.0, 9),
        (0, 0.7, 9),
        (0, 123456, 9),
        (0, 47, 6),
        (-12.6, 30.2, 9),
    ],
)
def test_ticks_and_their_labels_are_matplotlibs(low: float, high: float, nbins: int) -> None:
    locator = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10])
    expected = [value for value in locator.tick_values(low, high) if low - 1e-9 <= value <= high + 1e-9]
    ours = ticks(low, high, nbins)
    assert ours == pytest.approx(expected)

    axes = Figure().subplots()
    axes.set_xlim(low, high)
    labels = axes.xaxis.get_major_formatter().format_ticks(expected)
    if axes.xaxis.get_major_formatter().get_offset() == "":  # the years' range would take an offset
        assert plain_ticks(ours) == labels
