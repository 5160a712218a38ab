"""Every report as an Excel workbook, read back with openpyxl: numbers are numbers with a
euro format, the header is bold and frozen, totals are SUM formulas whose results (summed
here) are the JSON report's figures, and the "about" sheet defines the measures."""

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from clustermonitor.reports.registry import REPORTS, report_build
from clustermonitor.reports.renderers.cells import json_value
from tests.documents.conftest import YEAR, report_json, yearly

pytestmark = pytest.mark.django_db
REFERENCE = re.compile(r"([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?")


def workbook(name: str, tmp_path: Path) -> Any:
    path = tmp_path / f"{name}.xlsx"
    call_command("report", name, *yearly(name), "--format", "xlsx", "--output", str(path))
    return load_workbook(path)


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
        assert [cell.value for cell in sheet[1]] == list(table.columns)
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

    for label, key in (("spearhead", "spearhead"), ("total", "total")):
        for position, measure in enumerate(
            ["budget", "allocated", "unallocated", "committed", "paid", "available"], 2
        ):
            formula = sheet.cell(row=rows[label], column=position).value
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
    assert "max(0, committed_projects − allocated_projects)" in about["drawn_from_pool"]
    assert "commitments − decommitments" in about["committed_operation"]


def test_pact_totals_sum_the_years_of_their_own_cluster(example_db, tmp_path: Path) -> None:
    sheet = workbook("pact-resources", tmp_path)["years"]
    expected = {block["cluster"]: block["totals"] for block in report_json("pact-resources")["clusters"]}

    totals = [row for row in sheet.iter_rows(min_row=2) if row[1].value == "total"]
    assert [row[0].value for row in totals] == list(expected)
    for row in totals:
        assert formula_result(sheet, row[2].value) == Decimal(expected[row[0].value]["allocated_operation"])
        assert formula_result(sheet, row[6].value) == Decimal(expected[row[0].value]["paid"])


def test_text_that_looks_like_a_formula_stays_text() -> None:
    import io

    from clustermonitor.reports.renderers.as_xlsx import render_xlsx
    from clustermonitor.reports.tables import Table

    report = {"report": "x", "year": 2018, "as_of": None, "figures": "definitive"}
    table = Table("t", ("name", "amount"), [{"name": "=HYPERLINK(1)", "amount": Decimal("1.00")}])
    sheet = load_workbook(io.BytesIO(render_xlsx(report, [table])))["t"]

    assert sheet["A2"].value == "=HYPERLINK(1)" and sheet["A2"].data_type == "s"
