"""The ledger's balances recomputed from the ledger: to check the kept ones, or to make them again.

`LedgerBalance` rows are kept by every write of a ledger entry (`LedgerEntry.save`,
`bulk_create`: `LedgerBalance.objects.add`; the import adds up its whole ledger file in a
`MonthSums` and writes it with `add_sums` when the file ends). The ledger stays the
only truth: `balances_differences` compares the kept rows with a GROUP BY over the
entries, and `balances_rebuild` replaces them with it (`clustermonitor balances`).
"""

from dataclasses import dataclass

from django.db import connection, transaction

from clustermonitor.budget.models import LedgerBalance, LedgerEntry

MonthKey = tuple[int, int, str, str, str]  # cluster_id, year, envelope, kind, ISO first day
KEPT = "cluster_id, year, envelope, kind, month"


@dataclass(frozen=True)
class Difference:
    key: MonthKey
    kept: tuple[int, int] | None  # (cents, entries) as kept; None when missing
    ledger: tuple[int, int] | None  # as the ledger adds up; None when there is nothing


def _cents_sum() -> str:
    """Whole cents of SUM(amount), exact on both databases (SQLite keeps doubles)."""
    if connection.vendor == "postgresql":
        return "CAST(ROUND(SUM(amount) * 100) AS bigint)"
    return "SUM(CAST(ROUND(amount * 100) AS INTEGER))"


def _ledger_sums_sql() -> str:
    table = connection.ops.quote_name(LedgerEntry._meta.db_table)
    if connection.vendor == "postgresql":
        month = "CAST(date_trunc('month', date) AS date)"
    else:
        month = "date(date, 'start of month')"
    group = f"cluster_id, year, envelope, kind, {month}"
    return f"SELECT {group}, {_cents_sum()}, COUNT(*) FROM {table} GROUP BY {group}"


def _rows(sql: str) -> dict[MonthKey, tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {
            (cluster, year, envelope, kind, str(day)): (int(cents), int(count))
            for cluster, year, envelope, kind, day, cents, count in cursor.fetchall()
        }


def _hold_the_ledger() -> None:
    """PostgreSQL: no entry is stored until the transaction ends (SQLite has one writer)."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(LedgerEntry._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")


def balances_differences() -> list[Difference]:
    """Every month whose kept balance differs from the ledger's sum (empty: they agree)."""
    balances = connection.ops.quote_name(LedgerBalance._meta.db_table)
    with transaction.atomic():
        _hold_the_ledger()
        kept = _rows(f"SELECT {KEPT}, cents, entries FROM {balances}")
        ledger = _rows(_ledger_sums_sql())
    return [
        Difference(key, kept.get(key), ledger.get(key))
        for key in sorted(kept.keys() | ledger.keys())
        if kept.get(key) != ledger.get(key)
    ]


def balances_rebuild() -> int:
    """Replace the kept balances by the ledger's sums; the number of month rows written."""
    balances = connection.ops.quote_name(LedgerBalance._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        _hold_the_ledger()
        cursor.execute(f"DELETE FROM {balances}")
        cursor.execute(f"INSERT INTO {balances} ({KEPT}, cents, entries) {_ledger_sums_sql()}")
        return LedgerBalance.objects.count()
