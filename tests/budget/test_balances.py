"""The kept ledger balances: every way an entry is written keeps them equal to the ledger.

`balances_differences()` adds the ledger up again and compares with what was kept; each
test writes, or fails to write, and asks it. The reports' figures from the balances are
checked figure for figure by tests/reports (the worked example, with and without as-of).
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from clustermonitor.budget.balances import balances_differences, balances_rebuild
from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.budget.selectors import ledger_entries_known, ledger_totals
from clustermonitor.reports import selectors
from tests.datasets.helpers import append_to, copy_fixture, import_errors, run_import
from tests.factories import LedgerEntryFactory

from .scenario import D, World, book, day, refusal


def kept() -> dict[tuple[str, int, str, str, str], tuple[int, int]]:
    return {
        (b.cluster.code, b.year, b.envelope, b.kind, b.month.isoformat()[:7]): (b.cents, b.entries)
        for b in LedgerBalance.objects.select_related("cluster")
    }


def test_bookings_of_every_kind_add_to_their_month(world: World) -> None:
    book(amount=D("100000.00"), date=day(2020, 5, 1))
    book(amount=D("0.01"), date=day(2020, 5, 31))
    book(kind="payment", amount=D("2500.50"), date=day(2020, 6, 1))
    book(kind="decommitment", amount=D("10.00"), date=day(2020, 7, 1))
    book(project="P1", amount=D("200000.00"), date=day(2020, 5, 1))

    assert kept() == {
        ("VIL", 2020, "spearhead_operation", "commitment", "2020-05"): (10000001, 2),
        ("VIL", 2020, "spearhead_operation", "payment", "2020-06"): (250050, 1),
        ("VIL", 2020, "spearhead_operation", "decommitment", "2020-07"): (1000, 1),
        ("VIL", 2020, "spearhead_projects", "commitment", "2020-05"): (20000000, 1),
    }
    assert balances_differences() == []


def test_a_refused_booking_changes_no_balance(world: World) -> None:
    book(amount=D("100000.00"))
    before = kept()

    refusal(amount=D("2000000.00"))  # more than the budget

    assert kept() == before
    assert balances_differences() == []


def test_a_rolled_back_booking_takes_its_balance_with_it(world: World) -> None:
    book(amount=D("100000.00"))
    before = kept()

    with pytest.raises(RuntimeError), transaction.atomic():
        book(amount=D("5000.00"), date=day(2020, 9, 9))
        assert balances_differences() == []
        raise RuntimeError("the caller gives up")

    assert kept() == before
    assert balances_differences() == []


def test_entries_saved_or_created_in_bulk_are_kept_too(world: World) -> None:
    LedgerEntryFactory(cluster=world.vil, year=2020, amount=D("12.34"), date=day(2020, 1, 2))
    LedgerEntry.objects.bulk_create(
        [
            LedgerEntry(
                ref=f"B{i}",
                date=day(2020, 1, 10 + i),
                year=2020,
                kind="payment",
                envelope="spearhead_operation",
                cluster=world.vil,
                amount=D("1.00"),
            )
            for i in range(3)
        ]
    )

    assert kept()[("VIL", 2020, "spearhead_operation", "payment", "2020-01")] == (300, 3)
    assert balances_differences() == []


def test_verify_finds_a_tampered_balance_and_rebuild_repairs_it(world: World) -> None:
    book(amount=D("100000.00"))
    LedgerBalance.objects.update(cents=1)
    out = StringIO()

    with pytest.raises(CommandError, match="1 month balances differ from the ledger"):
        call_command("balances", "--verify", stdout=out)
    assert "kept 0.01 in 1 entries, ledger 100000.00 in 1 entries" in out.getvalue()

    call_command("balances", "--rebuild", stdout=StringIO())
    call_command("balances", "--verify", stdout=out)
    assert "balances agree with the ledger" in out.getvalue()
    assert balances_rebuild() == 1


@pytest.mark.django_db
def test_an_import_keeps_them_also_again_and_with_replace(tmp_path: Path) -> None:
    folder = copy_fixture("tiny", tmp_path)
    run_import(folder)
    first = kept()
    assert first[("VIL", 2017, "spearhead_projects", "commitment", "2017-03")] == (50000000, 1)
    assert balances_differences() == []

    run_import(folder)  # unchanged rows add nothing
    run_import(folder, "--replace")
    assert kept() == first

    append_to(folder, "ledger.csv", "L99,2018-02-10,2018,payment,spearhead_operation,VIL,,0.50,")
    run_import(folder, "--replace")
    assert kept()[("VIL", 2018, "spearhead_operation", "payment", "2018-02")] == (25000050, 2)
    assert balances_differences() == []


@pytest.mark.django_db
def test_a_refused_import_keeps_no_balance(tmp_path: Path) -> None:
    folder = copy_fixture("tiny", tmp_path)
    append_to(folder, "ledger.csv", "L99,2018-02-10,2018,payment,spearhead_operation,NOPE,,0.50,")

    assert import_errors(folder)
    assert LedgerBalance.objects.count() == 0
    assert balances_differences() == []


@pytest.mark.django_db
def test_figures_as_of_any_day_equal_the_entries_known_that_day(tmp_path: Path) -> None:
    run_import(copy_fixture("flanders-small", tmp_path))
    group = ("cluster__code", "year", "envelope")
    days = sorted(set(LedgerEntry.objects.values_list("date", flat=True)))
    probes = {None, days[0], days[len(days) // 2], days[-1]}
    probes |= {d.replace(day=1) for d in days[::7]} | {d.replace(day=28) for d in days[::11]}
    for as_of in probes:
        kept_figures = selectors.ledger_figures(as_of=as_of, group_by=group)
        entries = ledger_totals(ledger_entries_known(as_of=as_of), *group)
        key = lambda row: tuple(row[name] for name in group)  # noqa: E731
        assert sorted(kept_figures, key=key) == sorted(entries, key=key), as_of
