"""The ledger's balance rules, replayed over entries in date order.

The ledger is append-only; every balance is derived from it. After all entries of a
date (their order inside the date does not matter) these hold:

- `budget`:   net commitments (commitments − decommitments) of an envelope booked on a
              year ≤ that envelope's budget for the year;
- `cap`:      net commitments of a cluster's operation envelope on a year ≤ the yearly cap;
- `grant`:    net commitments of a project ≤ its granted support;
- `decommit`: decommitments ≤ commitments, per project and per (cluster, operation
              envelope), all years together;
- `payment`:  payments ≤ net commitments, same scopes; not judged while that scope's
              `decommit` rule is broken (only that breach is reported).

A broken balance is reported once, at the first date it breaks, naming the last entry
of that date (in input order) that enters it. Import replays the whole ledger; a booking
seeds the tallies from the database and replays one entry, so both share these rules.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby

from clustermonitor.domain.enums import OPERATION_ENVELOPES, LedgerKind
from clustermonitor.domain.money import ZERO, amount_text

Balance = tuple[str, ...]  # (rule, *key)


@dataclass(frozen=True, slots=True)
class Entry:
    ref: str
    date: date
    year: int
    kind: str
    envelope: str
    cluster: str
    project: str | None
    amount: Decimal
    line: int = 0  # where the entry came from, for error messages


@dataclass(frozen=True, slots=True)
class Breach:
    entry: Entry
    rule: str
    message: str


@dataclass(frozen=True)
class Limits:
    """What the balances are held against."""

    budget: Callable[[int, str], Decimal | None]  # (year, envelope) → budget; None: not judged
    cap: Callable[[str], Decimal]  # operation envelope → yearly cap per cluster
    granted: Callable[[str], Decimal]  # project ref → granted support


@dataclass
class Tally:
    committed: Decimal = ZERO
    decommitted: Decimal = ZERO
    paid: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.committed - self.decommitted

    def add(self, kind: str, amount: Decimal) -> None:
        if kind == LedgerKind.COMMITMENT:
            self.committed += amount
        elif kind == LedgerKind.DECOMMITMENT:
            self.decommitted += amount
        else:
            self.paid += amount


def scope_of(entry: Entry) -> tuple[str, ...]:
    """The scope of the decommit and payment rules: the project, else the operation."""
    if entry.project is not None:
        return ("project", entry.project)
    return ("operation", entry.cluster, entry.envelope)


def balances_entered(entry: Entry) -> list[Balance]:
    """Every balance this entry changes, so it may be the one that breaks it."""
    scope = scope_of(entry)
    if entry.kind == LedgerKind.PAYMENT:
        return [("payment", *scope)]
    balances: list[Balance] = [("budget", entry.envelope, str(entry.year))]
    if entry.envelope in OPERATION_ENVELOPES:
        balances.append(("cap", entry.cluster, entry.envelope, str(entry.year)))
    if entry.project is not None:
        balances.append(("grant", entry.project))
    balances += [("decommit", *scope), ("payment", *scope)]
    return balances


@dataclass
class LedgerState:
    """Running tallies of the ledger; `seed` them from stored totals, then `replay`."""

    limits: Limits
    envelope_year: dict[tuple[str, int], Tally] = field(default_factory=lambda: defaultdict(Tally))
    operation_year: dict[tuple[str, str, int], Tally] = field(default_factory=lambda: defaultdict(Tally))
    scopes: dict[tuple[str, ...], Tally] = field(default_factory=lambda: defaultdict(Tally))
    reported: set[Balance] = field(default_factory=set)

    def apply(self, entry: Entry) -> None:
        scope = scope_of(entry)
        self.scopes[scope].add(entry.kind, entry.amount)
        if entry.kind == LedgerKind.PAYMENT:
            return
        self.envelope_year[(entry.envelope, entry.year)].add(entry.kind, entry.amount)
        if entry.envelope in OPERATION_ENVELOPES:
            key = (entry.cluster, entry.envelope, entry.year)
            self.operation_year[key].add(entry.kind, entry.amount)

    def breach_message(self, balance: Balance) -> str | None:
        rule, *key = balance
        if rule == "budget":
            envelope, year = key[0], int(key[1])
            net = self.envelope_year[(envelope, year)].net
            budget = self.limits.budget(year, envelope)
            if budget is not None and net > budget:
                return (
                    f"net commitments on {envelope} {year} ({amount_text(net)}) "
                    f"exceed its budget ({amount_text(budget)})"
                )
        elif rule == "cap":
            cluster, envelope, year = key[0], key[1], int(key[2])
            net = self.operation_year[(cluster, envelope, year)].net
            cap = self.limits.cap(envelope)
            if net > cap:
                return (
                    f"net operation commitments of {cluster} on {envelope} {year} "
                    f"({amount_text(net)}) exceed the yearly cap ({amount_text(cap)})"
                )
        elif rule == "grant":
            net = self.scopes[("project", key[0])].net
            granted = self.limits.granted(key[0])
            if net > granted:
                return (
                    f"net commitments of project {key[0]} ({amount_text(net)}) "
                    f"exceed its granted support ({amount_text(granted)})"
                )
        elif rule == "decommit":
            tally = self.scopes[tuple(key)]
            if tally.decommitted > tally.committed:
                return (
                    f"decommitments ({amount_text(tally.decommitted)}) exceed commitments "
                    f"({amount_text(tally.committed)}) of {_scope_name(key)}"
                )
        elif rule == "payment":
            tally = self.scopes[tuple(key)]
            if tally.decommitted <= tally.committed and tally.paid > tally.net:
                return (
                    f"payments ({amount_text(tally.paid)}) exceed net commitments "
                    f"({amount_text(tally.net)}) of {_scope_name(key)}"
                )
        return None

    def replay(self, entries: Iterable[Entry]) -> Iterator[Breach]:
        """Apply entries (sorted by date, stable), yielding each balance's first breach."""
        for _, same_date in groupby(entries, key=lambda e: e.date):
            last_entering: dict[Balance, Entry] = {}
            for entry in same_date:
                self.apply(entry)
                for balance in balances_entered(entry):
                    last_entering.pop(balance, None)
                    last_entering[balance] = entry
            breaches = []
            for balance, entry in last_entering.items():
                if balance in self.reported:
                    continue
                message = self.breach_message(balance)
                if message is not None:
                    self.reported.add(balance)
                    breaches.append(Breach(entry, balance[0], message))
            # Report in input order of the entries named, then rule order.
            yield from sorted(breaches, key=lambda b: b.entry.line)


def _scope_name(key: list[str]) -> str:
    if key[0] == "project":
        return f"project {key[1]}"
    return f"{key[1]} on {key[2]}"


def sort_for_replay(entries: list[Entry]) -> list[Entry]:
    """Date order, input order inside a date (sort is stable)."""
    return sorted(entries, key=lambda e: e.date)
