"""The worked example: every report run of flanders-small gives its expected JSON.

The dataset is imported once for the module (with the importer, as a user would), inside
a transaction rolled back at the end; each line of expected/commands.txt then runs the
`report` command and compares its JSON with the expected file by the README's rules:
amounts and ratios as decimal numbers (with as many decimals), counts as integers, null
where shown, the same keys, the same rows in the same order.
"""

import io
import json
import re
import shlex
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from clustermonitor.datasets.services import dataset_import

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "flanders-small"
EXPECTED = EXAMPLE / "expected"
NUMBER = re.compile(r"-?[0-9]+\.[0-9]+")


def commands() -> list[tuple[str, list[str]]]:
    """(expected file, arguments after `clustermonitor report`) for each line."""
    runs = []
    for line in (EXPECTED / "commands.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, command = line.split("\t")
            runs.append((name, shlex.split(command)[2:]))
    return runs


@pytest.fixture(scope="module")
def example_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        dataset_import(EXAMPLE)
        yield
        transaction.set_rollback(True)


def assert_same(expected: Any, actual: Any, path: str = "$") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        assert set(actual) == set(expected), f"{path}: keys differ: {sorted(set(actual) ^ set(expected))}"
        for key in expected:
            assert_same(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{path}: {len(actual)} rows, expected {len(expected)}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            assert_same(want, got, f"{path}[{index}]")
    elif isinstance(expected, str) and NUMBER.fullmatch(expected):
        assert isinstance(actual, str) and NUMBER.fullmatch(actual), (
            f"{path}: {actual!r} is not a decimal text"
        )
        want, got = Decimal(expected), Decimal(actual)
        assert got == want, f"{path}: {actual} != {expected}"
        assert got.as_tuple().exponent == want.as_tuple().exponent, f"{path}: {actual} has other decimals"
    elif isinstance(expected, bool) or expected is None:
        assert actual is expected, f"{path}: {actual!r} is not {expected!r}"
    elif isinstance(expected, int):
        assert type(actual) is int and actual == expected, f"{path}: {actual!r} != {expected}"
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


@pytest.mark.django_db
@pytest.mark.parametrize(("expected_file", "args"), commands(), ids=[name for name, _ in commands()])
def test_report_gives_the_expected_json(example_db: None, expected_file: str, args: list[str]) -> None:
    out = io.StringIO()
    call_command("report", *args, stdout=out)

    assert_same(
        json.loads((EXPECTED / expected_file).read_text(encoding="utf-8")), json.loads(out.getvalue())
    )


def test_the_example_lists_79_report_runs() -> None:
    assert len(commands()) == 79


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ({"a": "1.00"}, {"a": "1.01"}),
        ({"a": "1.00"}, {"a": "1.0"}),
        ({"a": 1}, {"a": "1"}),
        ({"a": None}, {"a": "0.00"}),
        ({"a": 1}, {"a": 1, "b": 2}),
        ([{"c": "A"}, {"c": "B"}], [{"c": "B"}, {"c": "A"}]),
    ],
)
def test_the_comparison_notices_a_difference(expected: Any, actual: Any) -> None:
    with pytest.raises(AssertionError):
        assert_same(expected, actual)
