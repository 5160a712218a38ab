"""What an import did, per contract file: rows created, updated, unchanged and deleted,
and the warnings (files that are not part of the contract)."""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop as N_

from clustermonitor.datasets import contract

COUNTED = (N_("created"), N_("updated"), N_("unchanged"), N_("deleted"))


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

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
