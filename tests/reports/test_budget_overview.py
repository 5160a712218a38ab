"""budget-overview on the tiny world (conftest.py), every figure computed by hand."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.reports.budget_overview import budget_overview

pytestmark = pytest.mark.django_db


def measures(
    budget: str, allocated: str, unallocated: str, committed: str, paid: str, available: str
) -> dict:
    return {
        "budget": D(budget),
        "allocated": D(allocated),
        "unallocated": D(unallocated),
        "committed": D(committed),
        "paid": D(paid),
        "available": D(available),
    }


def test_every_envelope_with_a_decommitment_of_earlier_years_lowering_committed(world) -> None:
    report = budget_overview(year=2018)

    assert report["report"] == "budget-overview"
    assert (report["year"], report["as_of"], report["figures"]) == (2018, None, "definitive")
    assert [row["envelope"] for row in report["envelopes"]] == [
        "spearhead_operation",
        "spearhead_projects",
        "ibn",
    ]
    operation, projects, ibn = (
        {k: v for k, v in row.items() if k != "envelope"} for row in report["envelopes"]
    )
    assert operation == measures("1000000", "900000", "100000", "500000", "250000", "500000")
    # 4 500 000 + 800 000.50 + 1 000 000 committed, 200 000 (V0, of 2017) and 50 000 (O1, of
    # 2016) released on 2018.
    assert projects == measures("10000000", "7000000", "3000000", "6050000.50", "1000000", "3949999.50")
    # The payment dated 2019-01-15 is booked on 2018: it counts in 2018.
    assert ibn == measures("200000", "150000", "50000", "150000", "100000", "50000")
    assert report["spearhead"] == measures(
        "11000000", "7900000", "3100000", "6550000.50", "1250000", "4449999.50"
    )
    assert report["ibn"] == ibn
    assert report["total"] == measures(
        "11200000", "8050000", "3150000", "6700000.50", "1350000", "4499999.50"
    )


def test_as_of_mid_year_leaves_out_later_bookings_and_allocations_but_keeps_undated_ones(world) -> None:
    report = budget_overview(year=2018, as_of=datetime.date(2018, 6, 30))

    operation, projects, ibn = (
        {k: v for k, v in row.items() if k != "envelope"} for row in report["envelopes"]
    )
    assert report["figures"] == "provisional"
    # SIM's undated operation allocation counts; its projects allocation of 2018-07-01 not yet.
    assert operation == measures("1000000", "900000", "100000", "500000", "250000", "500000")
    assert projects == measures("10000000", "4000000", "6000000", "5250000", "0", "4750000")
    assert ibn == measures("200000", "150000", "50000", "150000", "0", "50000")


@pytest.mark.parametrize(("as_of", "figures"), [("2019-03-03", "provisional"), ("2019-03-04", "definitive")])
def test_a_year_is_definitive_from_its_closing_date_on(world, as_of: str, figures: str) -> None:
    assert budget_overview(year=2018, as_of=datetime.date.fromisoformat(as_of))["figures"] == figures


def test_a_year_without_budget_rows_can_have_negative_available(world) -> None:
    report = budget_overview(year=2017)

    projects = report["envelopes"][1]
    assert projects["budget"] == D("0") and projects["committed"] == D("700000")
    assert projects["available"] == D("-700000")
    assert report["total"]["available"] == D("-700000")


def test_an_empty_year_lists_all_three_envelopes_with_zeros(db) -> None:
    report = budget_overview(year=2031)

    assert report["figures"] == "provisional"
    assert [row["envelope"] for row in report["envelopes"]] == [
        "spearhead_operation",
        "spearhead_projects",
        "ibn",
    ]
    assert all(value == 0 for row in report["envelopes"] for key, value in row.items() if key != "envelope")
