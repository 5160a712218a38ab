"""The generator without a database: deterministic, calibrated for any seed, money never float."""

import time
from decimal import Decimal
from pathlib import Path

import pytest

from clustermonitor.demo import facts
from clustermonitor.demo.common import partition
from clustermonitor.demo.generator import DEFAULT_SEED, generate
from clustermonitor.demo.writer import COLUMNS, write_dataset


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_same_seed_gives_identical_csv_bytes(tmp_path: Path) -> None:
    write_dataset(generate(DEFAULT_SEED), tmp_path / "a")
    write_dataset(generate(DEFAULT_SEED), tmp_path / "b")
    write_dataset(generate(DEFAULT_SEED + 1), tmp_path / "c")

    assert file_bytes(tmp_path / "a") == file_bytes(tmp_path / "b")
    assert file_bytes(tmp_path / "a")["ledger.csv"] != file_bytes(tmp_path / "c")["ledger.csv"]
    assert sorted(file_bytes(tmp_path / "a")) == sorted(COLUMNS)


@pytest.mark.parametrize("seed", [1, 2, 3, 12345])
def test_the_public_totals_hold_for_any_seed(seed: int) -> None:
    dataset = generate(seed)
    approved = [
        row
        for row in dataset["projects.csv"]
        if row["channel"] == "earmarked" and row["status"] == "approved" and row["decided_on"].year <= 2019
    ]
    blue = [row for row in approved if row["cluster"] == "BLUE" and row["decided_on"].year == 2019]

    assert len(approved) == 213
    assert sum(row["granted_support"] for row in approved) == Decimal("201600000.00")
    assert len(blue) == 15
    assert sum(row["granted_support"] for row in blue) == Decimal("16800000.00")
    assert sum(row["total_cost"] for row in blue) == Decimal("24000000.00")


def test_amounts_are_decimals_with_two_places() -> None:
    dataset = generate(DEFAULT_SEED)
    amounts = [row["amount"] for row in dataset["ledger.csv"]] + [
        row["total_cost"] for row in dataset["projects.csv"]
    ]

    assert all(isinstance(a, Decimal) and a.as_tuple().exponent == -2 and a > 0 for a in amounts)


def test_partition_is_exact() -> None:
    assert partition(100, [1, 1, 1]) == [34, 33, 33]
    assert sum(partition(1_680_000_000, [7, 3, 11, 5])) == 1_680_000_000


def test_every_project_ref_and_ledger_id_marks_demo_data() -> None:
    dataset = generate(DEFAULT_SEED)

    assert all(row["ref"].startswith(facts.REF_PREFIX) for row in dataset["projects.csv"])
    assert all(row["id"].startswith(facts.REF_PREFIX) for row in dataset["ledger.csv"])


def test_generating_takes_well_under_a_second_or_two() -> None:
    started = time.perf_counter()
    generate(DEFAULT_SEED)
    assert time.perf_counter() - started < 5
