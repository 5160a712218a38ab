"""Finding things: `?q=` search on the projects list and the ledger, sorting by column
(only the list's own sort keys: anything else is a 400, never a 500), totals on the
lists, the whole list as xlsx, pagers with page numbers, the cluster filter by name."""

import io
import re
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.projects.models import Project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def refs(html: str) -> list[str]:
    return re.findall(r'<td><a href="/projects/([^/]+)/">', html)


def test_projects_search_by_reference_title_and_cluster_name(clients: dict[str | None, Client]) -> None:
    viewer = clients["viewer"]
    Project.objects.filter(ref="S1").update(title="Slimme sluizen")
    sim_name = Project.objects.get(ref="S1").cluster.name

    assert refs(viewer.get("/projects/?q=sluizen").content.decode()) == ["S1"]
    assert refs(viewer.get("/projects/?q=v2").content.decode()) == ["V2"]
    by_name = refs(viewer.get("/projects/", {"q": sim_name}).content.decode())
    assert by_name == ["S1"]
    assert refs(viewer.get("/projects/?q=nothing-like-this").content.decode()) == []


def test_a_cluster_manager_searches_their_own_cluster_only(clients: dict[str | None, Client]) -> None:
    assert refs(clients["cluster"].get("/projects/?q=S1").content.decode()) == []


def test_ledger_search(clients: dict[str | None, Client]) -> None:
    entry = LedgerEntry.objects.filter(project__ref="V2").first()
    html = clients["viewer"].get("/ledger/?q=V2").content.decode()

    assert f"/history/ledger-entry/{entry.pk}/" in html  # type: ignore[union-attr]
    assert (
        html.count("/history/ledger-entry/")
        == LedgerEntry.objects.filter(project__ref__icontains="V2").count()
    )


def test_sorting_by_column_and_refusing_unknown_keys(clients: dict[str | None, Client]) -> None:
    viewer = clients["viewer"]
    ascending = refs(viewer.get("/projects/?sort=ref&order=asc").content.decode())
    descending = refs(viewer.get("/projects/?sort=ref&order=desc").content.decode())
    by_cost = viewer.get("/projects/?sort=total_cost&order=desc").content.decode()

    assert ascending == sorted(ascending) and descending == ascending[::-1]
    assert refs(by_cost)[0] == "V1"  # 6 000 000, the largest
    assert 'aria-sort="descending"' in by_cost
    for bad in ("sort=password", "sort=ref&order=sideways", "sort=cluster__name"):
        assert viewer.get(f"/projects/?{bad}").status_code == 400, bad
        assert viewer.get(f"/ledger/?{bad}").status_code == 400, bad
    assert viewer.get("/ledger/?sort=amount&order=desc").status_code == 200


def test_totals_on_the_lists(clients: dict[str | None, Client]) -> None:
    html = clients["viewer"].get("/projects/?cluster=VIL&status=approved").content.decode()
    ledger = clients["viewer"].get("/ledger/?year=2018&kind=payment").content.decode()

    granted = sum(
        (p.granted_support for p in Project.objects.filter(cluster__code="VIL", status="approved")),
        start=Decimal(0),
    )
    assert granted == Decimal("6700000.51")
    assert re.search(r'id="sum-granted">€ 6\.700\.000,51<', html)
    assert re.search(r'id="sum-payment">€ 1\.350\.000,00<', ledger)  # 250 000 + 1 000 000 + 100 000


def test_the_whole_list_as_xlsx_in_the_order_shown(clients: dict[str | None, Client]) -> None:
    response = clients["viewer"].get("/projects/?sort=ref&order=desc&cluster=VIL&format=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content), data_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    listed = [row[0] for row in rows[1:-1]]
    assert listed == sorted(Project.objects.filter(cluster__code="VIL").values_list("ref", flat=True))[::-1]
    assert rows[-1][0] in ("total", "totaal")
    ledger = clients["viewer"].get("/ledger/?format=xlsx&year=2018")
    assert (
        load_workbook(io.BytesIO(ledger.content)).worksheets[0].max_row
        == 1 + LedgerEntry.objects.filter(year=2018).count()
    )


def test_pager_with_page_numbers(clients: dict[str | None, Client]) -> None:
    cluster = Project.objects.get(ref="V1").cluster
    kind = Project.objects.get(ref="V1").type
    for n in range(160):
        ProjectFactory(ref=f"P{n:03}", cluster=cluster, type=kind)
    html = clients["viewer"].get("/projects/?page=2&sort=ref").content.decode()

    pager = html.split('class="pager"', 1)[1].split("</nav>", 1)[0]
    numbers = re.findall(r">(\d+)</a>", pager)
    assert numbers == ["1", "2", "3", "4"]
    assert 'aria-current="page" class="current">2<' in pager
    assert "sort=ref" in pager  # the pager keeps the sort and the filters


def test_the_cluster_filter_is_a_choice_of_names(clients: dict[str | None, Client]) -> None:
    for url in ("/projects/", "/ledger/"):
        html = clients["viewer"].get(url).content.decode()
        select = html.split('id="f-cluster"', 1)[1].split("</select>", 1)[0]
        assert "<option" in select and "VIL — " in select, url


def test_a_drill_down_list_as_xlsx_adds_up_to_the_figure(clients: dict[str | None, Client]) -> None:
    url = "/drill/ledger/?year=2018&cluster=VIL&envelope=spearhead_projects&measure=committed"
    page = clients["viewer"].get(url).content.decode()
    total = re.search(r'id="drill-total" data-value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = clients["viewer"].get(url + "&format=xlsx")

    sheet = load_workbook(io.BytesIO(response.content), data_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    amount = 6  # the amount column, signed as the figure counts it
    detail = sum((Decimal(str(row[amount])) for row in rows[1:-1]), start=Decimal(0))
    assert detail == Decimal(total) == Decimal("5100000.50")
    assert rows[-1][0] in ("total", "totaal")
    assert 'href="?' in page and "format=xlsx" in page
