"""Writes of the budget app: book a ledger entry, set a budget or an allocation, close a year.

Every service is one `transaction.atomic` that follows *lock, then check, then write*:

1. **Lock**, always in this order, so two services never wait on each other in a cycle:
   the year (shared by every write on it, taken alone by `year_close`, so a year is
   never closed under a half-done write); the `Budget` row of the (year, envelope) the
   write spends (`select_for_update`: concurrent bookings on one envelope-year queue
   up); for a booking, the row of the scope it pays from (the cluster for operation
   envelopes, the project for the project envelope), which guards the decommitment
   and payment rules spanning all years. That is PostgreSQL. SQLite has no row locks
   but one writer at a time: there the first statement is a write (a no-op `UPDATE`),
   which takes the database's write lock before anything is read — a read first would
   let two transactions read the same balances, and the second writer would then fail
   with "database is locked" instead of waiting.
2. **Check** the contract's row rules (`domain.rules`) and, for a booking, the balance
   rules: a `LedgerState` seeded from SQL aggregates of the balances the new entry
   enters replays it (with any stored entries dated on or after it, so a back-dated
   entry cannot break a balance at a later date).
3. **Write**, or raise a `WriteRefused` subclass carrying every problem found as
   (column, message) pairs; nothing is written then.

Invariants kept: net commitments of an envelope-year ≤ its budget; allocations of an
envelope-year ≤ its budget; a cluster's operation ≤ the cap; a project's net
commitments ≤ its granted support; decommitments ≤ commitments and payments ≤ net
commitments per project and per cluster operation; nothing in a closed year changes.
"""

import logging
from datetime import date as Date
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from clustermonitor.budget import selectors
from clustermonitor.budget.errors import (
    AllocationRefused,
    BookingRefused,
    BudgetRefused,
    YearCloseRefused,
)
from clustermonitor.budget.models import Allocation, Budget, BudgetYear, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.dates import is_year, year_message
from clustermonitor.domain.enums import (
    DEFAULT_BUDGET_SOURCE,
    OPERATION_ENVELOPES,
    Envelope,
    LedgerKind,
    YearStatus,
    operation_cap_key,
)
from clustermonitor.domain.ledger import (
    Entry,
    LedgerState,
    Limits,
    balances_entered,
    scope_of,
    sort_for_replay,
)
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import CENT, ZERO, amount_text
from clustermonitor.domain.rules import (
    CODE_PATTERN,
    Problem,
    allocation_problems,
    ledger_entry_problems,
)
from clustermonitor.kernel.facts import cluster_facts, project_facts
from clustermonitor.projects.models import Project

logger = logging.getLogger(__name__)

MAX_AMOUNT = Decimal("9999999999999.99")  # the columns hold 15 digits, 2 of them decimals
KINDS = frozenset(kind.value for kind in LedgerKind)
YEAR_LOCK_CLASS = 7301  # names our per-year advisory locks among any others in the database
ENVELOPES = frozenset(envelope.value for envelope in Envelope)


def ledger_entry_book(
    *,
    ref: str,
    date: Date,
    year: int,
    kind: str,
    envelope: str,
    cluster: str,
    project: str | None = None,
    amount: Decimal,
    note: str = "",
    actor: str,
) -> LedgerEntry:
    """Book one ledger entry (commitment, decommitment or payment); raises BookingRefused.

    `cluster` is a cluster code, `project` a project ref (required on the project
    envelope, not allowed elsewhere). The entry is stored with `booked_by=actor`.
    """
    _require_actor(actor)
    with transaction.atomic():
        _lock_year(year)
        budget = _lock_budget(year=year, envelope=envelope)
        the_cluster = _lock_cluster(cluster, lock=envelope in OPERATION_ENVELOPES)
        the_project = _lock_project(project) if project else None

        problems = _vocabulary_problems(year=year, envelope=envelope, amount=amount)
        if kind not in KINDS:
            problems.append(
                ("kind", _("unknown kind {kind}: one of {kinds}", kind=kind, kinds=", ".join(LedgerKind)))
            )
        if the_cluster is None:
            problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
        elif not problems:  # the row rules need known values to judge
            problems += ledger_entry_problems(
                year=year,
                kind=kind,
                envelope=envelope,
                cluster=cluster_facts(the_cluster),
                project=project_facts(the_project) if the_project else None,
                project_ref=project or None,
                amount=amount,
            )
        if not CODE_PATTERN.fullmatch(ref):
            problems.append(("ref", _("must be 1–40 letters, digits, '_', '.' or '-'")))
        elif LedgerEntry.objects.filter(ref=ref).exists():
            problems.append(("ref", _duplicate_ref(ref)))
        problems += _closed_year_problems(year)
        if the_cluster is None or problems:
            raise BookingRefused(problems)

        if kind == LedgerKind.COMMITMENT and budget is None:
            raise BookingRefused(
                [
                    (
                        "amount",
                        _(
                            "no budget is set for {envelope} {year}: a commitment needs one (budget 0.00)",
                            envelope=envelope,
                            year=year,
                        ),
                    )
                ]
            )
        entry = Entry(ref, date, year, kind, envelope, the_cluster.code, project or None, amount)
        problems = _balance_problems(entry, budget=budget, cluster=the_cluster, project=the_project)
        if problems:
            raise BookingRefused(problems)

        try:
            with transaction.atomic():
                stored = LedgerEntry.objects.create(
                    ref=ref,
                    date=date,
                    year=year,
                    kind=kind,
                    envelope=envelope,
                    cluster=the_cluster,
                    project=the_project,
                    amount=amount,
                    note=note,
                    booked_by=actor,
                )
        except IntegrityError:
            # Booked concurrently under the same ref on another envelope-year (so not
            # serialised by our lock): the unique constraint has the last word.
            if LedgerEntry.objects.filter(ref=ref).exists():
                raise BookingRefused([("ref", _duplicate_ref(ref))]) from None
            raise
        data_changed()
    return stored


def allocation_set(
    *,
    year: int,
    cluster: str,
    envelope: str,
    amount: Decimal,
    decided_on: Date | None = None,
    actor: str,
) -> Allocation:
    """Create or replace a cluster's allocation of an envelope in a year; raises AllocationRefused.

    The allocations of an envelope-year add up to at most its budget; an operation
    allocation is at most the cap; the year lies within the cluster's pact.
    """
    _require_actor(actor)
    with transaction.atomic():
        _lock_year(year)
        budget = _lock_budget(year=year, envelope=envelope)
        problems = _vocabulary_problems(year=year, envelope=envelope, amount=amount, zero_allowed=True)
        problems += _closed_year_problems(year)
        the_cluster = Cluster.objects.filter(code=cluster).first()
        if the_cluster is None:
            problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
        if the_cluster is None or problems:
            raise AllocationRefused(problems)

        cap = (
            selectors.parameter_value(operation_cap_key(envelope))
            if envelope in OPERATION_ENVELOPES
            else None
        )
        problems = allocation_problems(
            year=year,
            envelope=envelope,
            amount=amount,
            cluster=cluster_facts(the_cluster),
            cap=cap,
        )
        others = selectors.allocated_total(year=year, envelope=envelope, exclude_cluster=the_cluster)
        budget_amount = budget.amount if budget is not None else ZERO
        if others + amount > budget_amount:
            problems.append(
                (
                    "amount",
                    _(
                        "the allocations of {envelope} {year} would add up to {total}, "
                        "more than its budget ({budget})",
                        envelope=envelope,
                        year=year,
                        total=amount_text(others + amount),
                        budget=amount_text(budget_amount),
                    ),
                )
            )
        if problems:
            raise AllocationRefused(problems)

        allocation, created = Allocation.objects.update_or_create(
            year=year,
            cluster=the_cluster,
            envelope=envelope,
            defaults={"amount": amount, "decided_on": decided_on},
        )
        _audit(actor, "set" if created else "changed", f"allocation {year} {cluster} {envelope} = {amount}")
        data_changed()
    return allocation


def budget_set(
    *, year: int, envelope: str, amount: Decimal, source: str = DEFAULT_BUDGET_SOURCE, actor: str
) -> Budget:
    """Create or change the earmarked budget of an envelope in a year; raises BudgetRefused.

    A budget never drops below what is already allocated or net committed on it.
    """
    _require_actor(actor)
    with transaction.atomic():
        _lock_year(year)
        _lock_budget(year=year, envelope=envelope)  # held until commit
        problems = _vocabulary_problems(year=year, envelope=envelope, amount=amount, zero_allowed=True)
        problems += _closed_year_problems(year)
        if problems:
            raise BudgetRefused(problems)

        allocated = selectors.allocated_total(year=year, envelope=envelope)
        if amount < allocated:
            problems.append(
                (
                    "amount",
                    _(
                        "{amount} is less than the {allocated} already allocated of {envelope} {year}",
                        amount=amount_text(amount),
                        allocated=amount_text(allocated),
                        envelope=envelope,
                        year=year,
                    ),
                )
            )
        committed = selectors.envelope_year_tally(year=year, envelope=envelope).net
        if amount < committed:
            problems.append(
                (
                    "amount",
                    _(
                        "{amount} is less than the net commitments ({committed}) on {envelope} {year}",
                        amount=amount_text(amount),
                        committed=amount_text(committed),
                        envelope=envelope,
                        year=year,
                    ),
                )
            )
        if problems:
            raise BudgetRefused(problems)

        stored, created = Budget.objects.update_or_create(
            year=year,
            envelope=envelope,
            defaults={"amount": amount, "source": source or DEFAULT_BUDGET_SOURCE},
        )
        _audit(
            actor, "set" if created else "changed", f"budget {year} {envelope} = {amount} ({stored.source})"
        )
        data_changed()
    return stored


def year_close(*, year: int, closed_on: Date, actor: str) -> BudgetYear:
    """Make a year's figures definitive; raises YearCloseRefused.

    Every ledger entry booked on the year must be dated on or before `closed_on`. After
    closing, no budget, allocation or ledger entry of the year changes.
    """
    _require_actor(actor)
    with transaction.atomic():
        _lock_year(year, exclusive=True)  # no write on the year is half done while we look
        problems = _year_problems(year)
        already = selectors.year_closed_on(year)
        if already is not None:
            problems.append(
                ("year", _("{year} is already closed (on {closed_on})", year=year, closed_on=already))
            )
        if problems:
            raise YearCloseRefused(problems)

        late = selectors.ledger_entries_after(year=year, after=closed_on)
        latest = late.first()
        if latest is not None:
            count = late.count()
            facts = {"year": year, "closed_on": closed_on, "ref": latest.ref, "date": latest.date}
            message = (
                _(
                    "1 ledger entry of {year} is dated after {closed_on} (the latest: {ref} on {date}); "
                    "close the year on {date} or later",
                    **facts,
                )
                if count == 1
                else _(
                    "{count} ledger entries of {year} are dated after {closed_on} (the latest: {ref} on "
                    "{date}); close the year on {date} or later",
                    count=count,
                    **facts,
                )
            )
            raise YearCloseRefused([("closed_on", message)])

        budget_year, _created = BudgetYear.objects.update_or_create(
            year=year, defaults={"status": YearStatus.CLOSED, "closed_on": closed_on}
        )
        _audit(actor, "closed", f"year {year} on {closed_on}")
        data_changed()
    return budget_year


# --- locks --------------------------------------------------------------------------


def _lock_year(year: int, *, exclusive: bool = False) -> None:
    """Writes on a year share its lock; closing the year takes it alone."""
    if _year_problems(year):
        return  # refused anyway: nothing to protect
    if connection.vendor == "postgresql":
        # A transaction-level advisory lock on the year, released at commit/rollback.
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [YEAR_LOCK_CLASS, year])
    elif not connection.features.has_select_for_update:
        # SQLite: a write as the first statement takes the database's write lock now.
        BudgetYear.objects.filter(year=year).update(status=F("status"))


def _lock_budget(*, year: int, envelope: str) -> Budget | None:
    """The (year, envelope) budget row, locked for the rest of the transaction."""
    return Budget.objects.select_for_update().filter(year=year, envelope=envelope).first()


# A scope row is locked FOR NO KEY UPDATE: that does not block the FOR KEY SHARE lock an
# INSERT takes on the rows its foreign keys point to, so a booking on one cluster's
# project never waits for a booking on that cluster's operation.


def _lock_cluster(code: str, *, lock: bool) -> Cluster | None:
    clusters = Cluster.objects.select_for_update(no_key=True) if lock else Cluster.objects.all()
    return clusters.filter(code=code).first()


def _lock_project(ref: str) -> Project | None:
    return Project.objects.select_for_update(no_key=True).filter(ref=ref).first()


# --- checks -------------------------------------------------------------------------


def _balance_problems(
    entry: Entry, *, budget: Budget | None, cluster: Cluster, project: Project | None
) -> list[Problem]:
    """Replay the new entry against the stored tallies of the balances it enters.

    The tallies are seeded as they stood before the entry's date; stored entries dated
    on or after it are replayed too (usually none), the new one last within its date.
    """
    budget_amount = budget.amount if budget is not None else ZERO
    granted = project.granted_support if project is not None else None
    state = LedgerState(
        Limits(
            budget=lambda year, envelope: budget_amount,
            cap=lambda envelope: selectors.parameter_value(operation_cap_key(envelope)),
            granted=lambda ref: granted if granted is not None else ZERO,
        )
    )
    state.scopes[scope_of(entry)] = selectors.scope_tally(
        cluster=cluster, envelope=entry.envelope, project=project, before=entry.date
    )
    if entry.kind != LedgerKind.PAYMENT:
        state.envelope_year[(entry.envelope, entry.year)] = selectors.envelope_year_tally(
            year=entry.year, envelope=entry.envelope, before=entry.date
        )
        if entry.envelope in OPERATION_ENVELOPES:
            state.operation_year[(entry.cluster, entry.envelope, entry.year)] = (
                selectors.operation_year_tally(
                    cluster=cluster, envelope=entry.envelope, year=entry.year, before=entry.date
                )
            )
    later = selectors.ledger_entries_from(
        since=entry.date,
        year=entry.year,
        envelope=entry.envelope,
        cluster=cluster,
        project=project,
        kind=entry.kind,
    )
    # Only the balances the new entry enters are seeded (and can be broken by it).
    entered = set(balances_entered(entry))
    problems: list[Problem] = []
    for breach in state.replay(sort_for_replay([*later, entry])):
        balance = next(b for b in balances_entered(breach.entry) if b[0] == breach.rule)
        if balance not in entered:
            continue
        if breach.entry is entry:
            problems.append(("amount", breach.message))
        else:
            problems.append(
                (
                    "amount",
                    _(
                        "dated {date}, it breaks a balance at a later date: "
                        "on {later} (entry {ref}) {breach}",
                        date=entry.date,
                        later=breach.entry.date,
                        ref=breach.entry.ref,
                        breach=breach.message,
                    ),
                )
            )
    return problems


def _vocabulary_problems(
    *, year: int, envelope: str, amount: Decimal, zero_allowed: bool = False
) -> list[Problem]:
    problems = _year_problems(year)
    if envelope not in ENVELOPES:
        problems.append(
            (
                "envelope",
                _(
                    "unknown envelope {envelope}: one of {envelopes}",
                    envelope=envelope,
                    envelopes=", ".join(Envelope),
                ),
            )
        )
    if amount.is_finite() and abs(amount) > MAX_AMOUNT:
        problems.append(("amount", _("at most {amount}", amount=amount_text(MAX_AMOUNT))))
    elif not amount.is_finite() or amount != amount.quantize(CENT):
        problems.append(("amount", _("euros with at most two decimals")))
    elif zero_allowed and amount < 0:
        problems.append(("amount", _("must not be negative")))
    return problems


def _year_problems(year: int) -> list[Problem]:
    return [] if is_year(year) else [("year", year_message(year))]


def _closed_year_problems(year: int) -> list[Problem]:
    closed_on = selectors.year_closed_on(year)
    if closed_on is None:
        return []
    return [
        (
            "year",
            _(
                "{year} is closed (on {closed_on}): its figures are definitive; "
                "book corrections on an open year",
                year=year,
                closed_on=closed_on,
            ),
        )
    ]


def _duplicate_ref(ref: str) -> str:
    return _(
        "ledger entry {ref} already exists; a stored entry never changes: book a correction under a new ref",
        ref=ref,
    )


def _require_actor(actor: str) -> None:
    if not actor.strip() or len(actor) > 150:
        raise ValueError("actor: who makes the change, 1–150 characters, for the audit trail")


def _audit(actor: str, action: str, what: str) -> None:
    transaction.on_commit(lambda: logger.info("%s %s %s", actor, action, what))
