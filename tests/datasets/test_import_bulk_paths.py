"""The import's bulk paths leave the database as a row-by-row import would.

Loading an empty table, SQLite builds the secondary indexes after the rows (dbutil
`indexes_built_after`); the kept ledger balances are written once per import; composite-key
files are inserted as plain rows. Whatever happens, the schema is the migrated one.
"""

import gc
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from clustermonitor.budget.balances import balances_differences
from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.datasets.dbutil import key_is_unique
from clustermonitor.datasets.files import IMPORTS
from clustermonitor.datasets.importer import cyclic_gc_paused
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


def test_batches_into_an_empty_table_keep_lines_and_find_keys_given_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file loading an empty table inserts each batch without looking its keys up
    (`upsert.write_batch`); a key an earlier batch wrote is still refused at its line, with
    the first line named, and every other error is reported once."""
    folder = copy_fixture("flanders-small", tmp_path)
    count = len((folder / "ledger.csv").read_text(encoding="utf-8").splitlines())
    second = (folder / "ledger.csv").read_text(encoding="utf-8").splitlines()[1]
    new = 'BL9999998,2017-02-10,2017,commitment,ibn,BIOPACK,,0.01,"committed"'
    append_to(folder, "ledger.csv", second, new, new)
    expected = [
        f"ledger.csv:{count + 1}: column id: duplicate key (first at line 2)",
        f"ledger.csv:{count + 3}: column id: duplicate key (first at line {count + 2})",
    ]
    assert import_errors(folder) == expected  # one batch: the keys found within it
    monkeypatch.setattr("clustermonitor.datasets.importer.BATCH_SIZE", 100)
    assert import_errors(folder) == expected  # eleven: the first one found in the table
    assert not LedgerEntry.objects.exists()


def test_batches_into_an_empty_table_map_each_row_to_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows inserted with keys drawn before the insert (`dbutil.new_keys`) get them in file
    order, and the line map maps them back (next test)."""
    monkeypatch.setattr("clustermonitor.datasets.importer.BATCH_SIZE", 100)
    folder = copy_fixture("flanders-small", tmp_path)
    run_import(folder)
    assert LedgerEntry.objects.count() == 1042 and balances_differences() == []
    assert list(LedgerEntry.objects.order_by("pk").values_list("ref", flat=True)) == [
        line.split(",")[0] for line in (folder / "ledger.csv").read_text(encoding="utf-8").splitlines()[1:]
    ]


def test_a_replay_finding_beyond_the_first_batch_names_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("clustermonitor.datasets.importer.BATCH_SIZE", 100)
    folder = copy_fixture("flanders-small", tmp_path)
    count = len((folder / "ledger.csv").read_text(encoding="utf-8").splitlines())
    append_to(folder, "ledger.csv", 'BL9999997,2024-12-30,2024,payment,ibn,BIOPACK,,99999999.00,"too much"')
    errors = import_errors(folder)
    assert len(errors) == 1 and errors[0].startswith(f"ledger.csv:{count + 1}: column amount: payments ("), (
        errors
    )


def test_every_file_key_is_one_the_database_enforces() -> None:
    """What lets an empty table be loaded without key look-ups (`upsert.write_batch`); a
    file whose key were not enforced would take the look-ups, correct but slower."""
    assert [h.spec.name for h in IMPORTS if not key_is_unique(h.model, h.key_fields)] == []
    assert not key_is_unique(LedgerEntry, ("date",))


def test_the_cycle_collector_is_off_inside_and_as_it_was_after() -> None:
    """`cyclic_gc_paused`: the import's millions of objects hold no cycles worth the
    collector's walks; it is restored as it was, also when the import fails."""
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("the import failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


def test_an_import_refused_or_not_leaves_the_collector_on(tmp_path: Path) -> None:
    folder = copy_fixture("flanders-small", tmp_path)
    append_to(folder, "ledger.csv", 'BL9999999,2018-02-10,2018,payment,ibn,NOPE,,0.50,"unknown cluster"')
    assert import_errors(folder)
    assert gc.isenabled()
    run_import(copy_fixture("flanders-small", tmp_path / "again"))
    assert gc.isenabled()
