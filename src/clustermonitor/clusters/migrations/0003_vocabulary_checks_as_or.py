# Vocabulary checks as OR chains, not IN lists: SQLite builds a temporary table for
# every row it checks an IN list against (kernel.fields.one_of).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0002_datarevision'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='cluster',
            name='cluster_type_valid',
        ),
        migrations.AddConstraint(
            model_name='cluster',
            constraint=models.CheckConstraint(condition=models.Q(('type', 'spearhead'), ('type', 'ibn'), _connector='OR'), name='cluster_type_valid'),
        ),
    ]
