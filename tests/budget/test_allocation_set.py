"""Setting the yearly distribution (`allocation_set`): an upsert within budget, cap and pact.

World: see `scenario.py` (2020 budgets: operation 1 000 000, projects 1 000 000, ibn
300 000; VIL spearhead 2016–2025, BIOPACK IBN 2018–2020).
"""

from decimal import Decimal
from typing import Any

import pytest

from clustermonitor.budget.errors import AllocationRefused
from clustermonitor.budget.models import Allocation
from clustermonitor.budget.services import allocation_set
from tests.factories import BudgetYearFactory, ParameterFactory, SpearheadClusterFactory

from .scenario import D, World, day


def allocate(cluster: str, envelope: str, amount: str, year: int = 2020, **more: Any) -> Allocation:
    return allocation_set(
        year=year, cluster=cluster, envelope=envelope, amount=Decimal(amount), actor="tester", **more
    )


def refusal(cluster: str, envelope: str, amount: str, year: int = 2020) -> list[tuple[str, str]]:
    before = list(Allocation.objects.values_list("year", "cluster__code", "envelope", "amount", "decided_on"))
    with pytest.raises(AllocationRefused) as refused:
        allocate(cluster, envelope, amount, year)
    after = list(Allocation.objects.values_list("year", "cluster__code", "envelope", "amount", "decided_on"))
    assert after == before
    return refused.value.problems


# --- happy paths --------------------------------------------------------------------


def test_an_allocation_is_created(world: World) -> None:
    allocation = allocate("VIL", "spearhead_operation", "400000.00", decided_on=day(2020, 1, 20))

    assert (allocation.year, allocation.cluster, allocation.envelope) == (
        2020,
        world.vil,
        "spearhead_operation",
    )
    assert (allocation.amount, allocation.decided_on) == (D("400000.00"), day(2020, 1, 20))


def test_setting_it_again_replaces_it(world: World) -> None:
    allocate("VIL", "spearhead_operation", "400000.00", decided_on=day(2020, 1, 20))

    allocate("VIL", "spearhead_operation", "450000.00")

    assert list(Allocation.objects.values_list("amount", "decided_on")) == [(D("450000.00"), None)]


def test_allocations_may_use_the_whole_budget(world: World) -> None:
    SpearheadClusterFactory(code="SIM")
    allocate("VIL", "spearhead_projects", "600000.00")
    allocate("SIM", "spearhead_projects", "400000.00")

    allocate("VIL", "spearhead_projects", "599999.99")  # its own old amount is replaced, not added

    assert sorted(Allocation.objects.values_list("cluster__code", "amount")) == [
        ("SIM", D("400000.00")),
        ("VIL", D("599999.99")),
    ]


def test_the_project_envelope_has_no_cap(world: World) -> None:
    allocate("VIL", "spearhead_projects", "900000.00")  # above the operation caps (500,000)

    assert Allocation.objects.get(cluster__code="VIL", envelope="spearhead_projects").amount == D("900000.00")


def test_a_zero_allocation_is_allowed(world: World) -> None:
    assert allocate("VIL", "spearhead_operation", "0.00").amount == D("0.00")


# --- refusals -----------------------------------------------------------------------


def test_allocations_of_an_envelope_stay_within_its_budget(world: World) -> None:
    SpearheadClusterFactory(code="SIM")
    allocate("VIL", "spearhead_projects", "600000.00")
    allocate("SIM", "spearhead_projects", "400000.00")

    assert refusal("VIL", "spearhead_projects", "600000.01") == [
        (
            "amount",
            "the allocations of spearhead_projects 2020 add up to 1000000.01, "
            "more than its budget (1000000.00)",
        )
    ]


@pytest.mark.parametrize(
    ("cluster", "envelope", "amount", "cap"),
    [("VIL", "spearhead_operation", "500000.01", "500000.00"), ("BIOPACK", "ibn", "150000.01", "150000.00")],
)
def test_an_operation_allocation_stays_within_the_cap(
    world: World, cluster: str, envelope: str, amount: str, cap: str
) -> None:
    assert refusal(cluster, envelope, amount) == [
        ("amount", f"{amount} exceeds the yearly operation cap of {cap}")
    ]


def test_the_cap_may_be_a_stored_parameter(world: World) -> None:
    ParameterFactory(key="spearhead_operation_cap", value=D("450000"))

    assert refusal("VIL", "spearhead_operation", "450000.01") == [
        ("amount", "450000.01 exceeds the yearly operation cap of 450000.00")
    ]


def test_the_year_lies_within_the_pact_and_every_problem_is_reported(world: World) -> None:
    assert refusal("BIOPACK", "ibn", "100.00", year=2021) == [
        ("year", "2021 is outside the pact years of BIOPACK (2018–2020)"),
        ("amount", "the allocations of ibn 2021 add up to 100.00, more than its budget (0.00)"),
    ]


def test_the_envelope_fits_the_cluster_type(world: World) -> None:
    assert refusal("VIL", "ibn", "100.00") == [
        ("envelope", "ibn does not fit spearhead cluster VIL (spearhead_operation or spearhead_projects)")
    ]


def test_a_closed_year_is_not_redistributed(world: World) -> None:
    BudgetYearFactory(year=2019, closed=True)

    assert refusal("VIL", "spearhead_operation", "100.00", year=2019) == [
        (
            "year",
            "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change",
        )
    ]


@pytest.mark.parametrize(
    ("cluster", "envelope", "amount", "problem"),
    [
        ("VIL", "spearhead_operation", "-1.00", ("amount", "must not be negative")),
        ("VIL", "spearhead_operation", "1.001", ("amount", "euros with at most two decimals")),
        ("NOPE", "spearhead_operation", "1.00", ("cluster", "unknown cluster NOPE")),
        (
            "VIL",
            "operation",
            "1.00",
            ("envelope", "unknown envelope operation: one of spearhead_operation, spearhead_projects, ibn"),
        ),
    ],
)
def test_values(world: World, cluster: str, envelope: str, amount: str, problem: tuple[str, str]) -> None:
    assert refusal(cluster, envelope, amount) == [problem]
