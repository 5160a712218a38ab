"""Every report as an Excel workbook, read back with openpyxl: numbers are numbers with a
euro format, the header is bold and frozen, totals are SUM formulas whose results (summed
here) are the JSON report's figures, and the "about" sheet defines the measures."""

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook

from clustermonitor.clusters.models import Cluster
from clustermonitor.kpis.models import Kpi
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import REPORTS, report_build
from clustermonitor.reports.renderers.cells import json_value
from clustermonitor.reports.renderers.names import KPI_FIGURES
from tests.documents.conftest import YEAR, report_json, yearly

pytestmark = pytest.mark.django_db
REFERENCE = re.compile(r"([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?")


def workbook(name: str, tmp_path: Path, lang: str = "en", *, data_only: bool = False) -> Any:
    path = tmp_path / f"{name}-{lang}.xlsx"
    call_command("report", name, *yearly(name), "--format", "xlsx", "--lang", lang, "--output", str(path))
    return load_workbook(path, data_only=data_only)


def english(codes: Any) -> list[str]:
    with translation.override("en"):
        return [label(code) for code in codes]


def formula_result(sheet: Any, formula: str) -> Decimal:
    """=SUM(B2:B3,B5) computed from the sheet's cells, as Excel would."""
    match = re.fullmatch(r"=SUM\((.*)\)", formula)
    assert match, formula
    total = Decimal("0")
    for part in match.group(1).split(","):
        ref = REFERENCE.fullmatch(part)
        assert ref, part
        first, last = (
            ref.group(1) + ref.group(2),
            (ref.group(3) or ref.group(1)) + (ref.group(4) or ref.group(2)),
        )
        for row in sheet[f"{first}:{last}"]:
            for cell in row:
                assert not str(cell.value).startswith("="), "a SUM over a formula"
                total += Decimal(repr(cell.value))
    return total


@pytest.mark.parametrize("name", list(REPORTS))
def test_each_table_is_a_sheet_of_real_numbers_equal_to_the_report(
    example_db, name: str, tmp_path: Path
) -> None:
    book = workbook(name, tmp_path)
    report = report_build(name, year=None if name == "pact-resources" else int(YEAR))
    tables = REPORTS[name].tables(report)

    assert len(book.sheetnames) == len(tables) + 1 and book.sheetnames[-1] == "about"
    for sheet, table in zip(book.worksheets, tables, strict=False):
        assert [cell.value for cell in sheet[1]] == english(table.columns)
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        for index, row in enumerate(table.rows, start=2):
            for position, column in enumerate(table.columns, start=1):
                cell = sheet.cell(row=index, column=position)
                expected = json_value(row.get(column))
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    assert formula_result(sheet, cell.value) == Decimal(str(expected)), (
                        sheet.title,
                        index,
                        column,
                    )
                elif column in KPI_FIGURES and "kpi" in row:
                    assert cell.value is None or Decimal(repr(cell.value)) == Decimal(expected or "0")
                elif isinstance(expected, str) and re.fullmatch(r"-?[0-9]+\.[0-9]{2}", expected):
                    assert isinstance(cell.value, float | int), (sheet.title, column, cell.value)
                    assert Decimal(repr(cell.value)).quantize(Decimal("0.01")) == Decimal(expected)
                    assert "€" in cell.number_format
                elif isinstance(expected, int) and not isinstance(expected, bool):
                    assert cell.value == expected
        widths = [sheet.column_dimensions[letter].width for letter in "AB"]
        assert all(width and width > 5 for width in widths)


def test_budget_totals_are_sum_formulas_giving_the_json_totals(example_db, tmp_path: Path) -> None:
    sheet = workbook("budget-overview", tmp_path)["envelopes"]
    expected = report_json("budget-overview", "--year", YEAR)
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}

    for name, key in (("spearhead clusters", "spearhead"), ("total", "total")):
        for position, measure in enumerate(
            ["budget", "allocated", "unallocated", "committed", "paid", "available"], 2
        ):
            formula = sheet.cell(row=rows[name], column=position).value
            assert formula.startswith("=SUM(")
            assert formula_result(sheet, formula) == Decimal(expected[key][measure])
    assert sheet.cell(row=rows["total"], column=5).value == "=SUM(E2:E3,E5)"
    assert formula_result(sheet, "=SUM(E2:E3,E5)") == Decimal("63584372.21")


def test_the_about_sheet_says_which_figures_and_defines_each_measure(example_db, tmp_path: Path) -> None:
    about = {
        row[0]: row[1] for row in workbook("cluster-overview", tmp_path)["about"].iter_rows(values_only=True)
    }

    assert about["report"] == "cluster-overview"
    assert about["year"] == YEAR
    assert about["figures"] == "definitive"
    assert about["as of"] == "everything stored"
    assert "max(0, committed_projects − allocated_projects)" in about["drawn from pool"]
    assert "commitments − decommitments" in about["committed operation"]


def test_pact_totals_sum_the_years_of_their_own_cluster(example_db, tmp_path: Path) -> None:
    sheet = workbook("pact-resources", tmp_path)["years"]
    names = dict(Cluster.objects.values_list("name", "code"))
    expected = {block["cluster"]: block["totals"] for block in report_json("pact-resources")["clusters"]}

    totals = [row for row in sheet.iter_rows(min_row=2) if row[1].value == "total"]
    assert [names[row[0].value] for row in totals] == list(expected)  # clusters by their names
    for row in totals:
        code = names[row[0].value]
        assert formula_result(sheet, row[2].value) == Decimal(expected[code]["allocated_operation"])
        assert formula_result(sheet, row[6].value) == Decimal(expected[code]["paid"])


def test_text_that_looks_like_a_formula_stays_text() -> None:
    import io

    from clustermonitor.reports.renderers.as_xlsx import render_xlsx
    from clustermonitor.reports.tables import Table

    report = {"report": "x", "year": 2018, "as_of": None, "figures": "definitive"}
    table = Table("t", ("name", "amount"), [{"name": "=HYPERLINK(1)", "amount": Decimal("1.00")}])
    sheet = load_workbook(io.BytesIO(render_xlsx(report, [table])))["t"]

    assert sheet["A2"].value == "=HYPERLINK(1)" and sheet["A2"].data_type == "s"


@pytest.mark.parametrize("name", list(REPORTS))
def test_totals_store_their_values_for_readers_that_do_not_recalculate(
    example_db, name: str, tmp_path: Path
) -> None:
    """pandas, previewers and mail apps read the stored value of a formula cell: every
    formula cell holds the figure the formula computes (issue 14.4)."""
    formulas = workbook(name, tmp_path)
    values = workbook(name, tmp_path, data_only=True)

    checked = 0
    for sheet in formulas.worksheets[:-1]:
        stored = values[sheet.title]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=SUM("):
                    value = stored[cell.coordinate].value
                    assert value is not None, (sheet.title, cell.coordinate)
                    assert Decimal(repr(value)).quantize(Decimal("0.01")) == formula_result(sheet, cell.value)
                    checked += 1
    assert checked or name in ("project-generation", "kpi-status")


def test_a_dutch_workbook_names_its_sheets_headers_and_codes_in_dutch(example_db, tmp_path: Path) -> None:
    book = workbook("budget-overview", tmp_path, "nl", data_only=True)
    sheet = book.worksheets[0]

    assert book.sheetnames[-1] == "toelichting"
    assert [cell.value for cell in sheet[1]][:4] == ["enveloppe", "budget", "toegewezen", "niet toegewezen"]
    firsts = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert (
        "werking speerpuntclusters" in firsts and "totaal" in firsts and "spearhead_operation" not in firsts
    )
    total = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "totaal")
    assert total[4].value == pytest.approx(63584372.21)  # committed, stored beside its formula
    about = {row[0]: row[1] for row in book["toelichting"].iter_rows(values_only=True)}
    assert about["cijfers"] == "definitief" and about["stand op"] == "alles wat is opgeslagen"


def test_kpi_figures_are_in_the_kpis_unit_with_the_kpi_named(example_db, tmp_path: Path) -> None:
    sheet = workbook("kpi-status", tmp_path, "nl").worksheets[0]
    header = [cell.value for cell in sheet[1]]
    kpis = dict(Kpi.objects.values_list("code", "unit"))

    for row in sheet.iter_rows(min_row=2):
        code = row[header.index("KPI")].value.split(" ")[0]
        assert row[header.index("KPI")].value != code  # the name beside the code
        target = row[header.index("streefwaarde")]
        assert "€" not in target.number_format or kpis[code] == "EUR"
