"""clustermonitor import PATH [--dry-run] [--replace] [--lang nl|en]"""

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from clustermonitor.cli import add_message_lang
from clustermonitor.datasets.services import DatasetInvalid, dataset_import
from clustermonitor.datasets.signals import dataset_imported
from clustermonitor.domain.messages import _
from clustermonitor.reports.renderers.said import said


class Command(BaseCommand):
    # Data in, no configuration: the system checks import every URL, view, the API schema
    # and matplotlib (a second of a 20k import) to report what `check` reports anyway.
    requires_system_checks: list[str] = []
    help = (
        "Import a dataset (a folder of CSV files or an .xlsx workbook, in the data-contract "
        "format) in one transaction: all or nothing. Rows are upserted by key and never "
        "silently deleted; stored ledger entries and rows of closed years may not change. "
        "Every error is printed as FILE:LINE: column COLUMN: message (the message in --lang: "
        "the contract's English wording by default, Dutch with --lang nl), and the command exits "
        "with status 1 leaving the database unchanged. With -v 2 it also prints the seconds "
        "each file, the cross-row rules and the commit took."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="CSV folder or .xlsx workbook")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and report what would change; write nothing"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="also delete stored rows the dataset lacks (never in closed years, never ledger entries)",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        add_message_lang(parser)
        # Accepted as before, when the command ran the checks; there are none to skip now.
        parser.add_argument("--skip-checks", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            self._import(options, said(options["lang"]))

    def _import(self, options: dict[str, Any], say: Callable[[str], str]) -> None:
        try:
            summary = dataset_import(
                options["path"],
                dry_run=options["dry_run"],
                replace=options["replace"],
                progress=not options["quiet"],
            )
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        except DatasetInvalid as invalid:
            for error in invalid.errors:  # the place as the contract prints it, the message in --lang
                self.stderr.write(f"{error.file}:{error.line}: column {error.column}: {say(error.message)}")
            failed = _("{count} error(s): nothing was imported", count=len(invalid.errors))
            raise CommandError(say(failed), returncode=1) from None
        if not summary.dry_run:
            dataset_imported.send(
                sender=self.__class__,
                path=options["path"],
                summary=summary,
                replace=options["replace"],
                actor=_os_user(),
            )
        for warning in summary.warnings:
            self.stderr.write(say(_("warning: {message}", message=warning)))
        for line in summary.lines(say):
            self.stdout.write(line)
        if options["verbosity"] >= 2:
            for line in summary.timing_lines(say):
                self.stdout.write(line)
        verdict = _("dry run: valid, nothing written") if summary.dry_run else _("imported")
        self.stdout.write(say(verdict))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in this environment
        return "unknown"
