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

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import NamedTuple

from clustermonitor.domain.enums import OPERATION_ENVELOPES, LedgerKind
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import ZERO, amount_text, from_cents

Balance = tuple[str, ...]  # (rule, *key)


class Entry(NamedTuple):
    """One ledger entry as the rules see it (a tuple: an import replays millions, and a
    frozen dataclass took five times as long to make)."""

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


_KINDS: dict[str, int] = {LedgerKind.COMMITMENT: 0, LedgerKind.DECOMMITMENT: 1}  # else payment: 2


class ScopeTallies:
    """scope → Tally, compact for project scopes: a replay of the whole ledger holds one
    per project (a million at 1M projects).

    A project's three sums are kept as whole cents in one `array` slot, its ref as the only
    object (about 150 bytes a project, against 500 for a `Tally` of `Decimal`s keyed by a
    tuple). Amounts that are not whole cents, or sums beyond 64 bits, keep an exact `Tally`
    instead, as every operation scope does: reading a scope always gives the exact sums.
    """

    def __init__(self) -> None:
        self._slot: dict[str, int] = {}
        self._cents = array("q")  # 3 per slot: committed, decommitted, paid
        self._exact: dict[tuple[str, ...], Tally] = defaultdict(Tally)

    def add(self, scope: tuple[str, ...], kind: str, amount: Decimal) -> None:
        if scope[0] != "project" or scope in self._exact:
            self._exact[scope].add(kind, amount)
            return
        ref = scope[1]
        slot = self._slot.get(ref)
        if slot is None:
            slot = self._slot[ref] = len(self._cents) // 3
            self._cents.extend((0, 0, 0))
        cents = amount.scaleb(2)
        index = 3 * slot + _KINDS.get(kind, 2)
        if cents == cents.to_integral_value():
            try:
                self._cents[index] += int(cents)
                return
            except OverflowError:
                pass
        self._exact[scope] = self[scope]  # from now on exact, this scope only
        self._exact[scope].add(kind, amount)

    def cents(self, scope: tuple[str, ...]) -> tuple[int, int, int] | None:
        """A project scope's sums in whole cents (committed, decommitted, paid), as kept;
        None where they are kept exactly instead (`self[scope]` then)."""
        if scope in self._exact or scope[0] != "project":
            return None
        slot = self._slot.get(scope[1])
        if slot is None:
            return (0, 0, 0)
        committed, decommitted, paid = self._cents[3 * slot : 3 * slot + 3]
        return committed, decommitted, paid

    def __getitem__(self, scope: tuple[str, ...]) -> Tally:
        """A copy of the scope's sums (zero when it has none)."""
        if scope in self._exact or scope[0] != "project":
            tally = self._exact.get(scope)
            return Tally() if tally is None else Tally(tally.committed, tally.decommitted, tally.paid)
        slot = self._slot.get(scope[1])
        if slot is None:
            return Tally()
        committed, decommitted, paid = self._cents[3 * slot : 3 * slot + 3]
        return Tally(from_cents(committed), from_cents(decommitted), from_cents(paid))

    def __setitem__(self, scope: tuple[str, ...], tally: Tally) -> None:
        """Seed a scope with stored sums (a booking replays from the database's totals)."""
        self._exact[scope] = Tally(tally.committed, tally.decommitted, tally.paid)

    def __contains__(self, scope: object) -> bool:
        return scope in self._exact or (
            isinstance(scope, tuple) and len(scope) == 2 and scope[0] == "project" and scope[1] in self._slot
        )

    def __len__(self) -> int:
        return len(self._slot) + sum(
            1 for scope in self._exact if scope[0] != "project" or scope[1] not in self._slot
        )


@dataclass
class LedgerState:
    """Running tallies of the ledger; `seed` them from stored totals, then `replay`."""

    limits: Limits
    envelope_year: dict[tuple[str, int], Tally] = field(default_factory=lambda: defaultdict(Tally))
    operation_year: dict[tuple[str, str, int], Tally] = field(default_factory=lambda: defaultdict(Tally))
    scopes: ScopeTallies = field(default_factory=ScopeTallies)
    reported: set[Balance] = field(default_factory=set)

    def apply(self, entry: Entry) -> None:
        scope = scope_of(entry)
        self.scopes.add(scope, entry.kind, entry.amount)
        if entry.kind == LedgerKind.PAYMENT:
            return
        self.envelope_year[(entry.envelope, entry.year)].add(entry.kind, entry.amount)
        if entry.envelope in OPERATION_ENVELOPES:
            key = (entry.cluster, entry.envelope, entry.year)
            self.operation_year[key].add(entry.kind, entry.amount)

    def breach_message(self, balance: Balance) -> str | None:
        if self._holds_in_cents(balance):
            return None
        rule, *key = balance
        if rule == "budget":
            envelope, year = key[0], int(key[1])
            net = self.envelope_year[(envelope, year)].net
            budget = self.limits.budget(year, envelope)
            if budget is not None and net > budget:
                return _(
                    "net commitments on {envelope} {year} ({net}) exceed its budget ({budget})",
                    envelope=envelope,
                    year=year,
                    net=amount_text(net),
                    budget=amount_text(budget),
                )
        elif rule == "cap":
            cluster, envelope, year = key[0], key[1], int(key[2])
            net = self.operation_year[(cluster, envelope, year)].net
            cap = self.limits.cap(envelope)
            if net > cap:
                return _(
                    "net operation commitments of {cluster} on {envelope} {year} ({net}) "
                    "exceed the yearly cap ({cap})",
                    cluster=cluster,
                    envelope=envelope,
                    year=year,
                    net=amount_text(net),
                    cap=amount_text(cap),
                )
        elif rule == "grant":
            net = self.scopes[("project", key[0])].net
            granted = self.limits.granted(key[0])
            if net > granted:
                return _(
                    "net commitments of project {project} ({net}) exceed its granted support ({granted})",
                    project=key[0],
                    net=amount_text(net),
                    granted=amount_text(granted),
                )
        elif rule == "decommit":
            tally = self.scopes[tuple(key)]
            if tally.decommitted > tally.committed:
                return _(
                    "decommitments ({decommitted}) exceed commitments ({committed}) of {scope}",
                    decommitted=amount_text(tally.decommitted),
                    committed=amount_text(tally.committed),
                    scope=_scope_name(key),
                )
        elif rule == "payment":
            tally = self.scopes[tuple(key)]
            if tally.decommitted <= tally.committed and tally.paid > tally.net:
                return _(
                    "payments ({paid}) exceed net commitments ({net}) of {scope}",
                    paid=amount_text(tally.paid),
                    net=amount_text(tally.net),
                    scope=_scope_name(key),
                )
        return None

    def _holds_in_cents(self, balance: Balance) -> bool:
        """A project's balance judged on its whole cents, without making its amounts: a
        replay asks this of every project it touches on each date (True: it holds; False:
        `breach_message` judges it as any other)."""
        rule = balance[0]
        if rule == "grant":  # ("grant", ref)
            ref = balance[1]
        elif rule in ("decommit", "payment") and balance[1] == "project":  # (rule, "project", ref)
            ref = balance[2]
        else:
            return False
        sums = self.scopes.cents(("project", ref))
        if sums is None:
            return False
        committed, decommitted, paid = sums
        if rule == "grant":
            return committed - decommitted <= self.limits.granted(ref).scaleb(2)
        if rule == "decommit":
            return decommitted <= committed
        return decommitted > committed or paid <= committed - decommitted

    def replay(self, entries: Iterable[Entry]) -> Iterator[Breach]:
        """Apply entries (sorted by date, stable), yielding each balance's first breach."""
        for _date, same_date in groupby(entries, key=lambda e: e.date):
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
        return _("project {project}", project=key[1])
    return _("{cluster} on {envelope}", cluster=key[1], envelope=key[2])


def sort_for_replay(entries: list[Entry]) -> list[Entry]:
    """Date order, input order inside a date (sort is stable)."""
    return sorted(entries, key=lambda e: e.date)
