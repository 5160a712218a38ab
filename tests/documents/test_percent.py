"""Issue 14: one format for ratios, on the pages as in the documents: a percentage with two
decimals, grouped the language's way (`12,50 %` in Dutch); Excel stores the ratio and
shows it as a percentage."""

from decimal import Decimal
from fractions import Fraction

from django.utils import translation

from clustermonitor.reports.renderers.as_xlsx import RATIO
from clustermonitor.reports.renderers.display import display, percent
from clustermonitor.web.templatetags.web import cell, figure


def test_a_ratio_reads_the_same_in_documents_and_on_pages() -> None:
    ratio = Fraction(1, 8)
    assert percent(ratio, "nl") == "12,50 %" and percent(ratio, "en") == "12.50 %"
    assert display("ratio", ratio, "nl") == "12,50 %"
    for lang in ("nl", "en"):
        with translation.override(lang):
            assert cell(ratio) == display("ratio", ratio, lang)


def test_rounding_follows_the_json_and_large_shares_are_grouped() -> None:
    assert percent(Fraction(2, 3), "nl") == "66,67 %"  # 0.6667 in the JSON
    assert percent(Decimal("12.3456"), "nl") == "1.234,56 %"
    assert percent(Decimal("0.773"), "nl", places=1) == "77,3 %"


def test_excel_shows_a_ratio_as_a_percentage() -> None:
    assert "%" in RATIO


def test_a_charts_counts_have_no_decimals_and_measured_values_two() -> None:
    with translation.override("nl"):
        assert [figure(v) for v in (2, Decimal("2.00"), Decimal("12.5"), 1234, None)] == [
            "2",
            "2",
            "12,50",
            "1.234",
            "",
        ]
