"""cluster-overview on the tiny world (conftest.py): the pool, drawing from it, as-of."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.reports.cluster_overview import cluster_overview

pytestmark = pytest.mark.django_db

MID_2018 = datetime.date(2018, 6, 30)


def test_rows_are_the_spearhead_clusters_whose_pact_covers_the_year(world) -> None:
    # OLD's pact ended in 2016 and NET is an IBN.
    assert [row["cluster"] for row in cluster_overview(year=2018)["rows"]] == ["SIM", "VIL"]


def test_a_cluster_committing_beyond_its_allocation_draws_from_the_pool(world) -> None:
    report = cluster_overview(year=2018)
    vil = report["rows"][1]

    assert vil == {
        "cluster": "VIL",
        "name": "Logistics",
        "allocated_operation": D("500000"),
        "allocated_projects": D("4000000"),
        "committed_operation": D("500000"),
        # V1 4 500 000 + V2 800 000.50 − the release of 200 000 of V0 (a 2017 project)
        "committed_projects": D("5100000.50"),
        "drawn_from_pool": D("1100000.50"),
        # V2, V3 (rejected), V4 (withdrawn), V7, V9 (undecided); V1 was submitted in 2017
        "applications": 5,
        # V1, V2, V7 were decided in 2018
        "approved": 3,
        "approved_support": D("5300000.51"),
        "approved_total_cost": D("7000100"),
        "other_public_funding": D("700000"),
        "other_public_funding_by_instrument": {"EFRO": D("100000"), "H2020": D("600000")},
    }
    assert report["pool"] == {
        "unallocated": D("3000000"),
        "drawn": D("1100000.50"),
        "remaining": D("1899999.50"),
    }


def test_a_cluster_within_its_allocation_draws_nothing_and_has_an_empty_instrument_object(world) -> None:
    sim = cluster_overview(year=2018)["rows"][0]

    assert sim["committed_projects"] == D("1000000") and sim["allocated_projects"] == D("3000000")
    assert sim["drawn_from_pool"] == D("0")
    assert sim["other_public_funding"] == D("0")
    assert sim["other_public_funding_by_instrument"] == {}


def test_totals_add_up_every_row_measure(world) -> None:
    totals = cluster_overview(year=2018)["totals"]

    assert totals == {
        "allocated_operation": D("900000"),
        "allocated_projects": D("7000000"),
        "committed_operation": D("500000"),
        "committed_projects": D("6100000.50"),
        "drawn_from_pool": D("1100000.50"),
        "applications": 6,
        "approved": 4,
        "approved_support": D("6300000.51"),
        "approved_total_cost": D("9000100"),
        "other_public_funding": D("700000"),
        "other_public_funding_by_instrument": {"EFRO": D("100000"), "H2020": D("600000")},
    }
    assert all(isinstance(totals[key], int) for key in ("applications", "approved"))


def test_as_of_mid_year(world) -> None:
    report = cluster_overview(year=2018, as_of=MID_2018)
    sim, vil = report["rows"]

    # SIM's project allocation is decided on 2018-07-01: everything it committed is drawn.
    assert (sim["allocated_projects"], sim["committed_projects"], sim["drawn_from_pool"]) == (
        D("0"),
        D("1000000"),
        D("1000000"),
    )
    assert sim["allocated_operation"] == D("400000")  # undated: always counts
    assert (vil["committed_projects"], vil["drawn_from_pool"]) == (D("4300000"), D("300000"))
    # V9 (2018-12-01) does not exist yet; V2 and V7 are decided later, so only V1 is approved.
    assert (vil["applications"], vil["approved"], vil["approved_support"]) == (4, 1, D("4500000"))
    assert vil["other_public_funding_by_instrument"] == {"EFRO": D("100000")}
    assert report["pool"] == {"unallocated": D("6000000"), "drawn": D("1300000"), "remaining": D("4700000")}
    assert report["figures"] == "provisional"
