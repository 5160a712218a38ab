"""Issue 14 points 1-4 and 11 in a real headless Chromium: KPI figures in their unit with
the KPI named, names instead of codes, the history naming its records, import errors per
file, and downloads in the language of the page they were asked from (also after
`?lang=en`), read back from the files. Screenshots at 1440 and 390 px, Dutch and English,
go to test-artifacts/ (w14a-*.png); at both widths no sideways scroll and no axe-core
violation (tests/web/browsing.py)."""

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from clustermonitor.budget.models import Budget
from clustermonitor.budget.services import budget_set
from clustermonitor.kernel.models import BudgetYear
from tests.web.browsing import ARTIFACTS, at_both_widths, log_in, require_browser, screens

require_browser()
pytestmark = pytest.mark.slow


def download(page: Any, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_kpis_in_their_unit_and_names_on_the_report_page(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "analyst")
    screens(tab, f"{demo_site}/reports/kpi-status/?year=2019", "w14a-kpi-status")
    rows = tab.locator("#table-0 tbody tr")
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    members = [t for t in texts if "C-1 Aantal actieve clusterleden" in t]

    assert members, texts[:3]
    assert all("€" not in t for t in members)  # a count, not euros
    assert any(" %" in t for t in texts if "C-5bis" in t)
    screens(tab, f"{demo_site}/reports/additional-resources/?year=2019", "w14a-additional-resources")
    body = tab.locator("main").inner_text()
    assert "RD_REGULAR" not in body and "reguliere O&O-projecten" in body


def test_downloads_follow_the_pages_language(tab: Any, demo_site: str, tmp_path: Path) -> None:
    log_in(tab, demo_site, "viewer")
    tab.goto(f"{demo_site}/reports/budget-overview/?year=2019")
    dutch = load_workbook(io.BytesIO(download(tab, "a[href$='format=xlsx']")), data_only=True)
    sheet = dutch.worksheets[0]

    assert dutch.sheetnames[-1] == "toelichting"
    assert sheet["A1"].value == "enveloppe"
    assert "totaal" in [row[0].value for row in sheet.iter_rows(min_row=2)]
    total = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "totaal")
    assert isinstance(total[1].value, float) and total[1].value > 0  # the stored value of the SUM

    pdf = tmp_path / "budget-nl.pdf"
    pdf.write_bytes(download(tab, "a[href$='format=pdf']"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert (
            "Budget en effectieve vastleggingen per enveloppe" in text and "werking speerpuntclusters" in text
        )
        assert "spearhead_operation" not in text
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(ARTIFACTS / "w14a-budget-pdf-nl"),
            ],
            check=True,
        )

    tab.goto(f"{demo_site}/reports/budget-overview/?year=2019&lang=en")
    english = load_workbook(io.BytesIO(download(tab, "a[href$='format=xlsx']")))
    assert english.sheetnames[-1] == "about" and english.worksheets[0]["A1"].value == "envelope"
    html = download(tab, "a[href$='format=html']").decode()
    assert '<html lang="en">' in html and "spearhead cluster operation" in html


def test_history_names_its_records(tab: Any, demo_site: str) -> None:
    year = BudgetYear.objects.filter(status="open").order_by("-year").first().year
    budget = Budget.objects.get(year=year, envelope="spearhead_operation")
    budget_set(year=year, envelope="spearhead_operation", amount=budget.amount + 1, actor="analyst")
    log_in(tab, demo_site, "analyst")
    screens(tab, f"{demo_site}/history/", "w14a-history")
    body = tab.locator("main").inner_text()

    assert "object (" not in body
    assert f"{year} werking speerpuntclusters € " in body
    tab.click("#changes tbody a >> nth=0")
    tab.wait_for_load_state()
    screens(tab, tab.url, "w14a-record-history")
    assert "bedrag: € " in tab.locator("main").inner_text()


def test_import_errors_are_grouped_per_file(tab: Any, demo_site: str, tmp_path: Path) -> None:
    header = "code,name,type,domain,recognised_on,pact_start_year,pact_end_year\n"
    rows = "".join(f"X{n},Broken,nonsense,,2017-01-01,2017,2018\n" for n in range(25))
    upload = tmp_path / "broken.zip"
    with zipfile.ZipFile(upload, "w") as archive:
        archive.writestr("clusters.csv", header + rows)
    log_in(tab, demo_site, "admin")
    tab.goto(f"{demo_site}/import/")
    tab.set_input_files("#id_dataset", str(upload))
    tab.click("main form.card button[type=submit]")
    tab.wait_for_selector("#import-errors-1")
    at_both_widths(tab, "w14a-import-errors-nl")

    assert "clusters.csv: 25 fouten" in tab.locator("#import-errors-1 caption").inner_text()
    assert tab.locator("#import-errors-1 tbody tr").count() == 20
    assert "en nog 5 fouten in clusters.csv" in tab.locator("main").inner_text()
