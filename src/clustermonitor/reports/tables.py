"""A report laid out as tables, for the renderers that print tables (CSV, Markdown, HTML).

Each report module says how its figures are laid out (`tables(report)`); the cells hold
the report's own values, so a table never recomputes a figure.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clustermonitor.reports.drill import Drill


@dataclass(frozen=True)
class Table:
    """A titled table: `columns` are the row keys, also printed as the header; `drill`
    names, per column, the records its figures add up (see `reports.drill`)."""

    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    drill: Mapping[str, Drill] = field(default_factory=dict)


TOTAL = "total"
SUBTOTALS = ("spearhead",)  # budget-overview's subtotal of the spearhead envelopes
TOTAL_LABELS = (TOTAL, *SUBTOTALS)


def total_row(label_column: str, totals: dict[str, Any], label: str = TOTAL) -> dict[str, Any]:
    """A totals object as the last row of its table, labelled in its label column (the
    first; pact-resources' per-cluster totals in the second, `year`)."""
    return {label_column: label, **totals}


def is_total_row(table: Table, row: dict[str, Any]) -> bool:
    """A total or subtotal row, which every renderer prints bold (and the web keeps at the
    bottom when sorting): `total` in one of the first two columns, a subtotal's label in
    the first. Only there: a cluster type `spearhead` in additional-resources' second
    column is a value, not a subtotal."""
    first, *second = table.columns[:2]
    return row.get(first) in TOTAL_LABELS or any(row.get(column) == TOTAL for column in second)
