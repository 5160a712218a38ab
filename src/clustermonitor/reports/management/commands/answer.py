"""`clustermonitor answer --year Y`: the drafted answer to written question 228 (2019)."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, DjangoHelpFormatter

from clustermonitor.reports.answer.data import LANGUAGES, answer_build
from clustermonitor.reports.answer.render import RENDERERS
from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.management.commands.report import _date, _year

EXAMPLES = """examples:
  clustermonitor answer --year 2018 --format docx --output antwoord-228.docx
  clustermonitor answer --year 2018 --as-of 2019-03-03 --format pdf --output antwoord-228.pdf
  clustermonitor answer --year 2018 --lang en            # Markdown on standard output"""


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


class Command(BaseCommand):
    # A read of the data, like `report`: the system checks would import every URL, view and
    # the API schema (over a second of a process whose target is one to three).
    requires_system_checks: list[str] = []
    help = (
        "Draft the answer to written question nr. 228 (2019) of the Flemish Parliament for one year.\n\n"
        "The six sub-questions in the question's order, each with the key figures in one or two\n"
        "sentences and its tables from the reports (1 additional-resources, 2a budget-overview,\n"
        "2b cluster-overview, 3 pact-resources, 4-5 project-generation, 6 kpi-status), the\n"
        "figures' status (definitive/provisional) and the as-of date. Formal Dutch by default."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        return super().create_parser(
            prog_name, subcommand, formatter_class=_HelpFormatter, epilog=EXAMPLES, **kwargs
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", metavar="Y", required=True, help="the budget year the answer is about")
        parser.add_argument(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="answer with what was known on that date (default: everything stored)",
        )
        parser.add_argument(
            "--lang", default="nl", choices=LANGUAGES, help="nl (default, formal Dutch) or en"
        )
        parser.add_argument(
            "--format",
            default="md",
            choices=tuple(RENDERERS),
            help="md (default), docx, pdf or html; docx and pdf need --output",
        )
        parser.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        render, binary = RENDERERS[options["format"]]
        if binary and not options["output"]:
            raise CommandError(f"{options['format']} is a binary format: give --output FILE")
        try:
            year = _year(options["year"])
            as_of: date | None = _date(options["as_of"])
            assert year is not None
            answer = answer_build(year=year, as_of=as_of, lang=options["lang"])
        except ReportError as error:
            raise CommandError(str(error)) from error
        output = render(answer)
        if not options["output"]:
            self.stdout.write(str(output), ending="" if str(output).endswith("\n") else "\n")
            return
        path = Path(options["output"])
        try:
            if isinstance(output, bytes):
                path.write_bytes(output)
            else:
                path.write_text(output, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {options['output']}: {error.strerror}") from error
