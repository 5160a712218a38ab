"""Money: one way to make, round and print an amount (half-up, never -0.00, never float)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from clustermonitor.domain.money import (
    ZERO,
    D,
    amount_text,
    divide,
    number_text,
    parameter_text,
    quantize,
    ratio_text,
    round_fraction,
)


def test_d_makes_exact_decimals_and_refuses_floats() -> None:
    assert D("499.98") == Decimal("499.98")
    assert D(15) == Decimal("15")
    assert D(None) == ZERO
    with pytest.raises(TypeError, match="never a float"):
        D(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),  # half-up, not banker's rounding
        ("0.015", "0.02"),
        ("0.025", "0.03"),
        ("2.675", "2.68"),  # the classic float trap, exact here
        ("0.004999", "0.00"),
        ("-0.005", "-0.01"),  # half away from zero
        ("-1.235", "-1.24"),
        ("1.5", "1.50"),
        ("100", "100.00"),
    ],
)
def test_quantize_rounds_half_up_to_the_cent(value: str, expected: str) -> None:
    assert f"{quantize(Decimal(value)):f}" == expected


@pytest.mark.parametrize("value", ["-0.00", "-0.004", "-0", "-0.0000001"])
def test_no_negative_zero_amount(value: str) -> None:
    assert f"{quantize(Decimal(value)):f}" == "0.00"
    assert amount_text(Decimal(value)) == "0.00"


@pytest.mark.parametrize("value", ["-0.0000", "-0.00004", "-0"])
def test_no_negative_zero_ratio(value: str) -> None:
    assert ratio_text(Decimal(value)) == "0.0000"


def test_amount_text_has_exactly_two_decimals() -> None:
    assert amount_text(Decimal("500000")) == "500000.00"
    assert amount_text(Decimal("12.5")) == "12.50"
    assert amount_text(Decimal("1E+3")) == "1000.00"
    assert amount_text(Decimal("-12.345")) == "-12.35"
    assert amount_text(None) is None


def test_ratio_text_has_four_decimals_half_up() -> None:
    assert ratio_text(Decimal("0.87645")) == "0.8765"
    assert ratio_text(Decimal("0.99995")) == "1.0000"
    assert ratio_text(Decimal("1")) == "1.0000"
    assert ratio_text(None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15", "15"),
        ("15.00", "15"),
        ("12.50", "12.5"),
        ("-3.25", "-3.25"),
        ("24817000.00", "24817000"),  # no exponent after normalize
        ("1E+3", "1000"),
        ("0.00001000", "0.00001"),
        ("0", "0"),
        ("0.00000000", "0"),
        ("-0.0", "0"),
        ("49.99750000", "49.9975"),
    ],
)
def test_number_text_is_the_shortest_exact_form(value: str, expected: str) -> None:
    assert number_text(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("500000", "500000.00"),
        ("500000.000000", "500000.00"),
        ("150000.00", "150000.00"),
        ("0.5", "0.50"),
        ("0.500000", "0.50"),
        ("0.375", "0.375"),
        ("0.333333", "0.333333"),
        ("0", "0.00"),
    ],
)
def test_parameter_text_has_at_least_two_decimals(value: str, expected: str) -> None:
    assert parameter_text(Decimal(value)) == expected


def test_round_fraction_rounds_the_exact_quotient() -> None:
    assert round_fraction(Fraction(1, 8), 2) == Decimal("0.13")  # 0.125 → 0.13
    assert round_fraction(Fraction(-1, 8), 2) == Decimal("-0.13")
    assert f"{round_fraction(Fraction(-1, 1000), 2):f}" == "0.00"  # no -0.00
    assert round_fraction(Fraction(2, 3), 4) == Decimal("0.6667")


def test_divide_splits_an_amount_to_the_cent() -> None:
    assert divide(Decimal("100.00"), 3) == Decimal("33.33")
    assert divide(Decimal("200.00"), 3) == Decimal("66.67")
    assert divide(Decimal("0.05"), 2) == Decimal("0.03")  # 0.025 → 0.03, half-up
    assert divide(Decimal("1"), Decimal("8"), 4) == Decimal("0.1250")
