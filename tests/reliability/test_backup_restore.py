"""Backup and restore: export → a new database → import → every report identical.

The worked example is imported, every report computed and the dataset exported; then the
database is emptied to a new one (`flush`: the schema without a row, users and history
included) and the export imported into it. All six reports, for every year of the example
(and the empty years around it), must give the same JSON, and a second export the same
bytes as the first. (A restore into a separate database by subprocesses is what
`test_crash_safety.py` does; `docs/reliability.md` documents both ways, and `pg_dump`.)
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.projects.models import Project
from clustermonitor.reports.registry import REPORTS, report_build
from clustermonitor.reports.renderers.as_json import render_json
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.django_db(transaction=True)

YEARS = range(2014, 2023)  # the example's years 2016-2020, and empty years around them


def all_reports() -> dict[str, object]:
    return {
        f"{name} {year}": json.loads(render_json(report_build(name, year=year)))
        for name, spec in REPORTS.items()
        for year in (YEARS if spec.yearly else [None])
    }


def export(folder: Path) -> dict[str, bytes]:
    call_command("export", str(folder), stdout=StringIO())
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_export_then_import_into_a_new_database_gives_every_report_identical(tmp_path: Path) -> None:
    call_command("import", str(EXAMPLE), "--quiet", stdout=StringIO(), stderr=StringIO())
    reports = all_reports()
    backup = export(tmp_path / "backup")

    call_command("flush", interactive=False, verbosity=0)
    assert not Project.objects.exists() and not LedgerEntry.objects.exists()
    assert all_reports() != reports  # the empty database really answers differently

    call_command("import", str(tmp_path / "backup"), "--quiet", stdout=StringIO(), stderr=StringIO())
    assert all_reports() == reports
    assert export(tmp_path / "again") == backup

    assert len(reports) == 5 * len(YEARS) + 1
    budget_2018 = reports["budget-overview 2018"]
    assert isinstance(budget_2018, dict) and budget_2018["figures"] == "definitive"
    assert any(row["committed"] != "0.00" for row in budget_2018["envelopes"])  # real figures compared
