"""additional-resources on the tiny world (conftest.py): other public funding, IBNs included."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.reports.additional_resources import additional_resources

pytestmark = pytest.mark.django_db


def test_rows_per_cluster_and_instrument_with_totals_and_per_instrument(world) -> None:
    report = additional_resources(year=2018)

    assert report["rows"] == [
        {
            "cluster": "NET",
            "type": "ibn",
            "instrument": "EFRO",
            "projects": 1,
            "total_cost": D("50000"),
            "granted_support": D("20000"),
        },
        {
            "cluster": "VIL",
            "type": "spearhead",
            "instrument": "EFRO",
            "projects": 1,
            "total_cost": D("300000"),
            "granted_support": D("100000"),
        },
        {
            "cluster": "VIL",
            "type": "spearhead",
            "instrument": "H2020",
            "projects": 1,
            "total_cost": D("900000"),
            "granted_support": D("600000"),
        },
    ]
    assert report["totals"] == {"projects": 3, "total_cost": D("1250000"), "granted_support": D("720000")}
    assert report["by_instrument"] == {
        "EFRO": {"projects": 2, "total_cost": D("350000"), "granted_support": D("120000")},
        "H2020": {"projects": 1, "total_cost": D("900000"), "granted_support": D("600000")},
    }


def test_as_of_leaves_out_decisions_after_the_date(world) -> None:
    report = additional_resources(year=2018, as_of=datetime.date(2018, 6, 30))

    assert [(row["cluster"], row["instrument"]) for row in report["rows"]] == [
        ("NET", "EFRO"),
        ("VIL", "EFRO"),
    ]
    assert list(report["by_instrument"]) == ["EFRO"]


def test_a_year_without_approvals_is_empty(world) -> None:
    report = additional_resources(year=2019)

    assert report["rows"] == [] and report["by_instrument"] == {}
    assert report["totals"] == {"projects": 0, "total_cost": D("0"), "granted_support": D("0")}
