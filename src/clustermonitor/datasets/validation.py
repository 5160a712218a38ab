"""Rules over the stored data as a whole: allocation sums, ledger balances, row rules.

Import runs these over what it has just written (inside its transaction, so a breach
rolls everything back) and maps each finding to the file line the row came from;
`check` runs them over the whole database, optionally as known on a date.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import TypeVar

from django.db import connection

from clustermonitor.budget.models import Budget, LedgerEntry
from clustermonitor.budget.selectors import allocations_known
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets import contract
from clustermonitor.datasets.dbutil import streamed
from clustermonitor.datasets.errors import RuleError
from clustermonitor.datasets.linemap import LineMap
from clustermonitor.domain import rules
from clustermonitor.domain.enums import ProjectStatus, operation_cap_key
from clustermonitor.domain.ledger import Entry, LedgerState, Limits
from clustermonitor.domain.messages import Message
from clustermonitor.domain.money import ZERO, from_cents
from clustermonitor.domain.parameters import DEFAULTS
from clustermonitor.kernel.facts import cluster_facts
from clustermonitor.kernel.models import BudgetYear, Parameter
from clustermonitor.projects.models import Project

G = TypeVar("G", Decimal, int)  # granted support: an amount, or whole cents

STORED_ROW = "stored row {key}: {message}"  # a breach of a row the dataset did not mention


@dataclass(frozen=True, slots=True)
class Finding:
    """A breach in the stored data: which row (by primary key and key text), which column."""

    file: str
    pk: int
    key: str
    column: str
    message: str
    line: int | None = None  # known already (ledger replay), else looked up by pk

    def as_error(self, lines: dict[str, LineMap]) -> RuleError:
        line = self.line
        if line is None and self.file in lines:
            line = lines[self.file].line(self.pk)
        if line is None:
            # the CLI line keeps its contract form (`FILE:0: …: stored row KEY: …`); the
            # Message lets the web name the stored row instead of a line, in its language
            stored = Message(STORED_ROW, key=self.key, message=self.message)
            return RuleError(self.file, 0, self.column, stored)
        return RuleError(self.file, line, self.column, self.message)


class StoredData:
    """The stored programme, as known on `as_of` (everything when None)."""

    def __init__(self, as_of: date | None = None, unknown_budgets: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.as_of = as_of
        self.unknown_budgets = unknown_budgets
        self.clusters = {c.code: cluster_facts(c) for c in Cluster.objects.all()}
        stored_parameters = dict(Parameter.objects.values_list("key", "value"))
        self.parameters = {key: stored_parameters.get(key, value) for key, value in DEFAULTS.items()}
        self.budgets: dict[tuple[int, str], Decimal] = {
            (year, envelope): amount
            for year, envelope, amount in Budget.objects.values_list("year", "envelope", "amount")
        }
        closed = BudgetYear.objects.filter(status="closed")
        if as_of is not None:
            closed = closed.filter(closed_on__lte=as_of)
        self.closed_on: dict[int, date] = {
            year: closed_on for year, closed_on in closed.values_list("year", "closed_on") if closed_on
        }

    def budget(self, year: int, envelope: str) -> Decimal | None:
        """The budget, 0 without a row; None where the dataset's row was refused."""
        if f"{year},{envelope}" in self.unknown_budgets:
            return None
        return self.budgets.get((year, envelope), ZERO)

    def cap(self, envelope: str) -> Decimal:
        return self.parameters[operation_cap_key(envelope)]

    def allocations(self) -> Iterator[tuple[int, int, str, str, Decimal]]:
        queryset = allocations_known(as_of=self.as_of)
        yield from queryset.values_list("pk", "year", "cluster__code", "envelope", "amount").iterator()

    def project_status(self, status: str, decided_on: date | None, granted: G | None) -> tuple[str, G | None]:
        """A decision or withdrawal after `as_of` has not happened yet."""
        if self.as_of is not None and decided_on is not None and decided_on > self.as_of:
            return ProjectStatus.SUBMITTED, None
        return status, granted


def cross_row_errors(lines: dict[str, LineMap], *, unknown_budgets: set[str]) -> list[RuleError]:
    """After an import: every finding, placed at its file line (0 for stored-only rows).

    `unknown_budgets` ("YEAR,ENVELOPE") were refused rows: sums against them are not judged.
    """
    data = StoredData(unknown_budgets=unknown_budgets)
    return [finding.as_error(lines) for finding in findings(data, lines)]


def findings(data: StoredData, lines: dict[str, LineMap] | None = None) -> Iterator[Finding]:
    """Row rules of rows not just checked by an import, then the cross-row rules."""
    lines = lines or {}
    yield from allocation_findings(data, lines.get(contract.ALLOCATIONS.name, LineMap()))
    yield from project_findings(data, lines.get(contract.PROJECTS.name, LineMap()))
    yield from ledger_findings(data, lines.get(contract.LEDGER.name, LineMap()))


def allocation_findings(data: StoredData, lines: LineMap) -> Iterator[Finding]:
    name = contract.ALLOCATIONS.name
    rows = sorted(data.allocations(), key=lambda r: (r[1], r[3], lines.line(r[0]) or 0, r[0]))
    for (year, envelope), group in groupby(rows, key=lambda r: (r[1], r[3])):
        budget = data.budget(year, envelope)
        total = ZERO
        reported = budget is None
        for pk, _, cluster, _, amount in group:
            key = f"{year},{cluster},{envelope}"
            if pk not in lines and cluster in data.clusters:
                for column, message in rules.allocation_problems(
                    year=year,
                    envelope=envelope,
                    amount=amount,
                    cluster=data.clusters[cluster],
                    cap=data.cap(envelope),
                ):
                    yield Finding(name, pk, key, column, message)
            total += amount
            if not reported and budget is not None:
                for column, message in rules.allocation_sum_problems(
                    year=year, envelope=envelope, total=total, budget=budget
                ):
                    reported = True
                    yield Finding(name, pk, key, column, message)


def project_findings(data: StoredData, lines: LineMap) -> Iterator[Finding]:
    """Row rules of stored projects the import did not hold (their cluster may have changed)."""
    if data.as_of is None and len(lines) == Project.objects.count():
        return
    queryset = Project.objects.all()
    if data.as_of is not None:
        queryset = queryset.filter(submitted_on__lte=data.as_of)
    fields = (
        "pk",
        "ref",
        "cluster__code",
        "type__earmarked_eligible",
        "channel",
        "instrument",
        "submitted_on",
        "status",
        "decided_on",
        "total_cost",
        "granted_support",
    )
    for (
        pk,
        ref,
        cluster,
        eligible,
        channel,
        instrument,
        submitted,
        status,
        decided,
        cost,
        granted,
    ) in queryset.values_list(*fields).iterator():
        if pk in lines:
            continue
        status, granted = data.project_status(status, decided, granted)
        problems = rules.project_problems(
            cluster=data.clusters[cluster],
            type_eligible=eligible,
            channel=channel,
            instrument=instrument,
            submitted_on=submitted,
            status=status,
            decided_on=decided if status != "submitted" else None,
            total_cost=cost,
            granted_support=granted,
        )
        for column, message in problems:
            yield Finding(contract.PROJECTS.name, pk, ref, column, message)


def ledger_findings(data: StoredData, lines: LineMap) -> Iterator[Finding]:
    """Row rules of stored entries the import did not check, then the balance replay."""
    name = contract.LEDGER.name
    # The granted support of the projects with entries on the last few dates read, not of
    # every project of the ledger. The replay judges a date's balances when the streams in
    # front of it have read ahead: `_in_replay_order` sorts the next date whole and peeks at
    # the first entry of the one after, so at most two later dates were read; four are kept.
    granted: deque[tuple[date, dict[str, int | None]]] = deque(maxlen=4)  # in cents
    row_findings: list[Finding] = []

    def valid_entries() -> Iterator[Entry]:
        for pk, entry, project, granted_cents in _ledger_rows(data, lines):
            # entry.line: the file line of a row this import checked, 0 for a stored-only row
            if not entry.line:
                problems = _stored_entry_problems(data, entry, project)
                if problems:
                    row_findings.extend(Finding(name, pk, entry.ref, col, text) for col, text in problems)
                    continue
            if entry.project is not None:
                if not granted or granted[-1][0] != entry.date:
                    granted.append((entry.date, {}))
                granted[-1][1][entry.project] = granted_cents
            yield entry

    def granted_of(ref: str) -> Decimal:
        for _, of_date in reversed(granted):
            if ref in of_date:
                cents = of_date[ref]
                return ZERO if cents is None else from_cents(cents)
        return ZERO

    limits = Limits(budget=data.budget, cap=data.cap, granted=granted_of)
    breaches = list(LedgerState(limits).replay(_in_replay_order(valid_entries())))
    yield from row_findings
    for breach in breaches:
        entry = breach.entry
        yield Finding(name, 0, entry.ref, "amount", breach.message, line=entry.line or None)


def _stored_entry_problems(
    data: StoredData, entry: Entry, project: rules.ProjectFacts | None
) -> list[rules.Problem]:
    return rules.ledger_entry_problems(
        year=entry.year,
        kind=entry.kind,
        envelope=entry.envelope,
        cluster=data.clusters[entry.cluster],
        project=project,
        project_ref=entry.project,
        amount=entry.amount,
    ) + rules.closed_year_problem(entry.year, data.closed_on.get(entry.year), entry.date)


def _ledger_rows(
    data: StoredData, lines: LineMap
) -> Iterator[tuple[int, Entry, rules.ProjectFacts | None, int | None]]:
    """The stored entries in date order, as one plain query: each with its project's facts
    where the row rules must judge it (a stored-only entry: None for one the import has
    just checked), and the project's granted support in cents as known on `as_of`.

    The ORM's `values_list` of these fourteen columns spent two thirds of the replay in its
    per-value converters (dates parsed per row, amounts made `Decimal` through floats on
    SQLite): 7 of 10 s at 310k entries. Here amounts come as whole cents (the contract's
    amounts have at most two decimals) and each distinct date is parsed once.
    """
    sql, params = _ledger_query(data.as_of)
    days: dict[str | date, date] = {}

    def day(value: str | date) -> date:
        found = days.get(value)
        if found is None:
            found = days[value] = value if isinstance(value, date) else date.fromisoformat(value)
        return found

    # streamed: the whole ledger is 3M rows at 1M projects
    for row in streamed(sql, params):
        pk, ref, when, year, kind, envelope, cluster, cents, project_ref = row[:9]
        amount, line = from_cents(cents), lines.line(pk) or 0
        entry = Entry(ref, day(when), year, kind, envelope, cluster, project_ref, amount, line)
        if project_ref is None:
            yield pk, entry, None, None
            continue
        decided_on = row[12] if row[12] is None else day(row[12])
        status, granted = data.project_status(row[11], decided_on, row[13])  # cents
        project = None
        if not line:
            support = None if granted is None else from_cents(granted)
            project = rules.ProjectFacts(project_ref, row[9], row[10], status, support)
        yield pk, entry, project, granted


def _ledger_query(as_of: date | None) -> tuple[str, list[date]]:
    """The ledger joined to its clusters and projects, by date then key: amounts in cents,
    dates as ISO text on SQLite (its driver would parse each one), as dates on PostgreSQL."""
    quote = connection.ops.quote_name
    ledger, project, cluster = (quote(m._meta.db_table) for m in (LedgerEntry, Project, Cluster))
    text = "CAST({} AS TEXT)" if connection.vendor == "sqlite" else "{}"  # PostgreSQL: dates
    sql = (
        f"SELECT e.id, e.ref, {text.format('e.date')}, e.year, e.kind, e.envelope, c.code,"
        " CAST(ROUND(e.amount * 100) AS BIGINT), p.ref, pc.code, p.channel, p.status,"
        f" {text.format('p.decided_on')}, CAST(ROUND(p.granted_support * 100) AS BIGINT)"
        f" FROM {ledger} e JOIN {cluster} c ON c.id = e.cluster_id"
        f" LEFT JOIN {project} p ON p.id = e.project_id"
        f" LEFT JOIN {cluster} pc ON pc.id = p.cluster_id"
    )
    params: list[date] = []
    if as_of is not None:
        sql += " WHERE e.date <= %s"
        params.append(as_of)
    # SQLite would walk the date index and fetch each entry and its project by key, in
    # date order: a third slower than reading the table through and sorting (`+` keeps a
    # term off the index). PostgreSQL plans by its statistics.
    by_date = "+e.date" if connection.vendor == "sqlite" else "e.date"
    return sql + f" ORDER BY {by_date}, e.id", params


def _in_replay_order(entries: Iterable[Entry]) -> Iterator[Entry]:
    """Date order (as stored rows stream in); inside a date, file order (stored-only rows first)."""
    for _, same_date in groupby(entries, key=lambda e: e.date):
        yield from sorted(same_date, key=lambda e: e.line)
