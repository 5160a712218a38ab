"""How one figure of a report is printed: the contract's JSON text rules, shared by all.

Decimal → amount, two decimals half-up (never `-0.00`); Fraction → ratio, four decimals
half-up from the exact quotient; int → count; date → ISO; None → null / empty cell.
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from clustermonitor.domain.kpi import ratio_decimal
from clustermonitor.domain.money import amount_text, ratio_text
from clustermonitor.reports.tables import Table


def json_value(value: Any) -> Any:
    """A report value as JSON data: amounts and ratios become text, the rest stays."""
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_value(item) for item in value]
    if isinstance(value, Decimal):
        return amount_text(value)
    if isinstance(value, Fraction):
        return ratio_text(ratio_decimal(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


def cell_text(value: Any) -> str:
    """A report value as the text of a table cell (CSV, Markdown)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(json_value(value))


def is_number(value: Any) -> bool:
    """Numbers are right-aligned in printed tables."""
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)


def table_cells(table: Table) -> list[list[str]]:
    """The table's rows as cell texts, in column order."""
    return [[cell_text(row.get(column)) for column in table.columns] for row in table.rows]


FORMULA_STARTS = ("=", "+", "-", "@")


def spreadsheet_text(value: Any) -> str:
    """A cell's text for a CSV meant for spreadsheets: text a spreadsheet would run as a
    formula (a leading =, +, - or @) gets a leading ' (issue 5); amounts stay numbers."""
    text = cell_text(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text


def spreadsheet_cells(table: Table) -> list[list[str]]:
    """`table_cells`, with text cells neutralised by `spreadsheet_text`."""
    return [[spreadsheet_text(row.get(column)) for column in table.columns] for row in table.rows]
