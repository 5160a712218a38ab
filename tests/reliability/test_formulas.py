"""No output turns text into a formula, and the dataset export stays lossless.

- `export --format xlsx` writes a title starting with `=` as a text cell, never a formula;
  importing that workbook gives the title back unchanged.
- CSV report downloads (meant for spreadsheets) neutralise text cells starting with
  `=`, `+`, `-` or `@` with a leading `'`; amounts (which may be negative) stay numbers.
- The CSV dataset export keeps such text byte for byte, as the contract requires.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from clustermonitor.reports.registry import report_build, report_spec
from clustermonitor.reports.renderers.as_csv import render_csv
from tests.datasets.helpers import copy_fixture, replace_in, run_import, snapshot

pytestmark = pytest.mark.django_db

EVIL = "=cmd|' /C calc'!A0"


@pytest.fixture
def evil_dataset(tmp_path: Path) -> Path:
    folder = copy_fixture("flanders-small", tmp_path)
    replace_in(
        folder,
        "projects.csv",
        ",Geavanceerde verpakkingen voor kmo's,",
        ',"' + EVIL.replace('"', '""') + '",',
    )
    return folder


def test_an_xlsx_export_writes_a_formula_like_title_as_text(evil_dataset: Path, tmp_path: Path) -> None:
    run_import(evil_dataset)
    workbook = tmp_path / "out.xlsx"
    call_command("export", str(workbook), "--format", "xlsx", stdout=StringIO())
    sheet = load_workbook(workbook)["projects"]
    header = [cell.value for cell in sheet[1]]
    titles = {
        row[header.index("ref")].value: row[header.index("title")] for row in sheet.iter_rows(min_row=2)
    }
    cell = titles["EFRO.2016.0001"]
    assert cell.value == EVIL
    assert cell.data_type == "s"  # a string, not "f" (formula)
    assert all(row.data_type != "f" for row in titles.values())

    # and reading it back gives the same text
    before = snapshot()
    Project.objects.filter(ref="EFRO.2016.0001").update(title="changed")
    run_import(workbook)
    assert snapshot() == before


def test_the_csv_dataset_export_keeps_the_text_as_it_is(evil_dataset: Path, tmp_path: Path) -> None:
    run_import(evil_dataset)
    call_command("export", str(tmp_path / "out"), stdout=StringIO())
    assert f"EFRO.2016.0001,SMARTFARM,{EVIL}," in (tmp_path / "out" / "projects.csv").read_text()


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_a_csv_report_neutralises_text_cells_a_spreadsheet_would_run(example_dir: Path, prefix: str) -> None:
    run_import(example_dir)
    Cluster.objects.filter(code="VIL").update(name=prefix + 'HYPERLINK("http://x")')
    report = report_build("cluster-overview", year=2018)
    text = render_csv(report, report_spec("cluster-overview").tables(report))
    lines = text.splitlines()
    assert any(line.startswith("VIL,\"'" + prefix) or line.startswith("VIL,'" + prefix) for line in lines), (
        text
    )
    assert not any(("," + prefix + "HYPERLINK") in line for line in lines)


def test_negative_amounts_in_a_csv_report_stay_numbers(example_dir: Path) -> None:
    run_import(example_dir)
    report = report_build("budget-overview", year=2019)
    text = render_csv(report, report_spec("budget-overview").tables(report))
    assert ",'" not in text
