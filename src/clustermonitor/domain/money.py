"""Money: one way to make, round and print an amount. Never a float.

Amounts are euros as `Decimal` with two decimals; a division rounds half-up from the
exact quotient, to the cent for amounts and to four decimals for ratios.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
RATIO_PLACES = Decimal("0.0001")


def D(value: str | int | Decimal | None) -> Decimal:
    """An exact Decimal from text, an int or a Decimal (None counts as zero)."""
    if value is None:
        return ZERO
    if isinstance(value, float):
        raise TypeError("money is never a float")
    return Decimal(value)


def from_cents(cents: int) -> Decimal:
    """Whole cents as a two-decimal amount, exactly (zero as `ZERO`)."""
    # CENT × cents: the same Decimal (two decimals) as Decimal(cents).scaleb(-2), in a
    # third of the time; the reports make thousands per build from the kept sums
    return CENT * cents if cents else ZERO


def quantize(value: Decimal, places: Decimal = CENT) -> Decimal:
    """Round half-up to `places`; never returns negative zero."""
    rounded = value.quantize(places, rounding=ROUND_HALF_UP)
    return rounded + 0 if rounded else abs(rounded)


def amount_text(value: Decimal | None) -> str | None:
    """The contract's amount text: exactly two decimals, `-0.00` never."""
    return None if value is None else f"{quantize(value):f}"


def ratio_text(value: Decimal | None) -> str | None:
    """A ratio as text with four decimals, half-up."""
    return None if value is None else f"{quantize(value, RATIO_PLACES):f}"


def number_text(value: Decimal) -> str:
    """A KPI number in its shortest exact decimal form: `15`, `12.5`, `-3.25`."""
    text = f"{value.normalize():f}" if value else "0"
    return text


def parameter_text(value: Decimal) -> str:
    """A programme parameter with at least two decimals: `500000.00`, `0.50`, `0.375`."""
    text = number_text(value)
    whole, _, fraction = text.partition(".")
    return f"{whole}.{fraction.ljust(2, '0')}"


def round_fraction(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact quotient half-up (away from zero on a tie) to `places` decimals."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    result = Decimal(whole).scaleb(-places)
    return -result if value < 0 and whole else result


def divide(numerator: Decimal, denominator: Decimal | int, places: int = 2) -> Decimal:
    """numerator / denominator, rounded half-up from the exact quotient."""
    return round_fraction(Fraction(numerator) / Fraction(denominator), places)
