"""project-generation on the tiny world (conftest.py): per type, per cluster, money used."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.reports.project_generation import project_generation

pytestmark = pytest.mark.django_db


def test_rows_per_cluster_and_type_in_code_point_order_with_half_up_average(world) -> None:
    rows = project_generation(year=2018)["rows"]

    assert [(row["cluster"], row["type"]) for row in rows] == [
        ("SIM", "ICON"),
        ("VIL", "ICON"),
        ("VIL", "cSBO"),
    ]
    vil_icon = rows[1]
    # V1 4 500 000 and V7 0.01: 4 500 000.01 / 2 = 2 250 000.005, half-up to .01
    assert vil_icon == {
        "cluster": "VIL",
        "type": "ICON",
        "projects": 2,
        "granted_support": D("4500000.01"),
        "total_cost": D("6000100"),
        "average_support": D("2250000.01"),
    }


def test_clusters_include_one_outside_its_pact_with_commitments_and_earmarked_used(world) -> None:
    report = project_generation(year=2018)

    # OLD's pact ended in 2016, but a release of its 2016 commitment is booked on 2018.
    assert report["clusters"] == [
        {"cluster": "OLD", "projects": 0, "granted_support": D("0"), "committed_projects": D("-50000")},
        {
            "cluster": "SIM",
            "projects": 1,
            "granted_support": D("1000000"),
            "committed_projects": D("1000000"),
        },
        {
            "cluster": "VIL",
            "projects": 3,
            "granted_support": D("5300000.51"),
            "committed_projects": D("5100000.50"),
        },
    ]
    assert report["earmarked_used"] == D("6050000.50")


def test_as_of_mid_year(world) -> None:
    report = project_generation(year=2018, as_of=datetime.date(2018, 6, 30))

    assert [(row["cluster"], row["type"], row["projects"]) for row in report["rows"]] == [
        ("SIM", "ICON", 1),
        ("VIL", "ICON", 1),
    ]
    assert report["earmarked_used"] == D("5250000")
