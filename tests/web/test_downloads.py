"""A report page's downloads: the report as xlsx, pdf and html (the CLI's renderers), and
each table as shown as CSV, with text that a spreadsheet would run as a formula neutralised."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from clustermonitor.clusters.models import Cluster
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db


def test_report_page_links_its_documents(users: None) -> None:
    page = client_for("viewer").get("/reports/budget-overview/?year=2018&as_of=2018-06-30").content.decode()
    links = page.split('id="downloads"')[1].split("</p>")[0]

    for kind in ("xlsx", "pdf", "html"):
        assert f"year=2018&amp;as_of=2018-06-30&amp;format={kind}" in links


def test_xlsx_download_opens_with_openpyxl(users: None) -> None:
    response = client_for("viewer").get("/reports/budget-overview/?year=2018&format=xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="budget-overview-2018.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "toelichting" in book.sheetnames  # the page's language: Dutch by default
    assert [c.value for c in book.worksheets[0][1]][:3] == ["enveloppe", "budget", "toegewezen"]
    amounts = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert Decimal("10000000") in [Decimal(str(v)) for v in amounts if isinstance(v, int | float)]


def test_pdf_download(users: None) -> None:
    response = client_for("cluster").get("/reports/pact-resources/?cluster=VIL&format=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pact-resources-VIL-pact.pdf"'
    assert response.content.startswith(b"%PDF")


def test_html_download_is_the_clis_document(users: None) -> None:
    response = client_for("viewer").get("/reports/kpi-status/?year=2018&as_of=2018-06-30&format=html")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert 'filename="kpi-status-2018-as-of-2018-06-30.html"' in response["Content-Disposition"]
    assert response.content.decode().lstrip().lower().startswith("<!doctype html>")


def test_csv_download_neutralises_formulas_and_keeps_amounts_numbers(users: None) -> None:
    Cluster.objects.filter(code="VIL").update(name='=HYPERLINK("http://evil","x")')
    Cluster.objects.filter(code="SIM").update(name="@SUM(A1)")
    response = client_for("viewer").get("/reports/cluster-overview/?year=2018&format=csv&table=0")
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode()))}

    assert rows["VIL"][1] == '\'=HYPERLINK("http://evil","x")'
    assert rows["SIM"][1] == "'@SUM(A1)"
    assert rows["VIL"][2] == "500000.00"  # allocated_operation: a number, as is
