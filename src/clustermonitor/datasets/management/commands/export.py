"""clustermonitor export PATH [--format csv|xlsx|datapackage]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clustermonitor.datasets.exporter import FORMATS
from clustermonitor.datasets.services import dataset_export


class Command(BaseCommand):
    help = (
        "Export the whole dataset in the data-contract's canonical form: a folder of CSV "
        "files (default) or one .xlsx workbook. Export, import into an empty database and "
        "export again gives the same CSV files byte for byte. --format datapackage writes the "
        "public part (approved projects, no notes) as a Frictionless Data Package."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="target folder (csv, datapackage) or .xlsx file")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default="csv",
            help="csv (default), xlsx, or datapackage (public part, datapackage.json + CSV)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for path in dataset_export(options["path"], fmt=options["format"]):
            self.stdout.write(str(path))
