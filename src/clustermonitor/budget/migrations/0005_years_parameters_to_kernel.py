"""BudgetYear and Parameter now belong to the kernel (kernel 0001): state only, the
tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("budget", "0004_drop_ledger_covering_index_sqlite"), ("kernel", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BudgetYear"), migrations.DeleteModel(name="Parameter")],
            database_operations=[],
        )
    ]
