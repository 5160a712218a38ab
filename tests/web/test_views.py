"""The pages render the data, in Dutch by default and in English on request; the forms
write through the core's services and show every refusal beside its field."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client

from clustermonitor.access.permissions import bound_cluster, role_of
from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project
from tests.web.conftest import client_for, make_users

pytestmark = pytest.mark.django_db


def text(response: object) -> str:
    assert response.status_code == 200, response.status_code  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def test_dashboard_in_dutch_with_flemish_amounts(users: None) -> None:
    page = text(client_for("viewer").get("/years/2018/"))

    assert 'lang="nl"' in page
    assert "Clusterbeleid 2018" in page
    assert "€ 10.000.000,00" in page  # spearhead_projects budget
    assert "definitieve cijfers" in page
    assert "<svg" in page


def test_dashboard_in_english_with_lang(users: None) -> None:
    client = client_for("viewer")
    page = text(client.get("/years/2018/?lang=en"))

    assert 'lang="en"' in page
    assert "Cluster policy 2018" in page
    assert "€10,000,000.00" in page
    assert "definitive figures" in page
    assert 'lang="en"' in text(client.get("/ledger/"))  # the choice sticks


def test_dashboard_leaves_the_long_lists_to_the_reports_it_links(users: None) -> None:
    page = text(client_for("viewer").get("/years/2018/?as_of=2018-06-30"))

    assert 'id="clusters-table-0"' in page and 'id="clusters-table-1"' in page  # clusters, pool
    assert 'id="clusters-table-2"' not in page  # other public funding by instrument
    assert "Andere publieke middelen per instrument, per cluster" in page
    assert 'href="/reports/cluster-overview/?year=2018&amp;as_of=2018-06-30"' in page
    assert 'id="kpi-table-0"' not in page and 'id="kpi-table-1"' in page  # the status per cluster
    assert 'href="/reports/kpi-status/?year=2018&amp;as_of=2018-06-30"' in page


def test_set_language_switches_to_english(users: None) -> None:
    client = client_for("viewer")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert "Cluster policy" in text(client.get("/years/2018/"))


def test_as_of_makes_the_year_provisional(users: None) -> None:
    page = text(client_for("viewer").get("/years/2018/?as_of=2018-06-30"))

    assert "voorlopige cijfers" in page


def test_default_year_is_the_latest_open_one(users: None) -> None:
    BudgetYear.objects.create(year=2019, status="open")

    assert "Clusterbeleid 2019" in text(client_for("viewer").get("/"))


def test_report_csv_is_the_table_as_shown(users: None) -> None:
    response = client_for("viewer").get(
        "/reports/cluster-overview/?year=2018&sort=committed_projects&order=asc&format=csv&table=0"
    )
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("cluster,name,allocated_operation")
    assert [line.split(",")[0] for line in lines[1:]] == ["SIM", "VIL", "total"]


def test_report_page_sorts_descending(users: None) -> None:
    page = text(
        client_for("viewer").get("/reports/cluster-overview/?year=2018&sort=committed_projects&order=desc")
    )
    table = page.split('id="table-0"')[1]

    assert table.index('href="/clusters/VIL/"') < table.index('href="/clusters/SIM/"')


def test_unknown_report_is_404(users: None) -> None:
    assert client_for("viewer").get("/reports/nonsense/").status_code == 404


def test_cluster_page(users: None) -> None:
    page = text(client_for("cluster").get("/clusters/VIL/"))

    assert "Logistics" in page
    assert "/projects/V1/" in page
    assert "H2020" in page  # other public funding by instrument
    assert "2018 (definitief)" in page  # pact timeline


def test_project_page_and_ledger_show_who_booked(users: None) -> None:
    page = text(client_for("analyst").get("/projects/V1/"))

    assert "€ 4.500.000,00" in page
    assert text(client_for("analyst").get("/ledger/?project=V1")).count("/projects/V1/") == 2


def test_booking_an_overspending_commitment_is_refused_beside_the_field(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)
    response = client_for("analyst").post(
        "/ledger/book/",
        {
            "ref": "L-NEW",
            "date": "2018-10-01",
            "year": "2018",
            "kind": "commitment",
            "envelope": "spearhead_projects",
            "cluster": "VIL",
            "project": "V2",
            "amount": "100000.00",
        },
    )
    page = text(response)

    assert 'id="error-amount"' in page
    assert not LedgerEntry.objects.filter(ref="L-NEW").exists()


def test_booking_in_a_closed_year_is_refused(users: None) -> None:
    page = text(
        client_for("analyst").post(
            "/ledger/book/",
            {
                "ref": "L-OLD",
                "date": "2018-10-01",
                "year": "2018",
                "kind": "payment",
                "envelope": "spearhead_operation",
                "cluster": "VIL",
                "amount": "1.00",
            },
        )
    )

    assert 'id="error-year"' in page


def test_a_booking_records_who_booked_it(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)
    response = client_for("analyst").post(
        "/ledger/book/",
        {
            "ref": "L-PAY",
            "date": "2018-12-01",
            "year": "2018",
            "kind": "payment",
            "envelope": "spearhead_projects",
            "cluster": "VIL",
            "project": "V2",
            "amount": "1000.00",
        },
    )

    assert response.status_code == 302
    assert LedgerEntry.objects.get(ref="L-PAY").booked_by == "analyst"
    assert "analyst" in text(client_for("admin").get("/ledger/?project=V2"))


def test_project_application_submitted_then_approved(users: None) -> None:
    cluster = client_for("cluster")
    response = cluster.post(
        "/projects/new/",
        {
            "ref": "V20",
            "cluster": "VIL",
            "title": "Smart pallets",
            "type": "ICON",
            "channel": "earmarked",
            "submitted_on": "2019-02-01",
            "total_cost": "200000",
            "requested_support": "120000",
        },
    )
    assert response.status_code == 302
    refused = text(
        client_for("analyst").post(
            "/projects/V20/decide/",
            {"status": "approved", "decided_on": "2019-03-01", "granted_support": "300000"},
        )
    )
    assert 'id="error-granted_support"' in refused

    response = client_for("analyst").post(
        "/projects/V20/decide/",
        {"status": "approved", "decided_on": "2019-03-01", "granted_support": "100000"},
    )

    assert response.status_code == 302
    project = Project.objects.get(ref="V20")
    assert (project.status, project.granted_support) == ("approved", Decimal("100000.00"))
    history = text(client_for("admin").get("/projects/V20/"))
    assert "approved by analyst" in history
    assert "submitted by cluster" in history


def test_allocation_form_shows_the_remaining_budget(users: None) -> None:
    client = client_for("analyst")
    partial = text(
        client.get(
            "/allocations/new/?year=2018&envelope=spearhead_projects&cluster=VIL",
            headers={"HX-Request": "true"},
        )
    )

    # 10 000 000 budget − 3 000 000 allocated to SIM (VIL's own allocation is the one replaced)
    assert "€ 7.000.000,00" in partial
    assert "<html" not in partial


def test_allocation_refused_in_a_closed_year(users: None) -> None:
    page = text(
        client_for("analyst").post(
            "/allocations/new/",
            {"year": "2018", "cluster": "VIL", "envelope": "spearhead_projects", "amount": "1.00"},
        )
    )

    assert 'role="alert"' in page
    assert (
        Allocation.objects.get(year=2018, cluster__code="VIL", envelope="spearhead_projects").amount
        == 4000000
    )


def test_closing_a_year_is_confirmed_first(users: None) -> None:
    client = client_for("admin")
    asked = client.post("/years/2019/close/", {"closed_on": "2020-03-01"})

    assert asked.status_code == 200
    assert "kan niet ongedaan gemaakt worden" in asked.content.decode()
    assert not BudgetYear.objects.filter(year=2019, status="closed").exists()
    digest = asked.content.decode().split('name="confirmed" value="')[1].split('"')[0]

    response = client.post("/years/2019/close/", {"closed_on": "2020-03-01", "confirmed": digest})

    assert response.status_code == 302
    assert BudgetYear.objects.get(year=2019).status == "closed"


def _zip(files: dict[str, str]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    buffer.seek(0)
    buffer.name = "dataset.zip"
    return buffer


def test_import_upload_dry_run_then_confirm(demo_db: object) -> None:
    make_users("BLUE")
    client = client_for("admin")
    export = client.get("/export/?format=csv")
    with zipfile.ZipFile(io.BytesIO(b"".join(export.streaming_content))) as archive:
        files = {name: archive.read(name).decode() for name in archive.namelist()}
    (line,) = [row for row in files["budgets.csv"].splitlines() if row.startswith("2020,spearhead_projects,")]
    year, envelope, amount, source = line.split(",")
    raised = f"{year},{envelope},{Decimal(amount) + 1},{source}"
    files["budgets.csv"] = files["budgets.csv"].replace(line, raised)
    dry = text(client.post("/import/", {"dataset": _zip(files)}))

    assert "Bevestig de import" in dry
    assert "budgets.csv: bijgewerkt 1" in dry  # the dry-run words in the page's language
    assert Budget.objects.get(year=2020, envelope="spearhead_projects").amount == Decimal(amount)

    done = text(client.post("/import/", {"confirm": "1"}))

    assert "budgets.csv: bijgewerkt 1" in done
    assert Budget.objects.get(year=2020, envelope="spearhead_projects").amount == Decimal(amount) + 1


def test_import_shows_every_error_with_its_place(users: None) -> None:
    broken = {
        "clusters.csv": "code,name,type,domain,recognised_on,pact_start_year,pact_end_year\n"
        "X,Broken,nonsense,,2017-01-01,2017,2016\n"
    }
    page = text(client_for("analyst").post("/import/", {"dataset": _zip(broken)}))

    assert 'id="import-errors-1"' in page
    assert "<caption>clusters.csv: 1 fout</caption>" in page  # grouped per file, counted
    assert '<td class="num">2</td>' in page
    assert "Bevestig" not in page


def test_import_errors_show_twenty_per_file_then_how_many_more(users: None) -> None:
    header = "code,name,type,domain,recognised_on,pact_start_year,pact_end_year\n"
    rows = "".join(f"X{n},Broken,nonsense,,2017-01-01,2017,2018\n" for n in range(25))
    page = text(client_for("analyst").post("/import/", {"dataset": _zip({"clusters.csv": header + rows})}))

    table = page.split('id="import-errors-1"')[1].split("</table>")[0]
    assert "clusters.csv: 25 fouten" in table
    assert table.count("<tr>") == 21  # the header and the first 20
    assert "en nog 5 fouten in clusters.csv" in page


def test_a_stored_row_error_names_the_row_not_line_0(users: None) -> None:
    """A broken cluster puts the stored bookings it had outside any pact: those errors are on
    rows the upload did not contain; they name the stored row, in Dutch, never "line 0"."""
    broken = {
        "clusters.csv": "code,name,type,domain,recognised_on,pact_start_year,pact_end_year\n"
        "X,Broken,nonsense,,2017-01-01,2017,2016\n"
    }
    page = text(client_for("analyst").post("/import/", {"dataset": _zip(broken)}))
    ledger = page.split("<caption>ledger.csv: ")[1].split("</table>")[0]

    assert "<td>opgeslagen rij " in ledger
    assert "<td>0</td>" not in page and '<td class="num">0</td>' not in page
    assert "overschrijden het budget (€ 0,00)" in ledger  # the message in Dutch, amounts as money


def test_adduser_command(world: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERMONITOR_PASSWORD", "a-long-pw-from-env")
    call_command("adduser", "marie", role="cluster", cluster="SIM")
    client = Client()

    assert client.login(request=HttpRequest(), username="marie", password="a-long-pw-from-env")
    from django.contrib.auth.models import User

    marie = User.objects.get(username="marie")
    assert (role_of(marie), bound_cluster(marie)) == ("cluster", "SIM")
    assert client.get("/clusters/SIM/").status_code == 200
    assert client.get("/clusters/VIL/").status_code == 404  # another cluster's record


def test_demousers_prints_one_user_per_role(world: object) -> None:
    out = io.StringIO()
    call_command("demousers", stdout=out)

    for role in ("admin", "analyst", "cluster", "viewer"):
        assert f"role {role}" in out.getvalue()
    assert Client().login(request=HttpRequest(), username="viewer", password="demo-viewer")


def test_budget_form_through_budget_set(users: None) -> None:
    client = client_for("analyst")
    response = client.post(
        "/budgets/new/", {"year": "2019", "envelope": "ibn", "amount": "250000", "source": "X"}
    )

    assert response.status_code == 302
    refused = text(
        client.post("/budgets/new/", {"year": "2018", "envelope": "ibn", "amount": "1", "source": "X"})
    )
    assert 'id="error-year"' in refused or 'id="error-amount"' in refused


def test_cluster_manager_reports_a_kpi_result_for_their_cluster_only(users: None) -> None:
    from tests.factories import KpiFactory

    KpiFactory(code="JOBS")
    client = client_for("cluster")
    response = client.post(
        "/kpis/result/new/",
        {"cluster": "VIL", "kpi": "JOBS", "year": "2019", "value": "12", "reported_on": "2020-02-01"},
    )

    assert response.status_code == 302
    assert (
        client.post(
            "/kpis/result/new/",
            {"cluster": "SIM", "kpi": "JOBS", "year": "2019", "value": "12", "reported_on": "2020-02-01"},
        ).status_code
        == 403
    )
    assert client.get("/kpis/target/new/").status_code == 403
    refused = text(
        client_for("analyst").post(
            "/kpis/target/new/", {"cluster": "VIL", "kpi": "NOPE", "year": "2019", "value": "1"}
        )
    )
    assert 'id="error-kpi"' in refused
