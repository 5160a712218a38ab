"""The public dataset as a Frictionless Data Package: valid, with a schema per resource,
without the applications that were not approved and without the ledger's free-text notes."""

import csv
import io
import json
from pathlib import Path

import frictionless
import pytest
from django.core.management import call_command

from clustermonitor.datasets import contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(example_db, tmp_path: Path) -> Path:
    call_command("export", str(tmp_path / "public"), "--format", "datapackage", stdout=io.StringIO())
    return tmp_path / "public"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_package_is_valid_with_a_schema_per_resource(package: Path) -> None:
    report = frictionless.validate(package / "datapackage.json")

    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == [spec.name for spec in contract.FILES]
    assert all(r["schema"]["fields"] for r in descriptor["resources"])


def test_only_approved_projects_and_no_notes_are_published(package: Path) -> None:
    projects = rows(package / "projects.csv")
    public = {row["ref"] for row in projects}

    assert projects and {row["status"] for row in projects} == {"approved"}
    ledger = rows(package / "ledger.csv")
    assert "note" not in ledger[0]
    assert all(row["project"] in public for row in ledger if row["project"])


def test_amounts_are_typed_numbers_in_the_schema(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    budgets = next(r for r in descriptor["resources"] if r["name"] == "budgets")
    types = {field["name"]: field["type"] for field in budgets["schema"]["fields"]}
    assert types == {"year": "integer", "envelope": "string", "amount": "number", "source": "string"}
