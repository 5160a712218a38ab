"""Record pages: the cluster's KPI chart, each record's history (who, when, what), the
audit of dataset imports, and the projects list (filtered, paginated, scoped)."""

import hashlib
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from clustermonitor.budget.models import Allocation
from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project
from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.names import kpi_figure
from clustermonitor.web.models import DatasetImport
from tests.factories import KpiFactory, KpiResultFactory, KpiTargetFactory, ProjectFactory
from tests.web.conftest import client_for, make_users

pytestmark = pytest.mark.django_db


def text(response: object) -> str:
    assert response.status_code == 200, response.status_code  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def test_cluster_page_charts_each_kpi_target_vs_value_per_year(users: None) -> None:
    vil = Cluster.objects.get(code="VIL")
    jobs = KpiFactory(code="JOBS", name="Jobs created")
    for year, target in ((2018, "10"), (2019, "20")):
        KpiTargetFactory(cluster=vil, kpi=jobs, year=year, target=Decimal(target))
    KpiResultFactory(cluster=vil, kpi=jobs, year=2018, value=Decimal("12"))
    page = text(client_for("cluster").get("/clusters/VIL/"))
    chart = page.split('id="kpi-chart-jobs"')[1].split("</svg>")[0]

    assert 'role="img"' in page.split('id="kpi-chart-jobs"')[0].rsplit("<svg", 1)[1]
    assert "JOBS (Jobs created)" in chart  # the chart's <title>
    assert chart.count("<rect") == 3  # 2018 target and value, 2019 target (no value yet)
    assert "2018, waarde: 12" in chart and "12,00" not in chart  # a whole value without decimals
    assert 'id="kpi-table"' in page  # the table stays beside the chart


def test_cluster_page_kpis_are_the_kpi_status_reports_figures(users: None) -> None:
    """A KPI computed from the projects has its computed value (not "no data"), and a KPI
    whose lower value is better is met below its target: the report's status, not a share."""
    vil = Cluster.objects.get(code="VIL")
    approved = KpiFactory(code="APPROVED", computed_from="approved_projects")
    co2 = KpiFactory(code="CO2", direction="down")
    KpiTargetFactory(cluster=vil, kpi=approved, year=2018, target=Decimal("1"))
    KpiTargetFactory(cluster=vil, kpi=co2, year=2018, target=Decimal("50"))
    KpiResultFactory(cluster=vil, kpi=co2, year=2018, value=Decimal("40"))
    report = report_build("kpi-status", year=2018)
    expected = {r["kpi"]: r for r in report["rows"] if r["cluster"] == "VIL"}

    page = text(client_for("cluster").get("/clusters/VIL/"))
    table = page.split('id="kpi-table"')[1].split("</table>")[0]
    rows = {row.split("<td>")[1].split(" ")[0]: row for row in table.split("<tr>")[2:]}

    computed = expected["APPROVED"]["value"]
    # a count in its unit: no decimals, no euro (issue 14.1)
    shown = kpi_figure(computed, "count", "nl")
    assert "," not in shown and f'<td class="num">{shown} <small>(berekend)</small>' in rows["APPROVED"]
    assert "€" not in rows["APPROVED"]
    assert "geen gegevens" not in rows["APPROVED"]
    assert (
        expected["CO2"]["status"] == "met" and "gehaald" in rows["CO2"] and "niet gehaald" not in rows["CO2"]
    )


def test_cluster_history_shows_who_changed_what(users: None) -> None:
    vil = Cluster.objects.get(code="VIL")
    vil.name = "Flanders Logistics"
    vil.save()
    page = text(client_for("cluster").get("/clusters/VIL/"))
    assert f'href="/history/cluster/{vil.pk}/"' in page

    history = text(client_for("cluster").get(f"/history/cluster/{vil.pk}/"))

    assert "Flanders Logistics" in history
    assert "→ Flanders Logistics" in history  # old → new, field by field


def test_record_history_is_permission_checked_like_the_record(users: None) -> None:
    sim = Cluster.objects.get(code="SIM")
    allocation = Allocation.objects.filter(cluster=sim).first()
    assert allocation is not None

    # a record the cluster manager may not see is answered as one that does not exist
    assert client_for("cluster").get(f"/history/cluster/{sim.pk}/").status_code == 404
    assert client_for("cluster").get(f"/history/allocation/{allocation.pk}/").status_code == 404
    assert client_for("viewer").get(f"/history/allocation/{allocation.pk}/").status_code == 200
    assert client_for("cluster").get("/history/budget-year/2018/").status_code == 404
    assert client_for("viewer").get("/history/budget-year/2018/").status_code == 200
    assert client_for("viewer").get("/history/nonsense/1/").status_code == 404
    assert client_for("viewer").get("/history/project/999999/").status_code == 404


def test_a_booking_has_a_history_linked_from_the_ledger(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)
    client = client_for("analyst")
    client.post(
        "/ledger/book/",
        {
            "ref": "L-HIST",
            "date": "2018-12-01",
            "year": "2018",
            "kind": "payment",
            "envelope": "spearhead_projects",
            "cluster": "VIL",
            "project": "V2",
            "amount": "10.00",
        },
    )
    from clustermonitor.budget.models import LedgerEntry

    entry = LedgerEntry.objects.get(ref="L-HIST")
    assert f'href="/history/ledger-entry/{entry.pk}/"' in text(client.get("/ledger/?project=V2"))

    history = text(client_for("cluster").get(f"/history/ledger-entry/{entry.pk}/"))

    assert "analyst" in history
    assert "bedrag: € 10,00" in history
    # the record by what it is, in the page's language (issue 14.2)
    assert "vereffening VIL 2018 projectbudget speerpuntclusters € 10,00" in history
    assert "object (" not in history


def _raised_budget(folder: Path) -> dict[str, str]:
    """The demo dataset's files, one budget raised by 1 (an import updates one row)."""
    files = {path.name: path.read_text() for path in folder.glob("*.csv")}
    line = next(
        row for row in files["budgets.csv"].splitlines() if row.startswith("2020,spearhead_projects,")
    )
    year, envelope, amount, source = line.split(",")
    files["budgets.csv"] = files["budgets.csv"].replace(
        line, f"{year},{envelope},{Decimal(amount) + 1},{source}"
    )
    return files


def test_a_confirmed_web_import_is_recorded_with_its_file(demo_db: object, demo_dir: Path) -> None:
    make_users("BLUE")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in _raised_budget(demo_dir).items():
            archive.writestr(name, content)
    data = buffer.getvalue()
    buffer.seek(0)
    buffer.name = "budgets-raised.zip"
    client = client_for("analyst")
    assert "Bevestig" in text(client.post("/import/", {"dataset": buffer}))
    assert not DatasetImport.objects.exists()  # a dry run records nothing

    text(client.post("/import/", {"confirm": "1"}))

    (record,) = DatasetImport.objects.all()
    assert (record.imported_by, record.channel, record.file_name) == ("analyst", "web", "budgets-raised.zip")
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.counts == {"budgets.csv": {"updated": 1}}
    page = text(client_for("viewer").get("/history/"))
    assert "budgets-raised.zip" in page
    assert "budgets.csv: bijgewerkt 1" in page


def test_the_import_command_records_its_import(demo_db: object, demo_dir: Path, tmp_path: Path) -> None:
    for name, content in _raised_budget(demo_dir).items():
        (tmp_path / name).write_text(content)
    call_command("import", str(tmp_path), "--dry-run", "--quiet", stdout=io.StringIO())
    assert not DatasetImport.objects.exists()

    call_command("import", str(tmp_path), "--quiet", stdout=io.StringIO())

    (record,) = DatasetImport.objects.all()
    assert (record.channel, record.file_name, len(record.sha256)) == ("cli", str(tmp_path), 64)
    assert record.counts == {"budgets.csv": {"updated": 1}}


def test_projects_list_filters_and_scopes(users: None) -> None:
    page = text(client_for("viewer").get("/projects/?year=2018&cluster=VIL&status=approved&type=ICON"))
    rows = page.split('id="projects"')[1].split("</table>")[0]

    assert "/projects/V7/" in rows
    assert "/projects/V1/" not in rows  # submitted in 2017
    assert "/projects/V2/" not in rows  # cSBO
    assert "/projects/S1/" not in rows

    mine = text(client_for("cluster").get("/projects/?cluster=SIM"))
    assert "/projects/S1/" not in mine  # a cluster manager sees their own cluster's only
    assert "/projects/V1/" in text(client_for("cluster").get("/projects/"))
    assert 'href="/projects/"' in mine  # in the header


def test_projects_list_is_paginated_by_50(users: None) -> None:
    vil, v1 = Cluster.objects.get(code="VIL"), Project.objects.get(ref="V1")
    Project.objects.bulk_create(
        [
            Project(
                ref=f"P{i:03}",
                cluster=vil,
                title="Bulk",
                type=v1.type,
                channel=v1.channel,
                instrument=v1.instrument,
                submitted_on=v1.submitted_on,
                status="submitted",
                total_cost=1,
                requested_support=1,
            )
            for i in range(60)
        ]
    )
    first = text(client_for("analyst").get("/projects/?status=submitted"))
    second = text(client_for("analyst").get("/projects/?status=submitted&page=2"))

    assert first.split('id="projects"')[1].count('<tr><td><a href="/projects/') == 50
    assert "status=submitted&amp;page=2" in first
    assert second.split('id="projects"')[1].count('<tr><td><a href="/projects/') == 61 - 50


def test_cluster_page_other_public_funding_as_of_leaves_out_later_decisions(users: None) -> None:
    """Under ?as_of= an approval decided after that date has not happened yet: the page's
    "other public funding" counts only what additional-resources counts on that date."""
    vil = Cluster.objects.get(code="VIL")
    for ref, decided_on, granted in (
        ("OTH1", date(2018, 3, 1), "100000.00"),
        ("OTH2", date(2018, 9, 1), "7000.00"),
    ):
        ProjectFactory(
            ref=ref,
            cluster=vil,
            channel="other",
            instrument="VLAIO-RD",
            submitted_on=date(2018, 1, 10),
            decided_on=decided_on,
            granted_support=Decimal(granted),
            total_cost=Decimal("300000.00"),
        )

    def other_funding(url: str) -> str:
        page = text(client_for("cluster").get(url))
        return page.split('id="other-funding"')[1].split("</table>")[0]

    now, then = other_funding("/clusters/VIL/"), other_funding("/clusters/VIL/?as_of=2018-06-30")
    assert "€ 107.000,00" in now
    assert "€ 100.000,00" in then and "€ 107.000,00" not in then
    assert '<td class="num">1</td>' in then  # one project, not two
