"""clustermonitor export PATH [--format csv|xlsx|datapackage]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clustermonitor.datasets.exporter import FORMATS
from clustermonitor.datasets.services import dataset_export


class Command(BaseCommand):
    help = (
        "Export the whole dataset in the data-contract's canonical form: a folder of CSV "
        "files (default) or one .xlsx workbook. An existing workbook is never overwritten; in an "
        "existing folder the export's CSV files are replaced. Export, import into an empty database and "
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
        target: Path = options["path"]
        fmt = options["format"]
        if fmt == "xlsx" and target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        if target.exists() and (fmt == "xlsx" or not target.is_dir()):
            # A workbook is never overwritten; a folder format needs a folder, not a file.
            raise CommandError(f"{target} already exists: give a new name, or delete it first")
        try:
            written = dataset_export(target, fmt=fmt)
        except OSError as error:
            raise CommandError(f"cannot write {error.filename or target}: {error.strerror}") from None
        for path in written:
            self.stdout.write(str(path))
