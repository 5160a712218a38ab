"""The demo reproduces the public totals, read through the product's own reports."""

from decimal import Decimal

import pytest

from clustermonitor.reports.budget_overview import budget_overview
from clustermonitor.reports.cluster_overview import cluster_overview
from clustermonitor.reports.project_generation import project_generation

pytestmark = pytest.mark.django_db

MILLION = Decimal(1_000_000)


def near(value: Decimal, target: Decimal, percent: int) -> bool:
    return abs(value - target) <= target * percent / 100


def envelope(year: int, name: str) -> dict:
    return next(e for e in budget_overview(year=year)["envelopes"] if e["envelope"] == name)


def test_project_budget_is_about_50_million_in_2017_and_80_million_in_2019(demo_db) -> None:
    assert near(envelope(2017, "spearhead_projects")["budget"], 50 * MILLION, 5)
    assert near(envelope(2019, "spearhead_projects")["budget"], 80 * MILLION, 5)


def test_more_than_45_million_earmarked_resources_used_in_2017_and_2018(demo_db) -> None:
    for year in (2017, 2018):
        used = project_generation(year=year)["earmarked_used"]
        assert used > 45 * MILLION
        assert used == envelope(year, "spearhead_projects")["committed"]


def test_213_spearhead_projects_with_about_202_million_up_to_end_2019(demo_db) -> None:
    rows = [row for year in range(2016, 2020) for row in project_generation(year=year)["rows"]]

    assert sum(row["projects"] for row in rows) == 213
    assert near(sum(row["granted_support"] for row in rows), 202 * MILLION, 3)


def test_de_blauwe_cluster_2019_first_year(demo_db) -> None:
    blue = next(row for row in cluster_overview(year=2019)["rows"] if row["cluster"] == "BLUE")

    assert blue["approved"] == 15
    assert near(blue["approved_total_cost"], 24 * MILLION, 2)
    assert near(blue["approved_support"], Decimal("16.8") * MILLION, 2)


def test_years_2016_to_2018_are_definitive_2019_and_2020_provisional(demo_db) -> None:
    figures = {year: budget_overview(year=year)["figures"] for year in range(2016, 2021)}

    assert figures == {
        2016: "definitive",
        2017: "definitive",
        2018: "definitive",
        2019: "provisional",
        2020: "provisional",
    }
