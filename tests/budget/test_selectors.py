"""Reads the services rely on: parameters with defaults, and ledger tallies in SQL."""

import pytest

from clustermonitor.budget import selectors
from clustermonitor.domain.ledger import Tally
from clustermonitor.kernel import selectors as kernel_selectors
from tests.factories import AllocationFactory, LedgerEntryFactory, ParameterFactory, SpearheadClusterFactory

from .scenario import D, World, day


@pytest.mark.django_db
def test_parameters_fall_back_to_the_defaults() -> None:
    assert kernel_selectors.parameters() == {
        "ibn_operation_cap": D("150000.00"),
        "operation_support_rate": D("0.50"),
        "spearhead_operation_cap": D("500000.00"),
    }
    assert kernel_selectors.parameter_value("spearhead_operation_cap") == D("500000.00")


@pytest.mark.django_db
def test_a_stored_parameter_wins_over_its_default() -> None:
    ParameterFactory(key="ibn_operation_cap", value=D("175000.000000"))
    ParameterFactory(key="operation_support_rate", value=D("0.375000"))

    assert kernel_selectors.parameter_value("ibn_operation_cap") == D("175000.00")
    assert str(kernel_selectors.parameter_value("ibn_operation_cap")) == "175000.00"
    assert kernel_selectors.parameters()["operation_support_rate"] == D("0.375")
    assert kernel_selectors.parameters()["spearhead_operation_cap"] == D("500000.00")


@pytest.mark.django_db
def test_an_unknown_parameter_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="unknown parameter rate"):
        kernel_selectors.parameter_value("rate")


def test_tallies_are_split_by_kind_and_scope(world: World) -> None:
    sim = SpearheadClusterFactory(code="SIM")
    LedgerEntryFactory(cluster=world.vil, amount=D("300.00"), date=day(2020, 1, 1))
    LedgerEntryFactory(cluster=world.vil, amount=D("50.00"), kind="decommitment", date=day(2020, 2, 1))
    LedgerEntryFactory(cluster=world.vil, amount=D("100.00"), kind="payment", date=day(2020, 3, 1))
    LedgerEntryFactory(cluster=world.vil, amount=D("7.00"), year=2019, date=day(2019, 3, 1))
    LedgerEntryFactory(cluster=sim, amount=D("20.00"), date=day(2020, 1, 1))
    LedgerEntryFactory(project=world.p1, amount=D("1000.00"), date=day(2020, 1, 1))

    assert selectors.envelope_year_tally(year=2020, envelope="spearhead_operation") == Tally(
        D("320.00"), D("50.00"), D("100.00")
    )
    assert selectors.envelope_year_tally(
        year=2020, envelope="spearhead_operation", before=day(2020, 2, 1)
    ) == (Tally(D("320.00"), D("0.00"), D("0.00")))
    assert selectors.operation_year_tally(
        cluster=world.vil, envelope="spearhead_operation", year=2020
    ) == Tally(D("300.00"), D("50.00"), D("100.00"))
    assert selectors.scope_tally(cluster=world.vil, envelope="spearhead_operation", project=None) == Tally(
        D("307.00"), D("50.00"), D("100.00")
    )
    assert selectors.scope_tally(cluster=world.vil, envelope="spearhead_projects", project=world.p1) == Tally(
        D("1000.00"), D("0.00"), D("0.00")
    )
    assert selectors.ledger_total() == Tally(D("1327.00"), D("50.00"), D("100.00"))


def test_allocated_total(world: World) -> None:
    sim = SpearheadClusterFactory(code="SIM")
    AllocationFactory(cluster=world.vil, envelope="spearhead_projects", amount=D("600.00"))
    AllocationFactory(cluster=sim, envelope="spearhead_projects", amount=D("400.50"))

    assert selectors.allocated_total(year=2020, envelope="spearhead_projects") == D("1000.50")
    assert selectors.allocated_total(year=2020, envelope="spearhead_projects", exclude_cluster=sim) == D(
        "600.00"
    )
    assert selectors.allocated_total(year=2021, envelope="spearhead_projects") == D("0.00")
