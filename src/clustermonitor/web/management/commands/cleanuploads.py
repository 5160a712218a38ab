"""clustermonitor cleanuploads: delete uploaded datasets never confirmed."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from clustermonitor.web.uploads import uploads_expired_delete


class Command(BaseCommand):
    help = (
        "Delete uploaded datasets (web import) older than --hours (default "
        "DATASET_UPLOAD_KEEP_HOURS): dry runs that were never confirmed. Run it from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=float, default=settings.DATASET_UPLOAD_KEEP_HOURS)

    def handle(self, *args: Any, **options: Any) -> None:
        count = uploads_expired_delete(options["hours"])
        self.stdout.write(f"{count} upload(s) deleted")
