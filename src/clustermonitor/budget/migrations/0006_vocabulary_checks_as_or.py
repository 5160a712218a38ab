# Vocabulary checks as OR chains, not IN lists: SQLite builds a temporary table for
# every row it checks an IN list against (kernel.fields.one_of).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0005_years_parameters_to_kernel'),
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0002_vocabulary_checks_as_or'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='allocation',
            name='allocation_envelope_valid',
        ),
        migrations.RemoveConstraint(
            model_name='budget',
            name='budget_envelope_valid',
        ),
        migrations.RemoveConstraint(
            model_name='ledgerentry',
            name='ledger_envelope_valid',
        ),
        migrations.RemoveConstraint(
            model_name='ledgerentry',
            name='ledger_kind_valid',
        ),
        migrations.AddConstraint(
            model_name='allocation',
            constraint=models.CheckConstraint(condition=models.Q(('envelope', 'spearhead_operation'), ('envelope', 'spearhead_projects'), ('envelope', 'ibn'), _connector='OR'), name='allocation_envelope_valid'),
        ),
        migrations.AddConstraint(
            model_name='budget',
            constraint=models.CheckConstraint(condition=models.Q(('envelope', 'spearhead_operation'), ('envelope', 'spearhead_projects'), ('envelope', 'ibn'), _connector='OR'), name='budget_envelope_valid'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.CheckConstraint(condition=models.Q(('envelope', 'spearhead_operation'), ('envelope', 'spearhead_projects'), ('envelope', 'ibn'), _connector='OR'), name='ledger_envelope_valid'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.CheckConstraint(condition=models.Q(('kind', 'commitment'), ('kind', 'decommitment'), ('kind', 'payment'), _connector='OR'), name='ledger_kind_valid'),
        ),
    ]
