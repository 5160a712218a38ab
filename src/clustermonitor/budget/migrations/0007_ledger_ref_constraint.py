# The ledger's unique ref as a constraint: no second (LIKE) index on PostgreSQL.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0006_vocabulary_checks_as_or'),
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0006_leaner_indexes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ledgerentry',
            name='ref',
            field=models.CharField(max_length=40, verbose_name='reference'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.UniqueConstraint(fields=('ref',), name='ledger_unique_ref'),
        ),
    ]
