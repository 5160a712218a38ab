# The reports read the kept tallies: the projects keep the indexes an as-of month's days
# and the lists need, each one an import keeps up (see Project.Meta).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0005_tallies_kept_as_reports_ask'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='project',
            name='project_submitted_covering',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_decided_covering',
        ),
        migrations.AlterField(
            model_name='project',
            name='cluster',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='projects', to='clusters.cluster'),
        ),
        migrations.AlterField(
            model_name='project',
            name='ref',
            field=models.CharField(max_length=40, verbose_name='reference'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['submitted_on'], name='project_submitted_on'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['decided_on'], name='project_decided_on'),
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.UniqueConstraint(fields=('ref',), name='project_unique_ref'),
        ),
    ]
