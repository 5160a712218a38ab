"""The plans the scale depends on: the reports' ledger figures read the kept month
balances, and under --as-of only the entries of the as-of month, through the date index;
neither scans the ledger whole."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import QuerySet

from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.kernel.aggregates import AmountSum, CentsSum

pytestmark = pytest.mark.django_db


def plan(queryset: QuerySet[LedgerBalance] | QuerySet[LedgerEntry], column: str, total: type) -> str:
    grouped = queryset.values("cluster__code", "year", "envelope").annotate(n=total(column))
    sql, params = grouped.order_by().query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}", params)
        return " / ".join(str(row[-1]) for row in cursor.fetchall())


def test_the_figures_of_a_year_come_from_the_kept_balances() -> None:
    text = plan(LedgerBalance.objects.filter(year=2018), "cents", CentsSum)

    assert "ledgerentry" not in text.lower(), text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a tiny PostgreSQL table is scanned by choice")
def test_the_days_of_the_as_of_month_are_found_through_the_date_index() -> None:
    entries = LedgerEntry.objects.filter(date__range=(date(2018, 6, 1), date(2018, 6, 20)), year=2018)
    text = plan(entries, "amount", AmountSum)

    assert "SCAN budget_ledgerentry" not in text, text
    assert "USING INDEX" in text, text
