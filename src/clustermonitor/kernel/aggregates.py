"""Database aggregates that keep money exact on every supported database."""

from decimal import Decimal
from typing import Any

from django.db.models import BigIntegerField, F, Q, Sum
from django.db.models.functions import Cast, Round

from clustermonitor.domain.money import from_cents


class AmountSum(Sum):
    """SUM of a money column, exact on every database.

    SQLite keeps decimals as binary floats, so a plain SUM over many rows can drift by a
    cent; adding whole cents as integers is exact everywhere. The result is a Decimal with
    two decimals, or None over no rows.
    """

    def __init__(self, field: str, *, filter: Q | None = None) -> None:
        cents = Cast(Round(F(field) * 100), BigIntegerField())
        super().__init__(cents, filter=filter, output_field=BigIntegerField())

    def get_db_converters(self, connection: Any) -> list[Any]:
        # only this one, which makes the int itself (the BigIntegerField output has no
        # converter): not Sum's int() per value before it, where sums are read by the hundred
        return [_cents_to_amount]

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        """PostgreSQL adds numerics exactly: SUM the column itself and turn only the sum
        into cents, instead of rounding and casting every row (a third of the query)."""
        cents, *rest = self.get_source_expressions()
        column = cents.get_source_expressions()[0].get_source_expressions()[0].lhs  # Cast(Round(col * 100))
        clone = self.copy()
        clone.set_source_expressions([column, *rest])
        sql, params = super(AmountSum, clone).as_sql(compiler, connection, **extra_context)
        return f"CAST(ROUND(({sql}) * 100) AS bigint)", params


class CentsSum(Sum):
    """SUM of a whole-cents integer column (the kept ledger balances), as AmountSum returns it."""

    def __init__(self, field: str, *, filter: Q | None = None) -> None:
        super().__init__(F(field), filter=filter, output_field=BigIntegerField())

    def get_db_converters(self, connection: Any) -> list[Any]:
        return [_cents_to_amount]  # as AmountSum

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        """PostgreSQL's SUM of a bigint is a numeric, fetched as a Decimal parsed per
        value: the sum cast back to bigint arrives as an int, as on SQLite."""
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"CAST(({sql}) AS bigint)", params


def _cents_to_amount(value: int | None, expression: Any, connection: Any) -> Decimal | None:
    return None if value is None else from_cents(int(value))


# --- SQL text for the kept sums (ledger balances, project tallies), set-based --------


def cents_sum_sql(column: str, vendor: str) -> str:
    """Whole cents of SUM(column), exact on both databases (SQLite keeps doubles)."""
    if vendor == "postgresql":
        return f"CAST(ROUND(SUM({column}) * 100) AS bigint)"
    return f"SUM(CAST(ROUND({column} * 100) AS INTEGER))"


def period_start_sql(column: str, vendor: str, unit: str = "month") -> str:
    """The first day of a date column's month, or of its year (`unit`); SQLite: the ISO text."""
    if vendor == "postgresql":
        return f"CAST(date_trunc('{unit}', {column}) AS date)"
    return f"date({column}, 'start of {unit}')"
