"""Shared pieces of the demo generator: integer-cent money, exact partitions, dates, records.

Money is always generated as integer cents and turned into `Decimal` only when a row is
made (`money`). Randomness comes from one `random.Random(seed)` threaded through every
step, so a seed gives the same dataset, byte for byte.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from clustermonitor.demo.facts import DATA_CUTOFF
from clustermonitor.domain.money import from_cents


def money(cents: int) -> Decimal:
    """Integer cents as a two-decimal Decimal (no float anywhere)."""
    return from_cents(cents)


def share(cents: int, percent: int) -> int:
    """`percent` % of an amount, in whole cents (rounded down)."""
    return cents * percent // 100


def partition(total: int, weights: list[int]) -> list[int]:
    """Split `total` over `weights` exactly (largest remainder), in integers."""
    weight_sum = sum(weights)
    shares = [total * w // weight_sum for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % weight_sum), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def day_between(rng: random.Random, first: date, last: date) -> date:
    """A random day from `first` to `last`, both included."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def days_after(rng: random.Random, start: date, low: int, high: int) -> date:
    return start + timedelta(days=rng.randint(low, high))


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    return date(start.year + month_index // 12, month_index % 12 + 1, min(start.day, 28))


def third_tuesday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 14)


def known(day: date | None) -> bool:
    """Has this happened by the demo's data cut-off?"""
    return day is not None and day <= DATA_CUTOFF


def skewed(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], smaller values more likely (the lesser of two draws)."""
    return min(rng.randint(low, high), rng.randint(low, high))


@dataclass
class Project:
    """One project application, amounts in cents; `commit_on` plans its commitment."""

    cluster: str
    title: str
    type: str
    channel: str
    instrument: str
    submitted_on: date
    status: str
    decided_on: date | None
    total_cost: int
    requested: int
    granted: int | None = None
    commit_on: date | None = None
    months: int = 24  # duration, for the payment schedule
    ref: str = ""


@dataclass
class Entry:
    """One ledger entry, amount in cents; the id is given once all entries are sorted."""

    date: date
    year: int
    kind: str
    envelope: str
    cluster: str
    amount: int
    note: str
    project: str | None = None
    ref: str = ""


@dataclass
class Ledger:
    entries: list[Entry] = field(default_factory=list)

    def book(self, entry: Entry) -> None:
        if entry.amount > 0 and known(entry.date):
            self.entries.append(entry)


def outcome(rng: random.Random, status: str, decided_on: date, undated: int) -> tuple[str, date | None]:
    """The status known at the cut-off; one in `undated` withdrawals was recorded without a date."""
    if status == "withdrawn" and rng.randint(1, undated) == 1:
        return status, None
    if not known(decided_on):
        return "submitted", None
    return status, decided_on
