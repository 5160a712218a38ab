"""`clustermonitor balances --verify | --rebuild`: the kept ledger balances against the ledger."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clustermonitor.budget.balances import balances_differences, balances_rebuild
from clustermonitor.clusters.revision import data_changed

SHOWN = 20


class Command(BaseCommand):
    help = (
        "The ledger's balances per cluster, year, envelope, kind and month that reports read are "
        "kept by every booking and import. --verify adds the ledger up again and compares "
        "(exit 1 on any difference); --rebuild replaces the kept balances by the ledger's sums."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--verify", action="store_true", help="compare with the ledger; change nothing")
        what.add_argument("--rebuild", action="store_true", help="recompute every balance from the ledger")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            rows = balances_rebuild()
            data_changed()
            self.stdout.write(f"balances rebuilt from the ledger: {rows} month rows")
            return
        differences = balances_differences()
        if not differences:
            self.stdout.write("balances agree with the ledger")
            return
        for difference in differences[:SHOWN]:
            cluster, year, envelope, kind, month = difference.key
            self.stdout.write(
                f"cluster #{cluster} {year} {envelope} {kind} {month[:7]}: kept {_text(difference.kept)}, "
                f"ledger {_text(difference.ledger)}"
            )
        more = f" (the first {SHOWN} shown)" if len(differences) > SHOWN else ""
        raise CommandError(
            f"{len(differences)} month balances differ from the ledger{more}: run balances --rebuild"
        )


def _text(figures: tuple[int, int] | None) -> str:
    if figures is None:
        return "none"
    cents, entries = figures
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d} in {entries} entries"
