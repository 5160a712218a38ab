"""KPI ratios: the printed ratio rounds, the status judges the exact quotient."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustermonitor.domain.kpi import kpi_ratio, kpi_status, ratio_decimal
from clustermonitor.domain.money import ratio_text


def test_a_value_a_hair_below_target_prints_1_but_is_only_partly_met() -> None:
    # CATALISTI 2017 COFINANCING in the example dataset.
    ratio = kpi_ratio(target=Decimal("50"), value=Decimal("49.9975"), direction="up")

    assert ratio == Fraction(199990, 200000)
    assert ratio_text(ratio_decimal(ratio)) == "1.0000"
    assert kpi_status(ratio) == "partly"


def test_a_ratio_of_exactly_0_87645_rounds_half_up() -> None:
    # CATALISTI 2017 SME_SHARE in the example dataset.
    ratio = kpi_ratio(target=Decimal("40"), value=Decimal("35.058"), direction="up")

    assert ratio == Fraction(87645, 100000)
    assert ratio_text(ratio_decimal(ratio)) == "0.8765"
    assert kpi_status(ratio) == "partly"


def test_direction_down_inverts_the_ratio() -> None:
    ratio = kpi_ratio(target=Decimal("80"), value=Decimal("100"), direction="down")

    assert ratio == Fraction(4, 5)
    assert kpi_status(ratio) == "partly"
    assert kpi_status(kpi_ratio(target=Decimal("80"), value=Decimal("60"), direction="down")) == "met"


@pytest.mark.parametrize(
    ("target", "value", "direction"),
    [("0", "5", "up"), ("0", "0", "up"), ("10", "0", "down")],
)
def test_a_zero_denominator_counts_as_met(target: str, value: str, direction: str) -> None:
    ratio = kpi_ratio(target=Decimal(target), value=Decimal(value), direction=direction)

    assert ratio == 1
    assert kpi_status(ratio) == "met"


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (Fraction(1), "met"),
        (Fraction(3, 2), "met"),
        (Fraction(99999, 100000), "partly"),
        (Fraction(3, 4), "partly"),  # the threshold itself is partly
        (Fraction(74999, 100000), "missed"),
        (Fraction(0), "missed"),
        (Fraction(-1, 2), "missed"),
        (None, "no_data"),
    ],
)
def test_status_thresholds(ratio: Fraction | None, status: str) -> None:
    assert kpi_status(ratio) == status


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (Fraction(1, 3), "0.3333"),
        (Fraction(2, 3), "0.6667"),
        (Fraction(1, 20000), "0.0001"),  # 0.00005 → half-up
        (Fraction(1, 20001), "0.0000"),
        (Fraction(7, 4), "1.7500"),
    ],
)
def test_ratio_decimal_rounds_half_up_to_four_places(ratio: Fraction, text: str) -> None:
    assert ratio_text(ratio_decimal(ratio)) == text


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
    st.sampled_from(["up", "down"]),
)
def test_the_ratio_is_the_exact_quotient_of_the_two_decimals(
    target: Decimal, value: Decimal, direction: str
) -> None:
    numerator, denominator = (value, target) if direction == "up" else (target, value)
    expected = Fraction(1) if denominator == 0 else Fraction(numerator) / Fraction(denominator)

    ratio = kpi_ratio(target=target, value=value, direction=direction)

    assert ratio == expected and (ratio.numerator, ratio.denominator) == (
        expected.numerator,
        expected.denominator,
    )
