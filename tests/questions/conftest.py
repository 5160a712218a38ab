"""Questions are taken in against the worked example (tests/fixtures/flanders-small),
imported once per module inside a transaction rolled back at the end."""

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from clustermonitor.datasets.services import dataset_import

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "flanders-small"
SEED = ROOT / "docs" / "written-question-228-2019.txt"


@pytest.fixture(scope="module")
def example_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        dataset_import(EXAMPLE)
        yield
        transaction.set_rollback(True)


def question(*args: str) -> str:
    out = io.StringIO()
    call_command("question", *args, stdout=out)
    return out.getvalue()


def shown(number: int) -> dict[str, Any]:
    return json.loads(question("show", str(number), "--format", "json"))
