"""The Excel renderer (XlsxWriter): one sheet per table, real numbers, totals as SUM formulas
that also store their result, in the active language.

Amounts are numbers with a euro format, counts integers, ratios numbers with four
decimals, KPI targets and values numbers in the KPI's unit; headers, sheet names and codes
print by their names (names.py); the header row is bold and frozen, the columns fitted. A
totals row (a row labelled `total`, as `tables.total_row` makes it) sums, with a formula,
the detail rows above that share its other codes (e.g. the same cluster in
pact-resources). Each formula is stored with its computed value (the report's own total),
so a reader that does not recalculate (pandas, previewers, mail apps) sees the total too;
openpyxl cannot store that value, XlsxWriter can. A last sheet says which report, year,
as-of date and status, and defines every measure.
"""

import io
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from clustermonitor.reports.figures import Report
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers.as_html import shown
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.renderers.definitions import COMMON_RULES, definitions_of, report_title
from clustermonitor.reports.renderers.names import KPI_FIGURES, Names, label_of_unit, lang, names
from clustermonitor.reports.tables import Table

EURO = '#,##0.00 "€";-#,##0.00 "€"'
RATIO = "0.00 %"  # a ratio read as a percentage (the stored value stays the ratio)
COUNT = "#,##0"
TOTAL = "total"
# Subtotal rows: their label and the labels of the rows they add up (budget-overview).
SUBTOTALS = {"spearhead": ("spearhead_operation", "spearhead_projects")}
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(report: Report, tables: list[Table]) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    formats = _Formats(workbook)
    about = str(_("about"))
    used: set[str] = {about}
    known = names()
    for table in tables:
        _table_sheet(workbook.add_worksheet(_sheet_name(label(table.title), used)), table, known, formats)
    _about_sheet(workbook.add_worksheet(about), report, tables, formats)
    workbook.close()
    return out.getvalue()


class _Formats:
    """The workbook's cell formats, made once (XlsxWriter formats belong to a workbook)."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.made: dict[tuple[str, bool], Any] = {}

    def get(self, number_format: str = "General", *, bold: bool = False) -> Any:
        key = (number_format, bold)
        if key not in self.made:
            self.made[key] = self.workbook.add_format({"num_format": number_format, "bold": bold})
        return self.made[key]


def _sheet_name(title: str, used: set[str]) -> str:
    name = SHEET_NAME.sub(" ", title)[:31]
    base, suffix = name, 2
    while name in used:
        name = f"{base[:28]} {suffix}"
        suffix += 1
    used.add(name)
    return name


def _table_sheet(sheet: Worksheet, table: Table, known: Names, formats: _Formats) -> None:
    language = lang()
    headers = [label(column) for column in table.columns]
    for position, header in enumerate(headers):
        sheet.write_string(0, position, header, formats.get(bold=True))
    sheet.freeze_panes(1, 0)
    widths = [len(header) for header in headers]
    for index, row in enumerate(table.rows):
        formulas = _total_formulas(table, index)
        bold = bool(formulas)
        for position, column in enumerate(table.columns):
            value = row.get(column)
            text = shown(known, table, column, row, language)
            widths[position] = max(widths[position], len(text))
            number_format = _number_format(column, value, row, known)
            cell = formats.get(number_format, bold=bold)
            if column in formulas:
                sheet.write_formula(index + 1, position, formulas[column], cell, _value(value))
            elif _is_number(value):
                sheet.write_number(index + 1, position, _value(value), cell)
            elif value is None or value == "":
                sheet.write_blank(index + 1, position, None, cell)
            else:
                sheet.write_string(index + 1, position, text, cell)  # never run as a formula
    for position, width in enumerate(widths):
        sheet.set_column(position, position, min(width + 3, 60))


def _total_formulas(table: Table, index: int) -> dict[str, str]:
    """`=SUM(...)` per numeric column of a totals or subtotal row; {} for a detail row."""
    row = table.rows[index]
    found = _label(row)
    if found is None:
        return {}
    label_column, text = found
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
    for position, column in enumerate(table.columns):
        if _is_number(row.get(column)) and not isinstance(row.get(column), Fraction):
            letter = xl_col_to_name(position)
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


def _value(value: Any) -> float | int:
    """A number as Excel stores it (an amount's two decimals survive a double)."""
    if isinstance(value, Decimal | Fraction):
        return float(cell_text(value))
    return int(value)


def _number_format(column: str, value: Any, row: dict[str, Any], known: Names) -> str:
    if column in KPI_FIGURES and "kpi" in row and isinstance(value, Decimal):
        return _kpi_format(value, known.unit_of(row))
    if isinstance(value, Decimal):
        return EURO
    if isinstance(value, Fraction):
        return RATIO
    if isinstance(value, int) and not isinstance(value, bool):
        return "0" if "year" in column else COUNT
    return "General"


def _kpi_format(value: Decimal, unit: str | None) -> str:
    """A KPI figure's number format: in its unit, with decimals only where it has them."""
    if unit in ("EUR", "€"):
        return EURO
    number = COUNT if value == value.to_integral_value() else "#,##0.00"
    if not unit or unit == "count":
        return number
    return f'{number} "{label_of_unit(unit)}"'


def _about_sheet(sheet: Worksheet, report: Report, tables: list[Table], formats: _Formats) -> None:
    rows: list[tuple[str, str]] = [
        (_("report"), report["report"]),
        (_("title"), report_title(report["report"])),
        (_("year"), cell_text(report["year"]) or _("whole pact")),
        (_("as of"), cell_text(report["as_of"]) or _("everything stored")),
        (_("figures"), label(report["figures"])),
        (_("rules"), str(COMMON_RULES)),
        ("", ""),
        (_("measure"), _("definition")),
    ]
    columns = [column for table in tables for column in table.columns]
    rows += [(label(column), text) for column, text in definitions_of(columns)]
    for number, (key, text) in enumerate(rows):
        bold = number == len(rows) - len(definitions_of(columns)) - 1
        sheet.write_string(number, 0, key, formats.get(bold=True))
        sheet.write_string(number, 1, text, formats.get(bold=bold))
    sheet.set_column(0, 0, max(len(key) for key, _text in rows) + 3)
    sheet.set_column(1, 1, 90)
