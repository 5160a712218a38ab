"""The ledger is append-only: a stored entry is never changed or removed."""

import pytest

from clustermonitor.budget.models import LedgerEntry, LedgerImmutable

from .scenario import D, World, book


@pytest.fixture
def entry(world: World) -> LedgerEntry:
    return book(ref="BL0000001", amount=D("100.00"))


def test_saving_a_stored_entry_again_is_refused(entry: LedgerEntry) -> None:
    entry.amount = D("1.00")

    with pytest.raises(LedgerImmutable, match="ledger entry BL0000001 is stored and cannot change"):
        entry.save()
    assert LedgerEntry.objects.get(ref="BL0000001").amount == D("100.00")


def test_deleting_an_entry_is_refused(entry: LedgerEntry) -> None:
    with pytest.raises(LedgerImmutable, match="ledger entry BL0000001 is stored and cannot be removed"):
        entry.delete()
    assert LedgerEntry.objects.filter(ref="BL0000001").exists()


def test_updating_through_a_queryset_is_refused(entry: LedgerEntry) -> None:
    with pytest.raises(LedgerImmutable, match="append-only: book a correcting entry instead"):
        LedgerEntry.objects.filter(ref="BL0000001").update(amount=D("1.00"))
    assert LedgerEntry.objects.get(ref="BL0000001").amount == D("100.00")


def test_deleting_through_a_queryset_is_refused(entry: LedgerEntry) -> None:
    with pytest.raises(LedgerImmutable, match="append-only: book a correcting entry instead"):
        LedgerEntry.objects.all().delete()
    assert LedgerEntry.objects.count() == 1


def test_a_correction_is_a_new_entry(entry: LedgerEntry) -> None:
    book(ref="BL0000002", kind="decommitment", amount=D("40.00"))

    assert list(LedgerEntry.objects.values_list("ref", "kind", "amount")) == [
        ("BL0000001", "commitment", D("100.00")),
        ("BL0000002", "decommitment", D("40.00")),
    ]
