"""`clustermonitor report NAME`: one report of reports.md, printed or written to a file."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, DjangoHelpFormatter
from django.utils import translation

from clustermonitor.domain.dates import BadDate, parse_date, parse_year
from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.registry import REPORTS, report_build, report_spec
from clustermonitor.reports.renderers import FORMATS, report_format

EXAMPLES = """examples:
  clustermonitor report budget-overview --year 2018
  clustermonitor report kpi-status --year 2019 --as-of 2019-03-03 --format md
  clustermonitor report pact-resources --cluster VIL --format csv --output vil.csv
  clustermonitor report budget-overview --year 2018 --format xlsx --lang en --output budget.xlsx"""


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the description's list of reports kept as written."""


class Command(BaseCommand):
    # A read of the data: the system checks would import every URL, view and the API schema
    # (a second and more of start-up) to report on configuration `check` reports on anyway.
    requires_system_checks: list[str] = []
    help = (
        "Make one report of the cluster policy; each answers part of written question 228 (2019).\n\n"
        + "\n".join(f"  {name:<22}{spec.question}" for name, spec in REPORTS.items())
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        return super().create_parser(
            prog_name, subcommand, formatter_class=_HelpFormatter, epilog=EXAMPLES, **kwargs
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", metavar="NAME", help=f"the report: {', '.join(REPORTS)}")
        parser.add_argument(
            "--year",
            metavar="Y",
            help="the budget year (required by every report but pact-resources, which refuses it)",
        )
        parser.add_argument(
            "--cluster",
            metavar="CODE",
            help="pact-resources only: one cluster, of any type (default: every spearhead cluster)",
        )
        parser.add_argument(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="show what was known on that date (default: everything stored)",
        )
        parser.add_argument(
            "--format",
            default="json",
            metavar="FORMAT",
            help=f"output format: {', '.join(FORMATS)} (default json; xlsx and pdf need --output)",
        )
        parser.add_argument(
            "--lang",
            choices=("nl", "en"),
            default="nl",
            help="language of the documents (xlsx, pdf, html; default nl); json, csv and md are the"
            " contract's and do not change",
        )
        parser.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            spec = report_spec(options["name"])
            fmt = report_format(options["format"])
            report = report_build(
                spec.name,
                year=_year(options["year"]),
                cluster=options["cluster"],
                as_of=_date(options["as_of"]),
            )
        except ReportError as error:
            raise CommandError(str(error)) from error
        if fmt.binary and options["output"] is None:
            raise CommandError("this format is binary: give --output FILE")
        with translation.override(options["lang"]):
            output = fmt.render(report, spec.tables(report))
        self._write(output, options["output"])

    def _write(self, output: str | bytes, target: str | None) -> None:
        if target is None:
            if isinstance(output, bytes):
                raise CommandError("this format is binary: give --output FILE")
            self.stdout.write(output, ending="")
            return
        path = Path(target)
        try:
            if isinstance(output, bytes):
                path.write_bytes(output)
            else:
                path.write_text(output, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {target}: {error.strerror}") from error


def _year(text: str | None) -> int | None:
    try:
        return None if text is None else parse_year(text)
    except BadDate as error:
        raise ReportError(f"--year: {error}") from None


def _date(text: str | None) -> date | None:
    try:
        return None if text is None else parse_date(text)
    except BadDate as error:
        raise ReportError(f"--as-of: {error}") from None
