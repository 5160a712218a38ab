"""Concurrent bookings on PostgreSQL, each thread with its own real database connection.

`ledger_entry_book` locks the budget row of the (year, envelope) it spends, then the
scope it pays from, before it reads any balance: concurrent bookings on one envelope
queue up, and each one judges the balances the previous ones left. A
`threading.Barrier` releases all threads at once so they really race.

Skipped on SQLite: it has no row locks (one writer at a time instead), and the test
database lives in memory, which threads cannot share.
"""

import threading
import time
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import pytest
from django.db import connection, transaction

from clustermonitor.budget import selectors
from clustermonitor.budget.errors import BookingRefused, YearCloseRefused
from clustermonitor.budget.models import LedgerEntry
from clustermonitor.budget.services import year_close
from tests.factories import (
    BudgetFactory,
    IbnClusterFactory,
    LedgerEntryFactory,
    ProjectFactory,
    SpearheadClusterFactory,
)

from .scenario import D, World, book, day

# Every racing test's marks (tests/projects/test_tally_concurrency.py races too).
RACING = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: row locks across real connections (SQLite has none; its in-memory "
        "test database cannot be shared between threads)",
    ),
    pytest.mark.django_db(transaction=True),
]
pytestmark = RACING

T = TypeVar("T")


def race(*actions: Callable[[], T], timeout: float = 60) -> list[T | Exception]:
    """Run each action in its own thread and connection, released together by a barrier."""
    barrier = threading.Barrier(len(actions))
    results: list[T | Exception] = [RuntimeError("did not run")] * len(actions)

    def run(index: int, action: Callable[[], T]) -> None:
        try:
            connection.ensure_connection()  # connect before the start, not during the race
            barrier.wait(timeout=timeout)
            results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a booking hung (deadlock?)"
    return results


def test_two_bookings_race_for_the_last_euros_and_exactly_one_wins(world: World) -> None:
    # ibn 2020: budget 300 000, 250 000 committed; two IBNs each want the last 50 000.
    IbnClusterFactory(code="PRINT3D")
    IbnClusterFactory(code="SPORTTECH")
    LedgerEntryFactory(cluster=world.biopack, envelope="ibn", amount=D("150000.00"))
    LedgerEntryFactory(cluster=IbnClusterFactory(code="WATERTECH"), envelope="ibn", amount=D("100000.00"))

    results = race(
        lambda: book(ref="RACE-1", cluster="PRINT3D", envelope="ibn", amount=D("50000.00")),
        lambda: book(ref="RACE-2", cluster="SPORTTECH", envelope="ibn", amount=D("50000.00")),
    )

    booked = [r for r in results if isinstance(r, LedgerEntry)]
    refused = [r for r in results if isinstance(r, BookingRefused)]
    assert (len(booked), len(refused)) == (1, 1), results
    assert refused[0].problems == [
        ("amount", "net commitments on ibn 2020 (350000.00) exceed its budget (300000.00)")
    ]
    assert selectors.envelope_year_tally(year=2020, envelope="ibn").net == D("300000.00")
    assert LedgerEntry.objects.filter(ref__startswith="RACE-").count() == 1


def test_twenty_bookings_on_one_envelope_never_exceed_its_budget(world: World) -> None:
    # spearhead_projects 2020: budget 1 000 000; twenty clusters each commit 60 000–79 000
    # to their own project (1 390 000 asked in all), all at once.
    amounts = [D("60000.00") + 1000 * i for i in range(20)]
    for i in range(20):
        cluster = SpearheadClusterFactory(code=f"C{i:02d}")
        ProjectFactory(ref=f"R{i:02d}", cluster=cluster, granted_support=D("100000.00"))

    def booking(i: int) -> Callable[[], LedgerEntry]:
        return lambda: book(ref=f"B{i:02d}", cluster=f"C{i:02d}", project=f"R{i:02d}", amount=amounts[i])

    started = time.monotonic()
    results = race(*(booking(i) for i in range(20)))
    elapsed = time.monotonic() - started

    unexpected = [r for r in results if not isinstance(r, LedgerEntry | BookingRefused)]
    assert unexpected == []  # no deadlock, no serialization failure, no lock timeout
    committed = selectors.envelope_year_tally(year=2020, envelope="spearhead_projects").net
    booked = [r for r in results if isinstance(r, LedgerEntry)]
    assert committed == sum((entry.amount for entry in booked), Decimal("0.00"))
    assert committed <= world.projects.amount
    assert 12 <= len(booked) <= 14  # 1 000 000 holds 12 to 14 of these amounts
    left = world.projects.amount - committed
    for i, result in enumerate(results):
        if isinstance(result, BookingRefused):
            # Refused for the budget alone, and rightly: it did not fit in what was left.
            assert amounts[i] > left
            [(column, message)] = result.problems
            assert column == "amount"
            assert message.startswith("net commitments on spearhead_projects 2020 (")
            assert message.endswith(") exceed its budget (1000000.00)")
    assert elapsed < 30


def test_payments_on_one_project_across_years_never_exceed_its_commitments(world: World) -> None:
    # P1 has 100 000 committed; twenty payments of 10 000, booked on 2020 and on 2021
    # (no budget row there), race. The project row lock, not the budget lock, decides.
    LedgerEntryFactory(project=world.p1, amount=D("100000.00"), date=day(2020, 3, 1))

    def payment(i: int) -> Callable[[], LedgerEntry]:
        return lambda: book(
            ref=f"PAY{i:02d}", project="P1", kind="payment", year=2020 + i % 2, amount=D("10000.00")
        )

    results = race(*(payment(i) for i in range(20)))

    assert sum(isinstance(r, LedgerEntry) for r in results) == 10
    refused = [r for r in results if not isinstance(r, LedgerEntry)]
    assert all(isinstance(r, BookingRefused) for r in refused), refused
    assert {r.problems[0][1] for r in refused if isinstance(r, BookingRefused)} == {
        "payments (110000.00) exceed net commitments (100000.00) of project P1"
    }
    assert selectors.scope_tally(
        cluster=world.vil, envelope="spearhead_projects", project=world.p1
    ).paid == D("100000.00")


def held_then(first: Callable[[], object], second: Callable[[], T]) -> T | Exception:
    """Run `first` in a transaction held open, start `second` in another connection, check
    that it waits, let `first` commit, and return what `second` returned or raised."""
    first_done, release, second_done = threading.Event(), threading.Event(), threading.Event()
    outcome: list[T | Exception] = [RuntimeError("did not run")]

    def run_first() -> None:
        try:
            with transaction.atomic():
                first()
                first_done.set()
                release.wait(10)
        finally:
            connection.close()

    def run_second() -> None:
        try:
            first_done.wait(10)
            outcome[0] = second()
        except Exception as error:
            outcome[0] = error
        finally:
            second_done.set()
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    try:
        assert first_done.wait(10), "the first action did not finish"
        assert not second_done.wait(0.5), "the second action did not wait for the first's lock"
    finally:
        release.set()
        for thread in threads:
            thread.join(10)
    return outcome[0]


def test_a_second_booking_waits_for_the_first_to_commit(world: World) -> None:
    # ibn 2020: budget 300 000, 100 000 committed; the first takes 150 000 and holds its
    # transaction open; the second asks 50 000.01, waits, then sees the first's entry.
    IbnClusterFactory(code="PRINT3D")
    LedgerEntryFactory(cluster=IbnClusterFactory(code="WATERTECH"), envelope="ibn", amount=D("100000.00"))

    outcome = held_then(
        lambda: book(ref="FIRST", cluster="BIOPACK", envelope="ibn", amount=D("150000.00")),
        lambda: book(ref="SECOND", cluster="PRINT3D", envelope="ibn", amount=D("50000.01")),
    )

    assert isinstance(outcome, BookingRefused), outcome
    assert outcome.problems == [
        ("amount", "net commitments on ibn 2020 (300000.01) exceed its budget (300000.00)")
    ]


def test_a_year_is_not_closed_under_a_booking_in_flight(world: World) -> None:
    # A 2019 entry dated 2020-03-15 is being booked when 2019 is closed on 2020-02-28.
    BudgetFactory(year=2019, envelope="spearhead_operation")

    outcome = held_then(
        lambda: book(ref="LATE", year=2019, date=day(2020, 3, 15)),
        lambda: year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester"),
    )

    assert isinstance(outcome, YearCloseRefused), outcome
    assert outcome.problems == [
        (
            "closed_on",
            "1 ledger entry of 2019 is dated after 2020-02-28 (the latest: LATE on 2020-03-15); "
            "close the year on 2020-03-15 or later",
        )
    ]


def test_a_booking_waits_for_a_year_being_closed(world: World) -> None:
    BudgetFactory(year=2019, envelope="spearhead_operation")

    outcome = held_then(
        lambda: year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester"),
        lambda: book(ref="TOO-LATE", year=2019, date=day(2020, 2, 1), kind="commitment"),
    )

    assert isinstance(outcome, BookingRefused), outcome
    assert outcome.problems == [
        (
            "year",
            "2019 is closed (on 2020-02-28): its figures are definitive; nothing of it may change",
        )
    ]
