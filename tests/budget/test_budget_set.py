"""Setting an envelope's budget (`budget_set`): never below what is allocated or committed.

World: see `scenario.py` (2020 budgets: operation 1 000 000, projects 1 000 000, ibn 300 000).
"""

from decimal import Decimal

import pytest

from clustermonitor.budget.errors import BudgetRefused
from clustermonitor.budget.models import Budget
from clustermonitor.budget.services import budget_set
from tests.factories import AllocationFactory, BudgetYearFactory

from .scenario import D, World, book


def set_budget(envelope: str, amount: str, year: int = 2020, **more: str) -> Budget:
    return budget_set(year=year, envelope=envelope, amount=Decimal(amount), actor="tester", **more)


def refusal(envelope: str, amount: str, year: int = 2020) -> list[tuple[str, str]]:
    before = list(Budget.objects.values_list("year", "envelope", "amount", "source"))
    with pytest.raises(BudgetRefused) as refused:
        set_budget(envelope, amount, year)
    assert list(Budget.objects.values_list("year", "envelope", "amount", "source")) == before
    return refused.value.problems


def test_a_new_budget_comes_from_the_hermesfonds_unless_told(world: World) -> None:
    budget = set_budget("spearhead_projects", "79600000.00", year=2021)

    assert (budget.year, budget.envelope, budget.amount, budget.source) == (
        2021,
        "spearhead_projects",
        D("79600000.00"),
        "Hermesfonds",
    )
    assert set_budget("ibn", "1.00", year=2021, source="").source == "Hermesfonds"
    assert set_budget("ibn", "1.00", year=2021, source="EFRO").source == "EFRO"


def test_a_budget_is_changed_in_place(world: World) -> None:
    set_budget("ibn", "350000.00")

    assert list(Budget.objects.filter(year=2020, envelope="ibn").values_list("amount", flat=True)) == [
        D("350000.00")
    ]


def test_a_budget_may_drop_to_what_is_allocated_and_committed(world: World) -> None:
    AllocationFactory(cluster=world.vil, envelope="spearhead_operation", amount=D("400000.00"))
    book(amount=D("450000.00"))
    book(kind="decommitment", amount=D("50000.00"))  # net 400 000

    assert set_budget("spearhead_operation", "400000.00").amount == D("400000.00")


def test_a_budget_never_drops_below_its_allocations(world: World) -> None:
    AllocationFactory(cluster=world.vil, envelope="spearhead_operation", amount=D("400000.00"))

    assert refusal("spearhead_operation", "399999.99") == [
        ("amount", "399999.99 is less than the 400000.00 already allocated of spearhead_operation 2020")
    ]


def test_a_budget_never_drops_below_its_net_commitments(world: World) -> None:
    book(amount=D("300000.00"))
    book(kind="payment", amount=D("300000.00"))  # payments do not count, net commitments do

    assert refusal("spearhead_operation", "299999.99") == [
        ("amount", "299999.99 is less than the net commitments (300000.00) on spearhead_operation 2020")
    ]


def test_both_problems_are_reported_at_once(world: World) -> None:
    AllocationFactory(cluster=world.vil, envelope="spearhead_operation", amount=D("400000.00"))
    book(amount=D("300000.00"))

    assert refusal("spearhead_operation", "100.00") == [
        ("amount", "100.00 is less than the 400000.00 already allocated of spearhead_operation 2020"),
        ("amount", "100.00 is less than the net commitments (300000.00) on spearhead_operation 2020"),
    ]


def test_a_closed_years_budget_never_changes(world: World) -> None:
    BudgetYearFactory(year=2019, closed=True)

    assert refusal("ibn", "1.00", year=2019) == [
        (
            "year",
            "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change",
        )
    ]


@pytest.mark.parametrize(
    ("envelope", "amount", "year", "problem"),
    [
        ("ibn", "-0.01", 2020, ("amount", "must not be negative")),
        ("ibn", "0.001", 2020, ("amount", "euros with at most two decimals")),
        ("ibn", "1.00", 99999, ("year", "99999 is not a four-digit year")),
        (
            "all",
            "1.00",
            2020,
            ("envelope", "unknown envelope all: one of spearhead_operation, spearhead_projects, ibn"),
        ),
    ],
)
def test_values(world: World, envelope: str, amount: str, year: int, problem: tuple[str, str]) -> None:
    assert refusal(envelope, amount, year) == [problem]
