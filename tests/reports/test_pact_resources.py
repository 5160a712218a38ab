"""pact-resources on the tiny world (conftest.py): yearly rows over each pact."""

import datetime
from decimal import Decimal as D

import pytest

from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.pact_resources import pact_resources
from tests.factories import BudgetYearFactory, IbnClusterFactory

pytestmark = pytest.mark.django_db


def amounts(op: str, projects: str, committed_op: str, committed_projects: str, paid: str) -> dict:
    return {
        "allocated_operation": D(op),
        "allocated_projects": D(projects),
        "committed_operation": D(committed_op),
        "committed_projects": D(committed_projects),
        "paid": D(paid),
    }


def test_every_spearhead_cluster_by_default_one_row_per_pact_year(world) -> None:
    report = pact_resources()

    assert report["year"] is None and report["figures"] == "provisional"
    assert [c["cluster"] for c in report["clusters"]] == ["OLD", "SIM", "VIL"]
    vil = report["clusters"][2]
    assert (vil["type"], vil["pact_start_year"], vil["pact_end_year"]) == ("spearhead", 2017, 2026)
    assert [row["year"] for row in vil["years"]] == list(range(2017, 2027))


def test_row_figures_definitive_when_closed_planned_without_budget_else_provisional(world) -> None:
    BudgetYearFactory(year=2019)  # open, and no budget row: planned

    vil = pact_resources(cluster="VIL")["clusters"][0]
    by_year = {row["year"]: row for row in vil["years"]}

    assert by_year[2017] == {"year": 2017, **amounts("0", "0", "0", "700000", "0"), "figures": "definitive"}
    # paid: 250 000 operation + 1 000 000 on V1, all envelopes together
    assert by_year[2018] == {
        "year": 2018,
        **amounts("500000", "4000000", "500000", "5100000.50", "1250000"),
        "figures": "definitive",
    }
    assert by_year[2019]["figures"] == "planned"
    assert vil["totals"] == amounts("500000", "4000000", "500000", "5800000.50", "1250000")


def test_for_an_ibn_the_ibn_envelope_is_operation_and_projects_are_zero(world) -> None:
    net = pact_resources(cluster="NET")["clusters"][0]

    assert net["type"] == "ibn"
    assert net["years"][0] == {
        "year": 2018,
        **amounts("150000", "0", "150000", "0", "100000"),
        "figures": "definitive",
    }
    assert [row["figures"] for row in net["years"]] == ["definitive", "planned", "planned"]


def test_as_of_before_the_closing_date(world) -> None:
    net = pact_resources(cluster="NET", as_of=datetime.date(2018, 6, 30))["clusters"][0]

    # The 2019-01-15 payment is not known yet; 2018 is open then, and has a budget.
    assert net["years"][0] == {
        "year": 2018,
        **amounts("150000", "0", "150000", "0", "0"),
        "figures": "provisional",
    }


def test_definitive_only_when_every_row_is(world) -> None:
    IbnClusterFactory(code="DONE", pact_start_year=2017, pact_end_year=2018)

    assert pact_resources(cluster="DONE")["figures"] == "definitive"
    assert pact_resources(cluster="DONE", as_of=datetime.date(2019, 1, 1))["figures"] == "provisional"


def test_an_unknown_cluster_is_an_error(world) -> None:
    with pytest.raises(ReportError, match="unknown cluster: NOPE"):
        pact_resources(cluster="NOPE")
