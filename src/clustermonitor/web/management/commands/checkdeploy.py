"""`clustermonitor checkdeploy`: Django's deployment checks (`manage.py check --deploy`),
which `clustermonitor check` (the dataset check) hides. Any warning fails the command."""

from typing import Any

from django.core.management.commands.check import Command as DjangoCheck


class Command(DjangoCheck):
    help = (
        "Run Django's system and deployment checks (security settings: HTTPS, cookies, HSTS, "
        "the secret key) with the current environment; exit 1 on any warning. Run it with "
        "the production environment, e.g. HTTPS=true ALLOWED_HOSTS=… clustermonitor checkdeploy."
    )

    def handle(self, *app_labels: Any, **options: Any) -> None:
        options["deploy"] = True
        options["fail_level"] = "WARNING"
        super().handle(*app_labels, **options)
