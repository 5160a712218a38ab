"""What an import did, per contract file: rows created, updated, unchanged and deleted,
the warnings (files that are not part of the contract) and where its time went."""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop as N_

from clustermonitor.datasets import contract

COUNTED = (N_("created"), N_("updated"), N_("unchanged"), N_("deleted"))
CROSS_ROW = N_("cross-row rules")  # allocation sums, stored rows, the ledger replay
TALLIES = N_("project tallies")  # rebuilt from the projects the import wrote (projects.tallies)
COMMIT = N_("commit")  # the transaction's end: PostgreSQL checks its deferred foreign keys here


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    # seconds per phase, in order: each file read, checked and written, CROSS_ROW, TALLIES, COMMIT
    timings: dict[str, float] = field(default_factory=dict)

    def lines(self, say: Callable[[str], str] = str) -> Iterator[str]:
        """What the import would do (or did) per file: `budgets.csv: updated 1`; `say`
        puts the words in a language (gettext: `budgets.csv: bijgewerkt 1`)."""
        for spec in contract.FILES:
            counts = [
                f"{say(what)} {getattr(self, what)[spec.name]}"
                for what in COUNTED
                if getattr(self, what)[spec.name]
            ]
            if counts:
                yield f"{spec.name}: {', '.join(counts)}"

    def timing_lines(self, say: Callable[[str], str] = str) -> Iterator[str]:
        """Where the time went (`import -v 2`): `ledger.csv: 12.34 s`, phases in `say`'s words."""
        for phase, seconds in self.timings.items():
            yield f"{say(phase)}: {seconds:.2f} s"
