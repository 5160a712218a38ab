"""The import's bulk paths leave the database as a row-by-row import would.

Loading an empty table, SQLite builds the secondary indexes after the rows (dbutil
`indexes_built_after`); the kept ledger balances are written once per import; composite-key
files are inserted as plain rows. Whatever happens, the schema is the migrated one.
"""

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from clustermonitor.budget.balances import balances_differences
from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.kpis.models import KpiTarget
from clustermonitor.projects.models import Project
from tests.datasets.helpers import append_to, copy_fixture, import_errors, run_import

pytestmark = pytest.mark.django_db

TABLES = [LedgerEntry._meta.db_table, Project._meta.db_table, KpiTarget._meta.db_table]


def indexes() -> dict[str, Any]:
    with connection.cursor() as cursor:
        return {table: connection.introspection.get_constraints(cursor, table) for table in TABLES}


def test_an_import_into_empty_tables_leaves_every_index_as_migrated(tmp_path: Path) -> None:
    before = indexes()
    run_import(copy_fixture("flanders-small", tmp_path))
    assert indexes() == before
    assert LedgerEntry.objects.count() == 1042
    assert balances_differences() == []


def test_a_refused_import_leaves_them_too(tmp_path: Path) -> None:
    before = indexes()
    folder = copy_fixture("flanders-small", tmp_path)
    append_to(folder, "ledger.csv", 'BL9999999,2018-02-10,2018,payment,ibn,NOPE,,0.50,"unknown cluster"')
    assert any("unknown cluster NOPE" in line for line in import_errors(folder))
    assert indexes() == before
    assert not LedgerEntry.objects.exists() and not LedgerBalance.objects.exists()


def test_a_file_that_breaks_off_midway_leaves_them_too(tmp_path: Path) -> None:
    before = indexes()
    folder = copy_fixture("flanders-small", tmp_path)
    append_to(folder, "ledger.csv", 'BL9999999,2018-02-10,2018,payment,ibn,BIOPACK,,0.50,"open quote')
    errors = import_errors(folder)
    assert any(line.startswith("ledger.csv:") and "not valid CSV" in line for line in errors), errors
    assert indexes() == before
    assert not Project.objects.exists()


def test_composite_keys_keep_their_file_lines(tmp_path: Path) -> None:
    """A stored-row finding names its line: the composite-key rows' pks map back to lines."""
    folder = copy_fixture("flanders-small", tmp_path)
    run_import(folder)
    lines = (folder / "kpi_targets.csv").read_text(encoding="utf-8").splitlines()
    append_to(folder, "kpi_targets.csv", lines[5])  # line 6 again, after the first import
    errors = import_errors(folder)
    assert errors[0].startswith(
        f"kpi_targets.csv:{len(lines) + 1}: column year: duplicate key (first at line 6)"
    )


def test_import_runs_no_system_checks_but_still_accepts_skip_checks(tmp_path: Path) -> None:
    assert "imported" in run_import(copy_fixture("tiny", tmp_path), "--skip-checks")
