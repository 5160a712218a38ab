"""The demo exercises every report and rule meaningfully (and says what is synthetic)."""

from collections import Counter
from datetime import date

import pytest
from django.db.models import F, OuterRef, Subquery

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets.check import data_check
from clustermonitor.demo import facts
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import KpiResult
from clustermonitor.projects.models import Project
from clustermonitor.reports.additional_resources import additional_resources
from clustermonitor.reports.cluster_overview import cluster_overview
from clustermonitor.reports.kpi_status import kpi_status
from clustermonitor.reports.pact_resources import pact_resources

pytestmark = pytest.mark.django_db

YEARS = range(2016, 2021)


def test_the_real_spearhead_clusters_with_their_pact_years(demo_db) -> None:
    spearheads = dict(Cluster.objects.filter(type="spearhead").values_list("code", "pact_start_year"))

    assert spearheads == {
        "BLUE": 2018,
        "CATALISTI": 2017,
        "FLUX50": 2017,
        "FOOD": 2018,
        "SIM": 2017,
        "VIL": 2017,
    }
    assert Cluster.objects.filter(type="ibn").count() == 20  # 14 (first call) + 6 (second call)
    assert Cluster.objects.filter(type="ibn", name__in=["IoT4Society", "IoT Value Chain"]).count() == 2


def test_some_clusters_draw_from_the_common_pool_which_covers_them(demo_db) -> None:
    for year in range(2017, 2021):
        report = cluster_overview(year=year)
        drawing = [row for row in report["rows"] if row["committed_projects"] > row["allocated_projects"]]
        assert drawing, year
        assert all(row["drawn_from_pool"] > 0 for row in drawing)
        assert report["pool"]["drawn"] > 0
        assert report["pool"]["remaining"] >= 0


def test_rejected_withdrawn_and_pending_applications(demo_db) -> None:
    statuses = Counter(Project.objects.values_list("channel", "status"))
    assert {s for (_, s) in statuses} == {"approved", "rejected", "withdrawn", "submitted"}
    assert statuses[("earmarked", "rejected")] > 0
    assert statuses[("earmarked", "withdrawn")] > 0
    withdrawn = Project.objects.filter(status="withdrawn")
    assert withdrawn.filter(decided_on__isnull=True).exists()
    assert withdrawn.filter(decided_on__isnull=False).exists()


def test_projects_decided_the_year_after_submission(demo_db) -> None:
    late = Project.objects.filter(decided_on__year__gt=F("submitted_on__year"), channel="earmarked")

    assert late.filter(status="approved").exists()
    # Flanders' FOOD's 18 applications of 2 November 2017 were decided in 2018.
    food = Project.objects.filter(cluster__code="FOOD", submitted_on=date(2017, 11, 2))
    assert food.count() == 18
    assert not food.filter(decided_on__year=2017).exists()


def test_decommitments_including_releases_of_an_earlier_years_commitment(demo_db) -> None:
    committed_year = LedgerEntry.objects.filter(project=OuterRef("project"), kind="commitment").values(
        "year"
    )[:1]
    releases = LedgerEntry.objects.filter(kind="decommitment", envelope="spearhead_projects").annotate(
        committed_year=Subquery(committed_year)
    )

    assert releases.filter(year__gt=F("committed_year")).exists()
    # an IBN's last operating grant released on the year after its pact ended
    assert LedgerEntry.objects.filter(
        kind="decommitment", envelope="ibn", year__gt=F("cluster__pact_end_year")
    ).exists()
    assert Counter(LedgerEntry.objects.values_list("kind", flat=True)).keys() == {
        "commitment",
        "decommitment",
        "payment",
    }


def test_other_public_funding_from_every_instrument(demo_db) -> None:
    instruments = {code for year in YEARS for code in additional_resources(year=year)["by_instrument"]}

    assert instruments == set(facts.INSTRUMENT_TYPES)
    assert all(len(additional_resources(year=year)["by_instrument"]) >= 5 for year in range(2017, 2020))


def test_kpis_met_partly_missed_and_without_data(demo_db) -> None:
    rows = [row for year in YEARS for row in kpi_status(year=year)["rows"]]

    assert {row["status"] for row in rows} == {"met", "partly", "missed", "no_data"}
    computed = [row for row in rows if row["source"] == "computed"]
    assert {row["kpi"] for row in computed} == {"CPI3", "DEMO-APPL", "DEMO-OPF"}
    assert any(row.get("mismatch") is True for row in computed)
    assert any(row.get("mismatch") is False for row in computed)


def test_de_blauwe_cluster_reported_its_real_2019_figures(demo_db) -> None:
    real = KpiResult.objects.filter(cluster__code="BLUE", year=2019, kpi__code__in=["C-4", "C-5bis"])

    assert sorted(real.values_list("kpi__code", "value")) == [("C-4", 27), ("C-5bis", 40)]
    assert all(facts.BLUE_NEWS in source for source in real.values_list("source", flat=True))


def test_pact_resources_show_closed_provisional_and_planned_years(demo_db) -> None:
    vil = pact_resources(cluster="VIL")["clusters"][0]

    assert [row["year"] for row in vil["years"]] == list(range(2017, 2027))
    assert {row["figures"] for row in vil["years"]} == {"definitive", "provisional", "planned"}


def test_check_finds_no_breach_and_the_expected_warnings(demo_db) -> None:
    lines = [str(line) for line in data_check(today=facts.DATA_CUTOFF)]

    assert not [line for line in lines if line.startswith("ERROR")]
    cofinancing = [line for line in lines if line.startswith("WARNING cofinancing.csv")]
    assert len(cofinancing) == 3
    assert any("has no commitment" in line for line in lines)
    assert any("has no result" in line for line in lines)


def test_closed_years_have_no_entries_after_closing(demo_db) -> None:
    for year in BudgetYear.objects.filter(status="closed"):
        assert not LedgerEntry.objects.filter(year=year.year, date__gt=year.closed_on).exists()
    assert list(BudgetYear.objects.values_list("year", "status")) == [
        (2016, "closed"),
        (2017, "closed"),
        (2018, "closed"),
        (2019, "open"),
        (2020, "open"),
    ]


def test_synthetic_data_says_so(demo_db) -> None:
    assert not Project.objects.exclude(title__endswith="(synthetic)").exists()
    assert not LedgerEntry.objects.exclude(note__startswith="Synthetic: ").exists()
    sources = set(KpiResult.objects.values_list("source", flat=True))
    assert all(s.startswith("Synthetic: ") or facts.BLUE_NEWS in s for s in sources)
    invented_ibns = Cluster.objects.filter(type="ibn").exclude(name__in=["IoT4Society", "IoT Value Chain"])
    assert all(name.endswith("(synthetic IBN)") for name in invented_ibns.values_list("name", flat=True))
