# Vocabulary checks as OR chains, not IN lists: SQLite builds a temporary table for
# every row it checks an IN list against (kernel.fields.one_of).

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('questions', '0003_snapshot_reports_as_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='writtenquestion',
            name='question_status_valid',
        ),
        migrations.AddConstraint(
            model_name='writtenquestion',
            constraint=models.CheckConstraint(condition=models.Q(('status', 'received'), ('status', 'drafting'), ('status', 'approved'), ('status', 'sent'), ('status', 'withdrawn'), _connector='OR'), name='question_status_valid'),
        ),
    ]
