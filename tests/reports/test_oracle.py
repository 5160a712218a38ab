"""Every report, with and without as-of, equals an independent reading of reports.md.

`oracle` computes each report straight from a dataset's CSV files (plain Python, none of
the product's code). It is first held to the worked example's 79 expected files; then the
product's reports of datasets nobody wrote expected files for — two demo datasets (real
clusters with pacts ending inside the years, decommitments, withdrawals, computed KPIs)
and a benchmark-generated one (100 clusters, IBNs among them) — imported with the
product's importer (the second demo with the rules' edges written in: targets and
results of 0 and below, a KPI that should go down, undated allocations), must equal the
oracle's over the same files: every year of the data, each as of a few days inside and
after it. This is how the product is verified from outside the team, on datasets it
never saw.
"""

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate as generate_benchmark
from django.core.management import call_command
from django.db import transaction

from clustermonitor.datasets.services import dataset_import
from clustermonitor.demo.generator import generate as generate_demo
from clustermonitor.demo.writer import write_dataset
from tests.reports import oracle
from tests.reports.test_expected_example import EXAMPLE, EXPECTED, assert_same, commands

YEARLY = ("budget-overview", "cluster-overview", "additional-resources", "project-generation", "kpi-status")
DATASETS = ("demo-1", "demo-2", "benchmark")


def options(args: list[str]) -> dict[str, str]:
    found, rest = {}, iter(args[1:])
    for arg in rest:
        if arg.startswith("--"):
            found[arg] = next(rest)
    return found


def oracle_report(
    data: oracle.Dataset, name: str, year: int | None, as_of: date | None, cluster: str | None = None
) -> Any:
    # through JSON, as the product's report is compared: tuples and dicts as they would print
    return json.loads(json.dumps(oracle.report(data, name, year, as_of, cluster)))


def test_the_oracle_gives_every_expected_file_of_the_worked_example() -> None:
    data = oracle.load(EXAMPLE)
    for expected_file, args in commands():
        given = options(args)
        year = int(given["--year"]) if "--year" in given else None
        as_of = date.fromisoformat(given["--as-of"]) if "--as-of" in given else None
        expected = json.loads((EXPECTED / expected_file).read_text(encoding="utf-8"))
        assert_same(expected, oracle_report(data, args[0], year, as_of, given.get("--cluster")))


def write(dataset: str, folder: Path) -> None:
    if dataset == "benchmark":
        generate_benchmark(folder, 600, seed=7)
        return
    write_dataset(generate_demo(seed=int(dataset.removeprefix("demo-"))), folder)
    if dataset == "demo-2":
        with_edges(folder)


def with_edges(folder: Path) -> None:
    """The edges of the rules, still a valid dataset: a KPI that should go down, targets of
    0, results of 0 and below 0, allocations without a decision date (they always count)."""
    edits = {
        "kpis.csv": lambda i, row: row | ({"direction": "down"} if row["code"] == "C-1bis" else {}),
        "kpi_targets.csv": lambda i, row: row | ({"target": "0"} if i % 7 == 0 else {}),
        "kpi_results.csv": lambda i, row: (
            row | ({"value": "0"} if i % 11 == 0 else {"value": f"-{row['value']}"} if i % 13 == 0 else {})
        ),
        "allocations.csv": lambda i, row: row | ({"decided_on": ""} if i % 5 == 0 else {}),
    }
    for name, edit in edits.items():
        path = folder / name
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, [edit(i, row) for i, row in enumerate(reader)]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture(scope="module", params=DATASETS)
def imported(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker: Any,
) -> Iterator[oracle.Dataset]:
    folder = tmp_path_factory.mktemp(request.param)
    write(request.param, folder)
    with django_db_blocker.unblock(), transaction.atomic():
        dataset_import(folder)
        yield oracle.load(folder)
        transaction.set_rollback(True)


def runs(data: oracle.Dataset) -> Iterator[tuple[int, date | None]]:
    """(year, as-of day) asked of a yearly report: every year of the data and one on each
    side, as it stands, early the next year and on a day of the year that something
    happened (the middle one of each kind: an allocation decided, an entry booked, a
    project submitted, one decided, a result reported: a fact of that very day counts);
    every third year also the day before it began, the end of February, a quarter's end
    and its last day."""
    years = {year for year, *_ in data.allocations} | {year for _, year, *_ in data.ledger}
    for index, year in enumerate(range(min(years) - 1, max(years) + 2)):  # and a year on each side
        yield from ((year, day) for day in (None, date(year + 1, 3, 1), *event_days(data, year)))
        if index % 3 == 0:
            more = (date(year - 1, 12, 31), date(year, 2, 28), date(year, 9, 30), date(year, 12, 31))
            yield from ((year, day) for day in more)


def event_days(data: oracle.Dataset, year: int) -> set[date]:
    kinds = (
        [day for *_, day in data.allocations if day],
        [day for day, *_ in data.ledger],
        [p.submitted_on for p in data.projects],
        [p.decided_on for p in data.projects if p.decided_on],
        [day for _, day in data.results.values()],
    )
    days = set()
    for found in kinds:
        inside = sorted(day for day in found if day.year == year)
        if inside:
            days.add(inside[len(inside) // 2])
    return days


def product_report(*args: str) -> Any:
    out = io.StringIO()
    call_command("report", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize("name", YEARLY)
def test_each_yearly_report_equals_the_oracle(imported: oracle.Dataset, name: str) -> None:
    for year, as_of in runs(imported):
        args = [name, "--year", str(year)] + (["--as-of", as_of.isoformat()] if as_of else [])
        expected = oracle_report(imported, name, year, as_of)
        assert_same(expected, product_report(*args), f"{' '.join(args)}: $")


@pytest.mark.django_db
def test_pact_resources_equals_the_oracle_for_all_and_for_one_cluster(imported: oracle.Dataset) -> None:
    as_ofs = [None, *sorted({day for _, day in runs(imported) if day and (day.month, day.day) == (9, 30)})]
    spearhead = min(c for c, info in imported.clusters.items() if info["type"] == "spearhead")
    ibns = [c for c, info in imported.clusters.items() if info["type"] == "ibn"]
    for as_of in as_ofs:
        for cluster in (None, spearhead, *ibns[:1]):
            args = ["pact-resources"] + (["--cluster", cluster] if cluster else [])
            args += ["--as-of", as_of.isoformat()] if as_of else []
            expected = oracle_report(imported, "pact-resources", None, as_of, cluster)
            assert_same(expected, product_report(*args), f"{' '.join(args)}: $")
