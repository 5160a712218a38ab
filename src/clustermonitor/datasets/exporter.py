"""Export the whole dataset in the contract's canonical form (CSV folder or XLSX).

Canonical: every contract file, columns in contract order, rows sorted by key (years
numerically, codes by Unicode code point), amounts with two decimals, KPI numbers in
shortest form, parameters and project types with their effective values. Exporting,
importing into an empty database and exporting again gives the same bytes.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection
from django.db.models import F, Model
from django.db.models.functions import Collate

from clustermonitor.budget.models import Allocation, Budget, Cofinancing, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets import contract
from clustermonitor.domain.money import amount_text, number_text, parameter_text
from clustermonitor.domain.parameters import DEFAULTS
from clustermonitor.kernel.models import BudgetYear, Parameter
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType

FORMATS = ("csv", "xlsx", "datapackage")


def code_order(field: str) -> Collate | F:
    """Order by Unicode code point whatever the database's collation ("C" on PostgreSQL)."""
    if connection.vendor == "postgresql":
        return Collate(F(field), "C")
    return F(field)  # SQLite compares text as UTF-8 bytes: code-point order


# Per file: the model, the ORM paths of the contract columns, and the sort order.
SOURCES: dict[str, tuple[type[Model], tuple[str, ...], tuple[str, ...]]] = {
    "clusters.csv": (
        Cluster,
        ("code", "name", "type", "domain", "recognised_on", "pact_start_year", "pact_end_year"),
        ("code",),
    ),
    "years.csv": (BudgetYear, ("year", "status", "closed_on"), ("year",)),
    "budgets.csv": (Budget, ("year", "envelope", "amount", "source"), ("year", "envelope")),
    "allocations.csv": (
        Allocation,
        ("year", "cluster__code", "envelope", "amount", "decided_on"),
        ("year", "cluster__code", "envelope"),
    ),
    "project_types.csv": (ProjectType, ("code", "name", "earmarked_eligible"), ("code",)),
    "projects.csv": (
        Project,
        (
            "ref",
            "cluster__code",
            "title",
            "type__code",
            "channel",
            "instrument",
            "submitted_on",
            "status",
            "decided_on",
            "total_cost",
            "requested_support",
            "granted_support",
        ),
        ("ref",),
    ),
    "ledger.csv": (
        LedgerEntry,
        ("ref", "date", "year", "kind", "envelope", "cluster__code", "project__ref", "amount", "note"),
        ("ref",),
    ),
    "cofinancing.csv": (Cofinancing, ("cluster__code", "year", "amount"), ("cluster__code", "year")),
    "kpis.csv": (Kpi, ("code", "name", "unit", "kind", "direction", "computed_from"), ("code",)),
    "kpi_targets.csv": (
        KpiTarget,
        ("cluster__code", "kpi__code", "year", "target"),
        ("cluster__code", "kpi__code", "year"),
    ),
    "kpi_results.csv": (
        KpiResult,
        ("cluster__code", "kpi__code", "year", "value", "reported_on", "source"),
        ("cluster__code", "kpi__code", "year"),
    ),
}
NUMERIC_SORT = {"year"}


def canonical_rows(spec: contract.FileSpec) -> Iterator[list[str]]:
    """The file's rows as contract text, in canonical order (header not included)."""
    if spec is contract.PARAMETERS:
        yield from _parameter_rows()
        return
    model, paths, order = SOURCES[spec.name]
    ordering = [F(p) if p in NUMERIC_SORT else code_order(p) for p in order]
    columns = spec.columns
    for row in model._default_manager.order_by(*ordering).values_list(*paths).iterator(chunk_size=5000):
        yield [cell_text(column, value) for column, value in zip(columns, row, strict=True)]


def _parameter_rows() -> Iterator[list[str]]:
    stored = dict(Parameter.objects.values_list("key", "value"))
    for key in sorted(DEFAULTS):
        yield [key, parameter_text(stored.get(key, DEFAULTS[key]))]


def cell_text(column: contract.Column, value: Any) -> str:
    """One typed value in the contract's export form."""
    kind = column.kind
    if value is None or (value == "" and kind != contract.BOOL):
        return ""
    if isinstance(value, float):
        raise TypeError(f"{column.name}: a float is never written")
    if kind == contract.AMOUNT:
        return amount_text(value) or ""
    if kind == contract.NUMBER:
        return number_text(value)
    if kind == contract.RATE:
        return parameter_text(value)
    if kind == contract.BOOL:
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, spec: contract.FileSpec, rows: Iterable[Sequence[str]]) -> None:
    """One contract file: UTF-8 without BOM, `\\n` line ends, minimal quoting, header first."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(spec.column_names)
        writer.writerows(rows)


def tables_export(target: Path, *, fmt: str = "csv") -> list[Path]:
    """Write the dataset to a folder of CSV files or one .xlsx workbook (the data package,
    built on these, is `datapackage.datapackage_export`)."""
    if fmt == "csv":
        return _export_csv(target)
    if fmt == "xlsx":
        return [_export_xlsx(target)]
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def _export_csv(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in contract.FILES:
        path = folder / spec.name
        write_csv(path, spec, canonical_rows(spec))
        written.append(path)
    return written


def _export_xlsx(path: Path) -> Path:
    """One sheet per file; amounts and years as numbers, dates as dates, the rest as text."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for spec in sorted(contract.FILES, key=lambda s: s.name):
        sheet = workbook.create_sheet(spec.sheet)
        sheet.freeze_panes = "A2"
        sheet.append(list(spec.column_names))
        for row in canonical_rows(spec):
            sheet.append([_cell(sheet, column, text) for column, text in zip(spec.columns, row, strict=True)])
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _cell(sheet: Any, column: contract.Column, text: str) -> object:
    from openpyxl.cell import WriteOnlyCell

    if text == "":
        return None
    if column.kind == contract.YEAR:
        return int(text)
    if column.kind == contract.DATE:
        cell = WriteOnlyCell(sheet, date.fromisoformat(text))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if column.kind in (contract.AMOUNT, contract.NUMBER):
        # Excel stores doubles: a number only where the double reads back as the same decimal.
        number = float(text)
        if Decimal(repr(number)) != Decimal(text):
            return text
        cell = WriteOnlyCell(sheet, number)
        cell.number_format = "#,##0.00" if column.kind == contract.AMOUNT else "General"
        return cell
    if text.startswith("="):  # text stays text: openpyxl would write it as a formula
        cell = WriteOnlyCell(sheet, text)
        cell.data_type = "s"
        return cell
    return text
