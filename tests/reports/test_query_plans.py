"""The plans the scale depends on: on SQLite, pact-resources reads the ledger from its
covering index alone, in group order (budget migration 0002); a later migration that
remakes the ledger table would silently drop that index, and this test would fail."""

import pytest
from django.db import connection

from clustermonitor.kernel.aggregates import AmountSum
from clustermonitor.reports import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the covering index is SQLite's (see the migration)"
)
@pytest.mark.parametrize("as_of", [None, "2018-06-30"])
def test_pact_resources_sums_the_ledger_from_the_covering_index(as_of: str | None) -> None:
    entries = selectors.ledger_entries_known(as_of=as_of).filter(
        cluster__code__in=["VIL", "SIM"], year__in=range(2016, 2026)
    )
    queryset = entries.values("cluster__code", "year", "envelope").annotate(n=AmountSum("amount"))
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " / ".join(str(row[-1]) for row in cursor.fetchall())

    assert "USING COVERING INDEX ledger_pact_totals_sqlite" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
