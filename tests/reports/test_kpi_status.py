"""kpi-status on the tiny world (conftest.py): sources, ratio edge cases, status, as-of."""

import datetime
from decimal import Decimal as D
from fractions import Fraction

import pytest

from clustermonitor.reports.kpi_status import kpi_status
from tests.factories import KpiFactory, KpiResultFactory, KpiTargetFactory

pytestmark = pytest.mark.django_db

REPORTED_ON = datetime.date(2019, 3, 31)


def target(
    world, cluster: str, kpi: str, value: str, *, direction: str = "up", computed_from: str = ""
) -> None:
    kind = KpiFactory(code=kpi, direction=direction, computed_from=computed_from)
    KpiTargetFactory(cluster=world.clusters[cluster], kpi=kind, year=2018, target=D(value))


def result(world, cluster: str, kpi: str, value: str) -> None:
    kind = KpiFactory(code=kpi)
    KpiResultFactory(
        cluster=world.clusters[cluster], kpi=kind, year=2018, value=D(value), reported_on=REPORTED_ON
    )


def rows_by_kpi(**options) -> dict[str, dict]:
    return {row["kpi"]: row for row in kpi_status(year=2018, **options)["rows"]}


def test_a_computed_kpi_with_a_differing_reported_result_shows_both(world) -> None:
    target(world, "VIL", "APPLICATIONS", "10", computed_from="applications")
    result(world, "VIL", "APPLICATIONS", "5")

    row = rows_by_kpi()["APPLICATIONS"]

    # All channels and statuses submitted in 2018: V2 V3 V4 V5 V6 V7 V9.
    assert row == {
        "cluster": "VIL",
        "kpi": "APPLICATIONS",
        "kind": "output",
        "target": D("10"),
        "value": D("7"),
        "source": "computed",
        "reported_value": D("5"),
        "mismatch": True,
        "ratio": Fraction(7, 10),
        "status": "missed",
    }


def test_a_matching_reported_result_is_no_mismatch(world) -> None:
    target(world, "VIL", "APPLICATIONS", "10", computed_from="applications")
    result(world, "VIL", "APPLICATIONS", "7.00")

    assert rows_by_kpi()["APPLICATIONS"]["mismatch"] is False


def test_computed_approved_projects_and_other_public_funding(world) -> None:
    target(world, "VIL", "APPROVED", "4", computed_from="approved_projects")
    target(world, "VIL", "OTHER", "1000000", computed_from="other_public_funding")
    target(world, "SIM", "OTHER", "100", computed_from="other_public_funding")

    rows = kpi_status(year=2018)["rows"]
    vil = {row["kpi"]: row for row in rows if row["cluster"] == "VIL"}
    sim_other = next(row for row in rows if row["cluster"] == "SIM")

    # V1 V2 V7 (earmarked) and V5 V6 (other) were approved in 2018.
    assert (vil["APPROVED"]["value"], vil["APPROVED"]["status"]) == (D("5"), "met")
    assert (vil["OTHER"]["value"], vil["OTHER"]["ratio"]) == (D("700000"), Fraction(7, 10))
    assert "reported_value" not in vil["OTHER"]
    # A computed KPI always has a value, possibly 0.
    assert (sim_other["value"], sim_other["source"], sim_other["status"]) == (D("0"), "computed", "missed")


@pytest.mark.parametrize(
    ("direction", "target_value", "value", "ratio", "status"),
    [
        ("up", "0", "3", Fraction(1), "met"),  # target 0, up: 1
        ("down", "5", "0", Fraction(1), "met"),  # value 0, down: 1
        ("down", "100", "125", Fraction(4, 5), "partly"),  # down: target / value
        ("up", "50", "49.9975", Fraction(199990, 200000), "partly"),  # prints 1.0000, not met
        ("up", "4", "3", Fraction(3, 4), "partly"),  # exactly 0.75
        ("up", "100", "74.99", Fraction(7499, 10000), "missed"),
    ],
)
def test_ratio_and_status_from_the_exact_quotient(
    world, direction, target_value, value, ratio, status
) -> None:
    target(world, "VIL", "K", target_value, direction=direction)
    result(world, "VIL", "K", value)

    row = rows_by_kpi()["K"]

    assert (row["value"], row["source"], row["ratio"], row["status"]) == (D(value), "reported", ratio, status)


def test_no_result_is_no_data(world) -> None:
    target(world, "VIL", "MEMBERS", "400")

    row = rows_by_kpi()["MEMBERS"]

    assert (row["value"], row["source"], row["ratio"], row["status"]) == (None, None, None, "no_data")


def test_as_of_before_the_progress_report(world) -> None:
    target(world, "VIL", "MEMBERS", "400")
    result(world, "VIL", "MEMBERS", "410")
    target(world, "VIL", "APPLICATIONS", "10", computed_from="applications")
    result(world, "VIL", "APPLICATIONS", "5")

    rows = rows_by_kpi(as_of=datetime.date(2018, 6, 30))

    assert rows["MEMBERS"]["status"] == "no_data"
    # V9 (2018-12-01) is not submitted yet; the reported 5 is not known yet.
    assert rows["APPLICATIONS"]["value"] == D("6")
    assert "reported_value" not in rows["APPLICATIONS"] and "mismatch" not in rows["APPLICATIONS"]


def test_status_counts_per_cluster_with_a_row(world) -> None:
    target(world, "VIL", "MEMBERS", "400")
    target(world, "VIL", "K", "1")
    result(world, "VIL", "K", "2")
    target(world, "SIM", "K", "4")
    result(world, "SIM", "K", "3")
    KpiTargetFactory(cluster=world.clusters["NET"], kpi=KpiFactory(code="K"), year=2019, target=D("1"))

    report = kpi_status(year=2018)

    assert [(row["cluster"], row["kpi"]) for row in report["rows"]] == [
        ("SIM", "K"),
        ("VIL", "K"),
        ("VIL", "MEMBERS"),
    ]
    assert report["clusters"] == [
        {"cluster": "SIM", "met": 0, "partly": 1, "missed": 0, "no_data": 0},
        {"cluster": "VIL", "met": 1, "partly": 0, "missed": 0, "no_data": 1},
    ]
    assert report["figures"] == "definitive"
