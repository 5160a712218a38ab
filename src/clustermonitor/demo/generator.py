"""The demo dataset generator: the Flemish cluster policy 2016-2020, real where facts exist.

`generate(seed)` returns the dataset as contract rows (file name → rows, typed values,
sorted by key); `writer.write_dataset` writes it as a CSV folder that the product's own
importer loads. One `random.Random(seed)` drives every choice, so a seed always gives
the same files; the public totals hold for every seed (they are partitioned exactly).

Order of construction: projects → operation allocations → ledger (operation, projects) →
project allocations with a common pool (from the commitments) → budgets → co-financing →
KPI targets and results.
"""

import random
from dataclasses import asdict
from decimal import Decimal
from typing import Any, cast

from clustermonitor.demo import bookings, budgets, facts, kpi_facts, kpidata
from clustermonitor.demo.common import Entry, Ledger, Project, money
from clustermonitor.demo.projects import generate_projects
from clustermonitor.demo.writer import Dataset, Row

DEFAULT_SEED = 20160304  # the decree on innovation clusters of 4 March 2016

PROJECT_TYPES: tuple[tuple[str, str, bool], ...] = (
    ("CIRCULAR", "Circulaire-economieproject", False),
    ("CLUSTER_RD", "Cluster O&O-project", True),
    ("COLLECTIVE", "Collectief project", True),
    ("COOCK", "COOCK (collectief onderzoek en kennisverspreiding)", True),
    ("EU_RESEARCH", "Europees onderzoeksproject", False),
    ("FUNDAMENTAL", "Fundamenteel onderzoek", False),
    ("ICON", "ICON (interuniversitair coöperatief onderzoek)", True),
    ("INNOVATION", "Innovatieproject", True),
    ("INTERNATIONAL", "Internationaliseringsproject", False),
    ("REGIONAL_DEV", "Regionaal ontwikkelingsproject (EFRO/Interreg)", False),
    ("TRAINING", "Opleidings- en arbeidsmarktproject", False),
    ("cSBO", "Cluster SBO (strategisch basisonderzoek)", True),
)


def generate(seed: int = DEFAULT_SEED) -> Dataset:
    """The whole demo dataset for `seed`, as contract rows."""
    rng = random.Random(seed)
    projects = generate_projects(rng)
    operation = bookings.operation_allocations(rng)
    ledger = Ledger()
    bookings.operation_entries(rng, ledger, operation)
    bookings.project_entries(rng, ledger, projects)
    entries = bookings.number(ledger)
    project_allocations = budgets.project_allocations(rng, entries)
    target_rows = kpidata.targets(rng, projects)
    return {
        "parameters.csv": parameter_rows(),
        "project_types.csv": [
            {"code": c, "name": n, "earmarked_eligible": e} for c, n, e in sorted(PROJECT_TYPES)
        ],
        "clusters.csv": cluster_rows(),
        "years.csv": year_rows(),
        "budgets.csv": budget_rows(budgets.budgets(operation, project_allocations)),
        "allocations.csv": allocation_rows(operation, project_allocations),
        "cofinancing.csv": cofinancing_rows(budgets.cofinancing(rng, entries)),
        "projects.csv": [project_row(p) for p in projects],
        "kpis.csv": kpi_rows(),
        "kpi_targets.csv": sorted_rows(
            [{"cluster": t.cluster, "kpi": t.kpi, "year": t.year, "target": t.value} for t in target_rows],
            ("cluster", "kpi", "year"),
        ),
        "kpi_results.csv": sorted_rows(
            [asdict(r) for r in kpidata.results(rng, target_rows, projects)], ("cluster", "kpi", "year")
        ),
        "ledger.csv": sorted_rows([ledger_row(e) for e in entries], ("id",)),
    }


def sorted_rows(rows: list[Row], key: tuple[str, ...]) -> list[Row]:
    """Rows by key: years numerically, codes by Unicode code point."""
    return sorted(rows, key=lambda row: tuple(cast(Any, row[k]) for k in key))


def parameter_rows() -> list[Row]:
    return [
        {"key": "ibn_operation_cap", "value": money(facts.IBN_CAP_CENTS)},
        {"key": "operation_support_rate", "value": Decimal(facts.SUPPORT_RATE_PERCENT).scaleb(-2)},
        {"key": "spearhead_operation_cap", "value": money(facts.SPEARHEAD_CAP_CENTS)},
    ]


def cluster_rows() -> list[Row]:
    return sorted_rows(
        [
            {
                "code": c.code,
                "name": c.name,
                "type": c.type,
                "domain": c.domain,
                "recognised_on": c.recognised_on,
                "pact_start_year": c.pact_start_year,
                "pact_end_year": c.pact_end_year,
            }
            for c in facts.clusters()
        ],
        ("code",),
    )


def year_rows() -> list[Row]:
    return [
        {
            "year": y,
            "status": "closed" if y in facts.CLOSED_ON else "open",
            "closed_on": facts.CLOSED_ON.get(y),
        }
        for y in facts.YEARS
    ]


def budget_rows(amounts: dict[tuple[int, str], int]) -> list[Row]:
    return [
        {"year": year, "envelope": envelope, "amount": money(cents), "source": "Hermesfonds"}
        for (year, envelope), cents in sorted(amounts.items())
    ]


def allocation_rows(
    operation: dict[tuple[str, int], bookings.Allocation],
    projects: dict[tuple[str, int], bookings.Allocation],
) -> list[Row]:
    types = {c.code: c.type for c in facts.clusters()}
    rows: list[Row] = []
    for (code, year), (cents, decided_on) in operation.items():
        envelope = "ibn" if types[code] == "ibn" else "spearhead_operation"
        rows.append(
            {
                "year": year,
                "cluster": code,
                "envelope": envelope,
                "amount": money(cents),
                "decided_on": decided_on,
            }
        )
    for (code, year), (cents, decided_on) in projects.items():
        rows.append(
            {
                "year": year,
                "cluster": code,
                "envelope": "spearhead_projects",
                "amount": money(cents),
                "decided_on": decided_on,
            }
        )
    return sorted_rows(rows, ("year", "cluster", "envelope"))


def cofinancing_rows(amounts: dict[tuple[str, int], int]) -> list[Row]:
    return [{"cluster": c, "year": y, "amount": money(cents)} for (c, y), cents in sorted(amounts.items())]


def project_row(project: Project) -> Row:
    return {
        "ref": project.ref,
        "cluster": project.cluster,
        "title": project.title,
        "type": project.type,
        "channel": project.channel,
        "instrument": project.instrument,
        "submitted_on": project.submitted_on,
        "status": project.status,
        "decided_on": project.decided_on,
        "total_cost": money(project.total_cost),
        "requested_support": money(project.requested),
        "granted_support": None if project.granted is None else money(project.granted),
    }


def kpi_rows() -> list[Row]:
    return sorted_rows(
        [
            {
                "code": k.code,
                "name": k.name,
                "unit": k.unit,
                "kind": k.kind,
                "direction": "up",
                "computed_from": k.computed_from or None,
            }
            for k in kpi_facts.KPIS
        ],
        ("code",),
    )


def ledger_row(entry: Entry) -> Row:
    return {
        "id": entry.ref,
        "date": entry.date,
        "year": entry.year,
        "kind": entry.kind,
        "envelope": entry.envelope,
        "cluster": entry.cluster,
        "project": entry.project,
        "amount": money(entry.amount),
        "note": entry.note,
    }
