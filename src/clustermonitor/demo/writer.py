"""Write a demo dataset as a folder of contract CSV files, in the contract's export form.

UTF-8 without BOM, `\\n` line ends, minimal quoting, columns in contract order, amounts
with two decimals, KPI numbers in shortest form, parameters with at least two decimals.
"""

import csv
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from clustermonitor.domain.money import amount_text, number_text, parameter_text

Row = Mapping[str, object]
Dataset = dict[str, list[Row]]

COLUMNS: dict[str, tuple[str, ...]] = {
    "parameters.csv": ("key", "value"),
    "project_types.csv": ("code", "name", "earmarked_eligible"),
    "clusters.csv": ("code", "name", "type", "domain", "recognised_on", "pact_start_year", "pact_end_year"),
    "years.csv": ("year", "status", "closed_on"),
    "budgets.csv": ("year", "envelope", "amount", "source"),
    "allocations.csv": ("year", "cluster", "envelope", "amount", "decided_on"),
    "cofinancing.csv": ("cluster", "year", "amount"),
    "projects.csv": (
        "ref",
        "cluster",
        "title",
        "type",
        "channel",
        "instrument",
        "submitted_on",
        "status",
        "decided_on",
        "total_cost",
        "requested_support",
        "granted_support",
    ),
    "kpis.csv": ("code", "name", "unit", "kind", "direction", "computed_from"),
    "kpi_targets.csv": ("cluster", "kpi", "year", "target"),
    "kpi_results.csv": ("cluster", "kpi", "year", "value", "reported_on", "source"),
    "ledger.csv": ("id", "date", "year", "kind", "envelope", "cluster", "project", "amount", "note"),
}
# Decimal columns that are KPI numbers or parameters rather than amounts.
NUMBER_COLUMNS = frozenset({("kpi_targets.csv", "target"), ("kpi_results.csv", "value")})
PARAMETER_COLUMNS = frozenset({("parameters.csv", "value")})


def cell(file: str, column: str, value: object) -> str:
    """One value in the contract's export form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if (file, column) in NUMBER_COLUMNS:
            return number_text(value)
        if (file, column) in PARAMETER_COLUMNS:
            return parameter_text(value)
        return amount_text(value) or ""
    if isinstance(value, float):
        raise TypeError(f"{file} {column}: a float is never written")
    return str(value)


def write_file(path: Path, file: str, rows: Sequence[Row]) -> None:
    columns = COLUMNS[file]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(file, column, row.get(column)) for column in columns])


def write_dataset(dataset: Dataset, folder: Path) -> list[Path]:
    """Write every contract file (header only when empty) into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for file in COLUMNS:
        path = folder / file
        write_file(path, file, dataset.get(file, []))
        paths.append(path)
    return paths
