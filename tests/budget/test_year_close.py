"""Closing a budget year (`year_close`): its figures become definitive.

World: see `scenario.py`. A 2019 budget and a few 2019 entries are added here.
"""

import pytest

from clustermonitor.budget.errors import AllocationRefused, BookingRefused, BudgetRefused, YearCloseRefused
from clustermonitor.budget.services import allocation_set, budget_set, year_close
from clustermonitor.kernel.models import BudgetYear
from tests.factories import BudgetFactory, BudgetYearFactory

from .scenario import D, World, book, day

CLOSED = "2019 is closed (on 2020-02-28): its figures are definitive; nothing of it may change"


@pytest.fixture
def year_2019(world: World) -> World:
    BudgetFactory(year=2019, envelope="spearhead_operation")
    book(ref="BL2019A", year=2019, date=day(2019, 3, 1), amount=D("100000.00"))
    book(ref="BL2019B", year=2019, date=day(2020, 2, 28), kind="payment", amount=D("60000.00"))
    return world


def refusal(year: int, closed_on: object) -> list[tuple[str, str]]:
    before = list(BudgetYear.objects.values_list("year", "status", "closed_on"))
    with pytest.raises(YearCloseRefused) as refused:
        year_close(year=year, closed_on=closed_on, actor="tester")  # type: ignore[arg-type]
    assert list(BudgetYear.objects.values_list("year", "status", "closed_on")) == before
    return refused.value.problems


def test_a_year_is_closed_on_the_date_of_its_last_entry_or_later(year_2019: World) -> None:
    closed = year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester")

    assert list(BudgetYear.objects.values_list("year", "status", "closed_on")) == [
        (2019, "closed", day(2020, 2, 28))
    ]
    assert closed.pk == 2019


def test_an_open_year_row_becomes_closed(year_2019: World) -> None:
    BudgetYearFactory(year=2019)

    year_close(year=2019, closed_on=day(2020, 3, 1), actor="tester")

    assert BudgetYear.objects.get(year=2019).status == "closed"


def test_after_closing_nothing_of_the_year_changes(year_2019: World) -> None:
    year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester")

    with pytest.raises(BookingRefused) as booking:
        book(year=2019, kind="decommitment", date=day(2020, 1, 1), amount=D("1.00"))
    with pytest.raises(AllocationRefused) as allocation:
        allocation_set(year=2019, cluster="VIL", envelope="spearhead_operation", amount=D("1.00"), actor="t")
    with pytest.raises(BudgetRefused) as budget:
        budget_set(year=2019, envelope="spearhead_operation", amount=D("2000000.00"), actor="t")

    assert booking.value.problems == allocation.value.problems == budget.value.problems == [("year", CLOSED)]
    book(year=2020, kind="commitment", amount=D("1.00"))  # corrections go on an open year


def test_entries_dated_after_the_closing_date_refuse_it(year_2019: World) -> None:
    book(ref="BL2019C", year=2019, date=day(2020, 3, 15), kind="payment", amount=D("10000.00"))

    assert refusal(2019, day(2020, 2, 27)) == [
        (
            "closed_on",
            "2 ledger entries of 2019 are dated after 2020-02-27 (the latest: BL2019C on 2020-03-15); "
            "close the year on 2020-03-15 or later",
        )
    ]
    assert refusal(2019, day(2020, 3, 14)) == [
        (
            "closed_on",
            "1 ledger entry of 2019 is dated after 2020-03-14 (the latest: BL2019C on 2020-03-15); "
            "close the year on 2020-03-15 or later",
        )
    ]


def test_entries_of_other_years_do_not_matter(year_2019: World) -> None:
    book(year=2020, date=day(2020, 6, 1))

    closed = year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester")

    assert (closed.year, closed.status, closed.closed_on) == (2019, "closed", day(2020, 2, 28))


def test_a_closed_year_is_not_closed_again(year_2019: World) -> None:
    year_close(year=2019, closed_on=day(2020, 2, 28), actor="tester")

    assert refusal(2019, day(2020, 12, 31)) == [("year", "2019 is already closed (on 2020-02-28)")]


def test_the_year_is_a_four_digit_year(world: World) -> None:
    assert refusal(219, day(2020, 1, 1)) == [("year", "219 is not a four-digit year")]
