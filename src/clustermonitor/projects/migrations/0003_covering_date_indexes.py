# The date indexes of the projects hold every column the yearly reports read (see Project.Meta).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0003_vocabulary_checks_as_or'),
        ('projects', '0002_vocabulary_checks_as_or'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='project',
            name='projects_pr_submitt_dc6885_idx',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='projects_pr_decided_8a0b25_idx',
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['submitted_on', 'channel', 'cluster'], name='project_submitted_covering'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['decided_on', 'status', 'cluster', 'channel', 'instrument', 'type', 'granted_support', 'total_cost', 'submitted_on'], name='project_decided_covering'),
        ),
    ]
