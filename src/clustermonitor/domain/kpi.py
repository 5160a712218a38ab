"""KPI ratios and status, computed from the exact quotient (a `Fraction`).

status: met (ratio ≥ 1), partly (≥ 0.75), missed (< 0.75), no_data (no value).
The printed ratio rounds half-up to four decimals, but the status uses the exact
ratio: 49.9975 against a target of 50 prints "1.0000" yet is `partly`.
"""

from decimal import Decimal
from fractions import Fraction

from clustermonitor.domain.money import round_fraction

PARTLY_THRESHOLD = Fraction(3, 4)


def kpi_ratio(target: Decimal, value: Decimal, direction: str) -> Fraction:
    """up → value / target; down → target / value; a zero denominator counts as met."""
    numerator, denominator = (value, target) if direction == "up" else (target, value)
    if denominator == 0:
        return Fraction(1)
    # (a/b) / (c/d) = a·d / (b·c), reduced once by Fraction: the same exact quotient as
    # Fraction(numerator) / Fraction(denominator), without its three reductions
    a, b = numerator.as_integer_ratio()
    c, d = denominator.as_integer_ratio()
    return Fraction(a * d, b * c)


def kpi_status(ratio: Fraction | None) -> str:
    if ratio is None:
        return "no_data"
    # the exact comparisons as integers (a Fraction's denominator is positive): the same
    # answer as `ratio >= 1` and `ratio >= PARTLY_THRESHOLD`, without Fraction's
    # comparison machinery (type checks and a cross-multiplication per call)
    numerator, denominator = ratio.numerator, ratio.denominator
    if numerator >= denominator:
        return "met"
    if numerator * PARTLY_THRESHOLD.denominator >= PARTLY_THRESHOLD.numerator * denominator:
        return "partly"
    return "missed"


def ratio_decimal(ratio: Fraction) -> Decimal:
    """The ratio rounded half-up to four decimals."""
    return round_fraction(ratio, 4)
