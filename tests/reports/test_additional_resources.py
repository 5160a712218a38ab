"""additional-resources on the tiny world (conftest.py): other public funding, IBNs included."""

import datetime
from decimal import Decimal as D

import pytest
from django.utils import translation

from clustermonitor.reports.additional_resources import additional_resources, tables
from clustermonitor.reports.renderers.names import Names
from clustermonitor.reports.tables import is_total_row

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


def test_a_spearhead_clusters_row_is_no_subtotal_in_any_renderer(world) -> None:
    """The cluster type `spearhead` (second column) once made every renderer print a
    spearhead cluster's row bold as a subtotal, and the web sort it to the bottom."""
    rows = tables(additional_resources(year=2018))[0]
    marked = [(row["cluster"], row.get("instrument")) for row in rows.rows if is_total_row(rows, row)]

    assert marked == [("total", None)]
    with translation.override("en"):
        assert Names().text("type", "spearhead") == "spearhead cluster"
        assert Names().text("envelope", "spearhead") == "spearhead clusters"  # budget-overview's subtotal
