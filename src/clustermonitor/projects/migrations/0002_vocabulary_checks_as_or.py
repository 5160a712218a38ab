# Vocabulary checks as OR chains, not IN lists: SQLite builds a temporary table for
# every row it checks an IN list against (kernel.fields.one_of).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='project',
            name='project_decided_on_matches_status',
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('decided_on__isnull', True), ('status', 'submitted')), models.Q(models.Q(('status', 'approved'), ('status', 'rejected'), _connector='OR'), ('decided_on__isnull', False)), ('status', 'withdrawn'), _connector='OR'), name='project_decided_on_matches_status'),
        ),
    ]
