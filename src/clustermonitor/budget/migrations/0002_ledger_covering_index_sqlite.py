"""A covering index of the ledger for the whole-pact aggregate, on SQLite only.

pact-resources sums the ledger of every spearhead cluster over every pact year. SQLite
reads it through the cluster_id index, one table look-up a row, then sorts the groups:
with (cluster, year, envelope, kind, date, amount) in one index it reads the index alone,
already in group order (200k projects: 629 -> 133 ms). PostgreSQL scans the table in
parallel and is bound by adding numerics; it did not use the index (150 ms either way),
so it is not given one to maintain. Django does not know this index: a later migration
that remakes budget_ledgerentry on SQLite must create it again
(tests/reports/test_query_plans.py fails until it does).
"""

from django.db import migrations

NAME = "ledger_pact_totals_sqlite"
COLUMNS = "cluster_id, year, envelope, kind, date, amount"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON budget_ledgerentry ({COLUMNS})")


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("budget", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
