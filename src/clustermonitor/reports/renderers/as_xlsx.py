"""The Excel renderer: one sheet per table, real numbers, totals as SUM formulas.

Amounts are numbers with a euro format, counts integers, ratios numbers with four
decimals; the header row is bold and frozen, the columns fitted. A totals row (a row
labelled `total`, as `tables.total_row` makes it) sums, with a formula, the detail rows
above that share its other codes (e.g. the same cluster in pact-resources); the formula's
result is the report's own total, which is what the cell would show without Excel. A
sheet "about" says which report, year, as-of date and status, and defines every measure.
"""

import io
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.renderers.definitions import COMMON_RULES, REPORT_TITLES, definitions_of
from clustermonitor.reports.renderers.display import display
from clustermonitor.reports.tables import Table

EURO = '#,##0.00 "€";-#,##0.00 "€"'
RATIO = "0.0000"
COUNT = "#,##0"
TOTAL = "total"
# Subtotal rows: their label and the labels of the rows they add up (budget-overview).
SUBTOTALS = {"spearhead": ("spearhead_operation", "spearhead_projects")}
BOLD = Font(bold=True)
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(report: Report, tables: list[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        _table_sheet(workbook.create_sheet(_sheet_name(table.title, used)), table)
    _about_sheet(workbook.create_sheet("about"), report, tables)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    name = SHEET_NAME.sub(" ", title)[:31]
    suffix = 2
    while name in used or name == "about":
        name = f"{name[:28]} {suffix}"
        suffix += 1
    used.add(name)
    return name


def _table_sheet(sheet: Worksheet, table: Table) -> None:
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.freeze_panes = "A2"
    widths = [len(column) for column in table.columns]
    for index, row in enumerate(table.rows):
        excel_row = index + 2
        formulas = _total_formulas(table, index)
        for position, column in enumerate(table.columns, start=1):
            value = row.get(column)
            cell = sheet.cell(row=excel_row, column=position)
            if column in formulas:
                cell.value = formulas[column]
                cell.font = BOLD
            else:
                cell.value = _value(value)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text from the data is never run as a formula
            cell.number_format = _number_format(column, value)
            if _is_number(value):
                cell.alignment = Alignment(horizontal="right")
            widths[position - 1] = max(widths[position - 1], len(display(column, value)))
        if formulas:
            for position in range(1, len(table.columns) + 1):
                sheet.cell(row=excel_row, column=position).font = BOLD
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = min(width + 3, 60)


def _total_formulas(table: Table, index: int) -> dict[str, str]:
    """`=SUM(...)` per numeric column of a totals or subtotal row; {} for a detail row."""
    row = table.rows[index]
    label = _label(row)
    if label is None:
        return {}
    label_column, text = label
    if text in SUBTOTALS:
        parts = [i for i, other in enumerate(table.rows) if other.get(label_column) in SUBTOTALS[text]]
    else:
        keys = {
            column: value
            for column, value in row.items()
            if column != label_column and column in table.columns and isinstance(value, str) and value
        }
        parts = [
            i
            for i, other in enumerate(table.rows)
            if _label(other) is None and all(other.get(column) == value for column, value in keys.items())
        ]
    formulas = {}
    for position, column in enumerate(table.columns, start=1):
        if _is_number(row.get(column)) and not isinstance(row.get(column), Fraction):
            letter = get_column_letter(position)
            formulas[column] = f"=SUM({_ranges(letter, [i + 2 for i in parts])})" if parts else "=0"
    return formulas


def _label(row: dict[str, Any]) -> tuple[str, str] | None:
    """(column, label) when the row is a totals or subtotal row."""
    for column, value in row.items():
        if not isinstance(value, str):
            continue
        if value == TOTAL or (value in SUBTOTALS and column == "envelope"):
            return column, value
    return None


def _ranges(letter: str, rows: list[int]) -> str:
    """Cell references of `rows` in one column, consecutive rows as one range: `B2:B3,B5`."""
    runs: list[list[int]] = []
    for number in rows:
        if runs and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ",".join(
        f"{letter}{start}" if start == end else f"{letter}{start}:{letter}{end}" for start, end in runs
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)


def _value(value: Any) -> Any:
    """Numbers as numbers (an amount's two decimals survive a double), the rest as text."""
    if isinstance(value, Decimal | Fraction):
        return float(cell_text(value))
    if isinstance(value, int | None):
        return value
    return cell_text(value)


def _number_format(column: str, value: Any) -> str:
    if isinstance(value, Decimal):
        return EURO
    if isinstance(value, Fraction):
        return RATIO
    if isinstance(value, int) and not isinstance(value, bool):
        return "0" if "year" in column else COUNT
    return "General"


def _about_sheet(sheet: Worksheet, report: Report, tables: list[Table]) -> None:
    rows: list[tuple[str, str]] = [
        ("report", report["report"]),
        ("title", REPORT_TITLES.get(report["report"], report["report"])),
        ("year", cell_text(report["year"]) or "whole pact"),
        ("as of", cell_text(report["as_of"]) or "everything stored"),
        ("figures", report["figures"]),
        ("rules", COMMON_RULES),
        ("", ""),
        ("measure", "definition"),
    ]
    columns = [column for table in tables for column in table.columns]
    rows += definitions_of(columns)
    for row in rows:
        sheet.append(list(row))
    for cell in [*sheet["A"], *sheet[8]]:
        cell.font = BOLD
    sheet.column_dimensions["A"].width = max(len(key) for key, _ in rows) + 3
    sheet.column_dimensions["B"].width = 90
