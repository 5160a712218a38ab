# Written by hand (Django 5.2.19), 2026-12-05: the tallies are rebuilt at the end, so
# what the existing rows hold does not matter.

import django.db.models.deletion
import django.db.models.functions.comparison
from django.db import migrations, models


def refill(apps, schema_editor):  # type: ignore[no-untyped-def]
    """The tallies again: per month and per year, keeping what each event keeps (tally_sql.KEPT)."""
    from clustermonitor.projects.tallies import tallies_rebuild

    tallies_rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0004_project_tallies'),
    ]

    operations = [
        migrations.RemoveConstraint(model_name='projecttally', name='projecttally_unique_key'),
        migrations.RemoveIndex(model_name='projecttally', name='projects_pr_event_ce0565_idx'),
        migrations.RenameField(model_name='projecttally', old_name='month', new_name='starts_on'),
        migrations.AddField(
            model_name='projecttally',
            name='span',
            field=models.CharField(choices=[('month', 'month'), ('year', 'year')], default='month', max_length=5),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='projecttally',
            name='type',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='projects.projecttype'),
        ),
        migrations.AddConstraint(
            model_name='projecttally',
            constraint=models.UniqueConstraint(models.F('event'), models.F('cluster'), models.F('span'), models.F('starts_on'), models.F('channel'), models.F('instrument'), django.db.models.functions.comparison.Coalesce(models.F('type'), models.Value(0)), name='projecttally_unique_key'),
        ),
        migrations.AddConstraint(
            model_name='projecttally',
            constraint=models.CheckConstraint(condition=models.Q(('span', 'month'), ('span', 'year'), _connector='OR'), name='projecttally_span_valid'),
        ),
        migrations.AddIndex(
            model_name='projecttally',
            index=models.Index(fields=['event', 'span', 'starts_on'], name='projects_pr_event_b5af14_idx'),
        ),
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
