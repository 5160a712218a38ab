"""clustermonitor check [--as-of D]"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from clustermonitor.cli import add_message_lang, parse_date
from clustermonitor.datasets.check import data_check
from clustermonitor.domain.messages import _
from clustermonitor.reports.renderers.said import said


class Command(BaseCommand):
    help = (
        "Check the stored data: every breach of the data contract's rules (ERROR) and "
        "warnings (WARNING): approved earmarked projects without a commitment, projects "
        "decided more than 3 years ago with unpaid commitments, KPI targets of closed years "
        "without a result, spearhead clusters without an allocation in a budgeted pact year, "
        "operation grants above the members' co-financing. One line per finding; exit status "
        "1 when there is a breach, 0 with warnings only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--as-of",
            type=parse_date,
            default=None,
            metavar="YYYY-MM-DD",
            help="check the data as known on this date",
        )
        add_message_lang(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            self._check(options)

    def _check(self, options: dict[str, Any]) -> None:
        lines = data_check(as_of=options["as_of"])
        say = said(options["lang"])
        for line in lines:
            self.stdout.write(line.text(say))
        errors = sum(1 for line in lines if line.level == "ERROR")
        warnings = len(lines) - errors
        summary = say(_("{errors} error(s), {warnings} warning(s)", errors=errors, warnings=warnings))
        if errors:
            raise CommandError(summary, returncode=1)
        self.stderr.write(summary)
