"""Documents are made from the worked example (tests/fixtures/flanders-small), imported once
per test module inside a transaction rolled back at the end, as in tests/reports."""

import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from clustermonitor.datasets.services import dataset_import

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "flanders-small"
YEAR = "2018"


@pytest.fixture(scope="module")
def example_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        dataset_import(EXAMPLE)
        yield
        transaction.set_rollback(True)


def report_json(name: str, *args: str) -> dict[str, Any]:
    """The report's JSON, as `clustermonitor report NAME … --format json` prints it."""
    out = io.StringIO()
    call_command("report", name, *args, stdout=out)
    return json.loads(out.getvalue())


def yearly(name: str) -> list[str]:
    return [] if name == "pact-resources" else ["--year", YEAR]


def needs_pdftoppm() -> Any:
    """Skip without poppler's pdftoppm, except in CI (REQUIRE_BROWSER=1), where it must run."""
    missing = shutil.which("pdftoppm") is None
    return pytest.mark.skipif(
        missing and os.environ.get("REQUIRE_BROWSER") != "1",
        reason="pdftoppm (poppler-utils) is not installed; CI sets REQUIRE_BROWSER=1 to require it",
    )
