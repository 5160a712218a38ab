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


def total_row(label_column: str, totals: dict[str, Any], label: str = "total") -> dict[str, Any]:
    """A totals object as the last row of its table, labelled in the first column."""
    return {label_column: label, **totals}
