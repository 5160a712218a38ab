"""The public part of the dataset as a Frictionless Data Package (datapackage.json + CSV).

Public: what the agency may publish as open data. Projects only when approved (no
rejected, pending or withdrawn applications: they are the applicants' business); a ledger
entry of a project that is not public keeps its amount (the totals stay true) but not the
project's reference; the ledger's free-text `note` is left out, as it may name people.
Every other contract file is public as it stands. Each resource has a Table Schema made
from the contract (types, required columns, allowed values, primary and foreign keys);
the CSV files are written by the exporter, in its canonical form.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clustermonitor.datasets import contract
from clustermonitor.datasets.exporter import canonical_rows, write_csv

PUBLIC_STATUSES = ("approved",)
LEFT_OUT = {"ledger.csv": ("note",)}
FIELD_TYPES = {
    contract.CODE: "string",
    contract.TEXT: "string",
    contract.YEAR: "integer",
    contract.DATE: "date",
    contract.AMOUNT: "number",
    contract.NUMBER: "number",
    contract.BOOL: "boolean",
    contract.RATE: "number",
}
# (file, column) → (file referred to, its key column)
FOREIGN_KEYS = {
    ("allocations.csv", "cluster"): ("clusters", "code"),
    ("cofinancing.csv", "cluster"): ("clusters", "code"),
    ("projects.csv", "cluster"): ("clusters", "code"),
    ("projects.csv", "type"): ("project_types", "code"),
    ("ledger.csv", "cluster"): ("clusters", "code"),
    ("ledger.csv", "project"): ("projects", "ref"),
    ("kpi_targets.csv", "cluster"): ("clusters", "code"),
    ("kpi_targets.csv", "kpi"): ("kpis", "code"),
    ("kpi_results.csv", "cluster"): ("clusters", "code"),
    ("kpi_results.csv", "kpi"): ("kpis", "code"),
}


def public_spec(spec: contract.FileSpec) -> contract.FileSpec:
    """The file's spec without the columns left out of the public dataset."""
    hidden = LEFT_OUT.get(spec.name, ())
    return contract.FileSpec(spec.name, tuple(c for c in spec.columns if c.name not in hidden), spec.key)


def public_rows(spec: contract.FileSpec, public_projects: set[str]) -> Iterator[list[str]]:
    """The file's canonical rows, limited to what is public."""
    names = spec.column_names
    keep = [index for index, name in enumerate(names) if name not in LEFT_OUT.get(spec.name, ())]
    status = names.index("status") if spec is contract.PROJECTS else None
    project = names.index("project") if spec is contract.LEDGER else None
    for row in canonical_rows(spec):
        if status is not None and row[status] not in PUBLIC_STATUSES:
            continue
        if project is not None and row[project] and row[project] not in public_projects:
            row = [*row[:project], "", *row[project + 1 :]]
        yield [row[index] for index in keep]


def table_schema(spec: contract.FileSpec) -> dict[str, Any]:
    fields = []
    for column in spec.columns:
        field: dict[str, Any] = {"name": column.name, "type": FIELD_TYPES[column.kind]}
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.choices:
            constraints["enum"] = list(column.choices)
        if column.kind == contract.BOOL:
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(spec.key), "missingValues": [""]}
    foreign = [
        {"fields": column.name, "reference": {"resource": target, "fields": key}}
        for column in spec.columns
        for (file, name), (target, key) in FOREIGN_KEYS.items()
        if file == spec.name and name == column.name
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def datapackage_export(folder: Path) -> list[Path]:
    """Write datapackage.json and one CSV per public resource into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    ref = contract.PROJECTS.column_names.index("ref")
    status = contract.PROJECTS.column_names.index("status")
    public_projects = {
        row[ref] for row in canonical_rows(contract.PROJECTS) if row[status] in PUBLIC_STATUSES
    }
    written, resources = [], []
    for spec in contract.FILES:
        public = public_spec(spec)
        path = folder / spec.name
        write_csv(path, public, public_rows(spec, public_projects))
        written.append(path)
        resources.append(
            {
                "name": spec.sheet,
                "path": spec.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(public),
            }
        )
    descriptor = {
        "name": "clustermonitor-public",
        "title": "Flemish cluster policy: budgets, allocations, approved projects, commitments and KPIs",
        "description": (
            "The public part of the clustermonitor dataset (docs/data-contract.md): approved "
            "projects only; ledger entries of other projects without their reference; no free-text notes. "
            "Amounts in euro."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path, *written]
