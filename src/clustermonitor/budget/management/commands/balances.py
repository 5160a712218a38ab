"""`clustermonitor balances --verify | --rebuild`: the kept sums reports read, against their truth:
the ledger's balances against the ledger, the project tallies against the projects."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clustermonitor.budget.balances import balances_differences, balances_rebuild
from clustermonitor.clusters.revision import data_changed
from clustermonitor.projects.tallies import tallies_differences, tallies_rebuild
from clustermonitor.projects.tally_sql import TallySpan

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Reports read kept sums instead of the raw rows: the ledger's balances per cluster, year, "
        "envelope, kind and month, kept by every booking and import, and the project tallies "
        "(applications per cluster and channel, approvals per cluster, channel, instrument and, "
        "earmarked, type; each per month and per year), kept by every write of a project and by "
        "every import. --verify adds "
        "the ledger and the projects up again and compares (exit 1 on any difference); --rebuild "
        "replaces the kept sums by theirs."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument(
            "--verify", action="store_true", help="compare with the ledger and the projects; change nothing"
        )
        what.add_argument(
            "--rebuild", action="store_true", help="recompute every kept sum from the ledger and the projects"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            months, tallies = balances_rebuild(), tallies_rebuild()
            data_changed()
            self.stdout.write(f"balances rebuilt from the ledger: {months} month rows")
            self.stdout.write(f"project tallies rebuilt from the projects: {tallies} rows")
            return
        problems = self.ledger_differences() + self.tally_differences()
        if problems:
            raise CommandError(" and ".join(problems) + ": run balances --rebuild")

    def ledger_differences(self) -> list[str]:
        differences = balances_differences()
        if not differences:
            self.stdout.write("balances agree with the ledger")
            return []
        for difference in differences[:SHOWN]:
            cluster, year, envelope, kind, month = difference.key
            self.stdout.write(
                f"cluster #{cluster} {year} {envelope} {kind} {month[:7]}: kept {_text(difference.kept)}, "
                f"ledger {_text(difference.truth)}"
            )
        return [f"{len(differences)} month balances differ from the ledger{_more(differences)}"]

    def tally_differences(self) -> list[str]:
        differences = tallies_differences()
        if not differences:
            self.stdout.write("project tallies agree with the projects")
            return []
        for difference in differences[:SHOWN]:
            event, cluster, span, starts_on, channel, instrument, kind = difference.key
            period = starts_on.isoformat()[: 7 if span == TallySpan.MONTH else 4]
            what = " ".join(part for part in (channel, instrument, kind and f"type #{kind}") if part)
            self.stdout.write(
                f"{event} cluster #{cluster} {period} {what}: "
                f"kept {_tally(difference.kept)}, projects {_tally(difference.truth)}"
            )
        return [f"{len(differences)} project tallies differ from the projects{_more(differences)}"]


def _more(differences: list[Any]) -> str:
    return f" (the first {SHOWN} shown)" if len(differences) > SHOWN else ""


def _euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _text(figures: tuple[int, int] | None) -> str:
    if figures is None:
        return "none"
    cents, entries = figures
    return f"{_euros(cents)} in {entries} entries"


def _tally(figures: tuple[int, int, int] | None) -> str:
    if figures is None:
        return "none"
    projects, total_cost, granted = figures
    return f"{projects} projects, total cost {_euros(total_cost)}, granted {_euros(granted)}"
