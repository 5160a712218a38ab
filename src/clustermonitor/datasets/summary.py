"""What an import did, per contract file: rows created, updated, unchanged and deleted,
and the warnings (files that are not part of the contract)."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from clustermonitor.datasets import contract


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> Iterator[str]:
        for spec in contract.FILES:
            counts = [
                f"{what} {getattr(self, what)[spec.name]}"
                for what in ("created", "updated", "unchanged", "deleted")
                if getattr(self, what)[spec.name]
            ]
            if counts:
                yield f"{spec.name}: {', '.join(counts)}"
