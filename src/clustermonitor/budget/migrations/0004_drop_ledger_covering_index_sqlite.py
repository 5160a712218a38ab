"""The SQLite-only covering ledger index of 0002 goes: pact-resources now sums the kept
month balances (0003), so the index only cost every import and booking its upkeep."""

from django.db import migrations

NAME = "ledger_pact_totals_sqlite"
COLUMNS = "cluster_id, year, envelope, kind, date, amount"


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON budget_ledgerentry ({COLUMNS})")


class Migration(migrations.Migration):
    dependencies = [("budget", "0003_ledger_balances")]

    operations = [migrations.RunPython(drop, create)]
