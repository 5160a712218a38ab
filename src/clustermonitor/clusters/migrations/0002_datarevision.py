from uuid import uuid4

from django.db import migrations, models


def first_revision(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("clusters", "DataRevision").objects.create(pk=1, token=uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [("clusters", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="DataRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="data_revision_single_row")
                ],
            },
        ),
        migrations.RunPython(first_revision, migrations.RunPython.noop),
    ]
