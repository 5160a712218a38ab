"""`dbutil.streamed`: a query's rows read a chunk at a time (the replay's read of the ledger)."""

import pytest
from django.db import connection

from clustermonitor.datasets.dbutil import streamed

pytestmark = pytest.mark.django_db

NUMBERS = "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %s) SELECT n FROM s"


def test_every_row_comes_in_order_past_several_chunks() -> None:
    assert [n for (n,) in streamed(NUMBERS, [12_345])] == list(range(1, 12_346))


def test_a_read_broken_off_halfway_leaves_the_connection_usable() -> None:
    rows = streamed(NUMBERS, [12_345])
    assert next(rows) == (1,)
    rows.close()

    with connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)
