"""Programme parameters: the operating-grant caps and the support rate."""

from decimal import Decimal

DEFAULTS: dict[str, Decimal] = {
    "ibn_operation_cap": Decimal("150000.00"),
    "operation_support_rate": Decimal("0.50"),
    "spearhead_operation_cap": Decimal("500000.00"),
}
AMOUNT_KEYS = frozenset({"ibn_operation_cap", "spearhead_operation_cap"})


def cofinancing_ceiling(cofinancing: Decimal, rate: Decimal) -> Decimal:
    """The largest operating grant the members' co-financing supports: a × r / (1 − r)."""
    return cofinancing * rate / (1 - rate)
