"""BudgetYear and Parameter move from the budget app into the kernel: state only.

The tables stay as they are (`budget_budgetyear`, `budget_parameter`); budget's 0003
removes the two models from its own state after this one has taken them over.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("budget", "0002_ledger_covering_index_sqlite")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BudgetYear",
                    fields=[
                        (
                            "year",
                            models.PositiveSmallIntegerField(primary_key=True, serialize=False, verbose_name="year"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("open", "open (provisional figures)"), ("closed", "closed (definitive figures)")],
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("closed_on", models.DateField(blank=True, null=True, verbose_name="closed on")),
                    ],
                    options={
                        "db_table": "budget_budgetyear",
                        "ordering": ["year"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("closed_on__isnull", True), ("status", "open")),
                                    models.Q(("closed_on__isnull", False), ("status", "closed")),
                                    _connector="OR",
                                ),
                                name="budgetyear_closed_on_iff_closed",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Parameter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("key", models.CharField(max_length=40, unique=True, verbose_name="key")),
                        ("value", models.DecimalField(decimal_places=6, max_digits=21, verbose_name="value")),
                    ],
                    options={"db_table": "budget_parameter", "ordering": ["key"]},
                ),
            ],
            database_operations=[],
        )
    ]
