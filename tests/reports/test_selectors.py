"""The shared selectors: exact sums, the latest year, as-of cut-offs."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.reports import selectors
from tests.factories import BudgetFactory, KpiTargetFactory, LedgerEntryFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_amount_sums_are_exact_to_the_cent() -> None:
    # Binary floats cannot hold 0.10 exactly: summed as floats, many of them drift.
    for _ in range(1000):
        LedgerEntryFactory(amount=D("0.10"))
    LedgerEntryFactory(amount=D("9999999999999.99"))

    total = LedgerEntry.objects.aggregate(total=selectors.AmountSum("amount"))["total"]

    assert total == D("10000000000099.99")
    assert str(total) == "10000000000099.99"


def test_an_empty_sum_is_none() -> None:
    assert LedgerEntry.objects.aggregate(total=selectors.AmountSum("amount"))["total"] is None


def test_latest_year_is_none_without_data_else_the_latest_year_with_any() -> None:
    assert selectors.latest_year() is None
    BudgetFactory(year=2019)
    assert selectors.latest_year() == 2019
    KpiTargetFactory(year=2021)
    ProjectFactory(submitted_on=datetime.date(2020, 5, 1), decided_on=datetime.date(2020, 6, 1))
    assert selectors.latest_year() == 2021


def test_a_project_decided_after_the_date_is_not_yet_approved(world) -> None:
    approved = selectors.projects_approved_in(year=2018, as_of=datetime.date(2018, 8, 31))

    assert sorted(approved.values_list("ref", flat=True)) == ["N1", "S1", "V1", "V5"]


def test_projects_submitted_after_the_date_do_not_exist(world) -> None:
    submitted = selectors.projects_submitted_in(year=2018, as_of=datetime.date(2018, 3, 1))

    assert sorted(submitted.values_list("ref", flat=True)) == ["N1", "S1", "V2", "V5", "V6", "V7"]


def test_closed_years_as_of_a_date(world) -> None:
    assert selectors.closed_years(as_of=None) == {2017, 2018}
    assert selectors.closed_years(as_of=datetime.date(2018, 3, 1)) == {2017}
    assert selectors.closed_years(as_of=datetime.date(2018, 2, 28)) == set()


def test_status_as_of_a_date(world) -> None:
    late_withdrawal = ProjectFactory(
        ref="W1",
        submitted_on=datetime.date(2018, 2, 1),
        status="withdrawn",
        decided_on=datetime.date(2018, 9, 1),
        granted_support=None,
    )
    on = {
        p.ref: (p.status_on, p.granted_on)
        for p in selectors.projects_as_of(as_of=datetime.date(2018, 6, 30)).filter(
            ref__in=["V1", "V2", "V3", "V4", "V9", late_withdrawal.ref]
        )
    }

    assert on == {
        "V1": ("approved", D("4500000")),
        "V2": ("submitted", None),  # approved on 2018-09-01
        "V3": ("rejected", None),
        "V4": ("withdrawn", None),  # withdrawn without a date
        "W1": ("submitted", None),  # withdrawn on 2018-09-01
    }  # V9 was submitted on 2018-12-01: it does not exist yet
    stored = {p.ref: p.status_on for p in selectors.projects_as_of(as_of=None).filter(ref__in=["V2", "W1"])}
    assert stored == {"V2": "approved", "W1": "withdrawn"}
