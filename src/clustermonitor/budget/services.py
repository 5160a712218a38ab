"""Writes of the budget app: book a ledger entry, set a budget or an allocation, close a year.

Every service is one `transaction.atomic` that follows *lock, then check, then write*:

1. **Lock** the year, the budget row and the scope row, in that order (`budget.locks`).
2. **Check** the contract's row rules (`domain.rules`, `budget.checks`) and, for a
   booking, the balance rules: a `LedgerState` seeded from SQL aggregates of the
   balances the new entry enters replays it (with any stored entries dated on or after
   it, so a back-dated entry cannot break a balance at a later date).
3. **Write**, or raise a `WriteRefused` subclass carrying every problem found as
   (column, message) pairs; nothing is written then.

Invariants kept: net commitments of an envelope-year ≤ its budget; allocations of an
envelope-year ≤ its budget; a cluster's operation ≤ the cap; a project's net
commitments ≤ its granted support; decommitments ≤ commitments and payments ≤ net
commitments per project and per cluster operation; nothing in a closed year changes.
"""

from datetime import date as Date
from decimal import Decimal

from django.db import IntegrityError, transaction

from clustermonitor.budget import checks, locks, selectors
from clustermonitor.budget.errors import (
    AllocationRefused,
    BookingRefused,
    BudgetRefused,
    YearCloseRefused,
)
from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.enums import (
    DEFAULT_BUDGET_SOURCE,
    OPERATION_ENVELOPES,
    LedgerKind,
    YearStatus,
    operation_cap_key,
)
from clustermonitor.domain.ledger import (
    Entry,
)
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import ZERO, amount_text
from clustermonitor.domain.rules import (
    allocation_problems,
    allocation_sum_problems,
)
from clustermonitor.kernel.audit import require_actor, save_by, set_by
from clustermonitor.kernel.facts import cluster_facts
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kernel.selectors import closed_year_check, parameter_value, year_closed_on


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
    require_actor(actor)
    with transaction.atomic():
        locks.lock_year(year)
        budget = locks.lock_budget(year=year, envelope=envelope)
        the_cluster = locks.lock_cluster(cluster, lock=envelope in OPERATION_ENVELOPES)
        the_project = locks.lock_project(project) if project else None

        problems = checks.booking_problems(
            ref=ref,
            year=year,
            kind=kind,
            envelope=envelope,
            cluster=cluster,
            the_cluster=the_cluster,
            project=project or None,
            the_project=the_project,
            amount=amount,
        )
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
        problems = checks.balance_problems(entry, budget=budget, cluster=the_cluster, project=the_project)
        if problems:
            raise BookingRefused(problems)

        try:
            with transaction.atomic():
                stored = save_by(
                    LedgerEntry(
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
                    ),
                    action="booked",
                    actor=actor,
                )
        except IntegrityError:
            # Booked concurrently under the same ref on another envelope-year (so not
            # serialised by our lock): the unique constraint has the last word.
            if LedgerEntry.objects.filter(ref=ref).exists():
                raise BookingRefused([("ref", checks.duplicate_ref(ref))]) from None
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
    require_actor(actor)
    with transaction.atomic():
        locks.lock_year(year)
        budget = locks.lock_budget(year=year, envelope=envelope)
        problems = checks.vocabulary_problems(year=year, envelope=envelope, amount=amount, zero_allowed=True)
        problems += closed_year_check(year)
        the_cluster = Cluster.objects.filter(code=cluster).first()
        if the_cluster is None:
            problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
        if the_cluster is None or problems:
            raise AllocationRefused(problems)

        cap = parameter_value(operation_cap_key(envelope)) if envelope in OPERATION_ENVELOPES else None
        problems = allocation_problems(
            year=year,
            envelope=envelope,
            amount=amount,
            cluster=cluster_facts(the_cluster),
            cap=cap,
        )
        others = selectors.allocated_total(year=year, envelope=envelope, exclude_cluster=the_cluster)
        budget_amount = budget.amount if budget is not None else ZERO
        problems += allocation_sum_problems(
            year=year, envelope=envelope, total=others + amount, budget=budget_amount
        )
        if problems:
            raise AllocationRefused(problems)

        allocation, _created = set_by(
            Allocation,
            lookup={"year": year, "cluster": the_cluster, "envelope": envelope},
            values={"amount": amount, "decided_on": decided_on},
            actor=actor,
        )
        data_changed()
    return allocation


def budget_set(
    *, year: int, envelope: str, amount: Decimal, source: str = DEFAULT_BUDGET_SOURCE, actor: str
) -> Budget:
    """Create or change the earmarked budget of an envelope in a year; raises BudgetRefused.

    A budget never drops below what is already allocated or net committed on it.
    """
    require_actor(actor)
    with transaction.atomic():
        locks.lock_year(year)
        locks.lock_budget(year=year, envelope=envelope)  # held until commit
        problems = checks.vocabulary_problems(year=year, envelope=envelope, amount=amount, zero_allowed=True)
        problems += closed_year_check(year)
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

        stored, _created = set_by(
            Budget,
            lookup={"year": year, "envelope": envelope},
            values={"amount": amount, "source": source or DEFAULT_BUDGET_SOURCE},
            actor=actor,
        )
        data_changed()
    return stored


def year_close(*, year: int, closed_on: Date, actor: str) -> BudgetYear:
    """Make a year's figures definitive; raises YearCloseRefused.

    Every ledger entry booked on the year must be dated on or before `closed_on`. After
    closing, no budget, allocation or ledger entry of the year changes.
    """
    require_actor(actor)
    with transaction.atomic():
        locks.lock_year(year, exclusive=True)  # no write on the year is half done while we look
        problems = checks.year_problems(year)
        already = year_closed_on(year)
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

        budget_year, _created = set_by(
            BudgetYear,
            lookup={"year": year},
            values={"status": YearStatus.CLOSED, "closed_on": closed_on},
            actor=actor,
            action="closed",
        )
        data_changed()
    return budget_year
