"""The ledger's balances recomputed from the ledger: to check the kept ones, or to make them again.

`LedgerBalance` rows are kept by every write of a ledger entry (`LedgerEntry.save`,
`bulk_create`: `LedgerBalance.objects.add`; the import adds up its whole ledger file in a
`MonthSums` and writes it with `add_sums` when the file ends). The ledger stays the
only truth: `balances_differences` compares the kept rows with a GROUP BY over the
entries, and `balances_rebuild` replaces them with it (`clustermonitor balances`).
"""

from django.db import connection, transaction

from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.kernel.aggregates import cents_sum_sql, period_start_sql
from clustermonitor.kernel.kept import Difference, differences, hold, rebuild

MonthKey = tuple[int, int, str, str, str]  # cluster_id, year, envelope, kind, ISO first day
KEPT = "cluster_id, year, envelope, kind, month"


def _ledger_sums_sql() -> str:
    table = connection.ops.quote_name(LedgerEntry._meta.db_table)
    group = f"cluster_id, year, envelope, kind, {period_start_sql('date', connection.vendor)}"
    cents = cents_sum_sql("amount", connection.vendor)
    return f"SELECT {group}, {cents}, COUNT(*) FROM {table} GROUP BY {group}"


def _rows(sql: str) -> dict[MonthKey, tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {
            (cluster, year, envelope, kind, str(day)): (int(cents), int(count))
            for cluster, year, envelope, kind, day, cents, count in cursor.fetchall()
        }


def balances_differences() -> list[Difference[MonthKey, tuple[int, int]]]:
    """Every month whose kept balance differs from the ledger's sum (empty: they agree)."""
    balances = connection.ops.quote_name(LedgerBalance._meta.db_table)
    with transaction.atomic():
        hold(LedgerEntry)
        kept = _rows(f"SELECT {KEPT}, cents, entries FROM {balances}")
        ledger = _rows(_ledger_sums_sql())
    return differences(kept, ledger)


def balances_rebuild() -> int:
    """Replace the kept balances by the ledger's sums; the number of month rows written."""
    return rebuild(LedgerBalance, f"{KEPT}, cents, entries", LedgerEntry, _ledger_sums_sql())
