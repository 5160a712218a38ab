"""Import into a database that holds data: upsert, --replace, closed years, the append-only ledger."""

from io import StringIO

import pytest
from django.core.management import call_command

from clustermonitor.budget.models import Budget, Cofinancing, LedgerEntry
from clustermonitor.datasets import contract
from clustermonitor.projects.models import Project
from tests.datasets.helpers import (
    append_to,
    copy_fixture,
    import_errors,
    replace_in,
    run_import,
    snapshot,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(tmp_path):
    """The tiny dataset, imported; returns a writable copy of its folder for the next import."""
    folder = copy_fixture("tiny", tmp_path)
    run_import(folder)
    return folder


def test_reimport_of_the_same_dataset_changes_nothing(stored):
    before = snapshot()
    out = run_import(stored)
    assert "ledger.csv: unchanged 7" in out
    assert "created" not in out and "updated" not in out
    assert snapshot() == before


def test_changed_rows_are_updated_and_missing_rows_stay(stored):
    replace_in(stored, "projects.csv", "P6,NET,Training,", "P6,NET,Training and jobs,")
    (stored / "cofinancing.csv").unlink()

    out = run_import(stored)

    assert "projects.csv: updated 1, unchanged 5" in out
    assert Project.objects.get(ref="P6").title == "Training and jobs"
    assert Cofinancing.objects.count() == 1


def test_replace_removes_rows_the_dataset_lacks_but_never_ledger_entries(stored):
    (stored / "cofinancing.csv").write_text("cluster,year,amount\n", encoding="utf-8")
    (stored / "ledger.csv").write_text(
        "id,date,year,kind,envelope,cluster,project,amount,note\n", encoding="utf-8"
    )

    out = run_import(stored, "--replace")

    assert "cofinancing.csv: deleted 1" in out
    assert Cofinancing.objects.count() == 0
    assert LedgerEntry.objects.count() == 7


def test_replace_keeps_rows_of_closed_years(stored):
    replace_in(stored, "budgets.csv", "2017,ibn,300000.00,\n", "")
    run_import(stored, "--replace")
    assert Budget.objects.filter(year=2017, envelope="ibn").exists()


def test_dry_run_validates_and_writes_nothing(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    out = run_import(folder, "--dry-run")
    assert "ledger.csv: created 7" in out
    assert "dry run" in out
    assert LedgerEntry.objects.count() == 0 and Project.objects.count() == 0


def test_a_closed_year_refuses_changed_rows(stored):
    replace_in(stored, "budgets.csv", "2017,ibn,300000.00", "2017,ibn,310000.00")
    before = snapshot()
    errors = import_errors(stored)
    assert errors == [
        "budgets.csv:4: column year: 2017 is closed (on 2018-03-01): its figures are definitive; "
        "nothing of it may change"
    ]
    assert snapshot() == before


def test_a_closed_year_refuses_new_rows(stored):
    append_to(stored, "clusters.csv", "NEW,New cluster,spearhead,,2017-01-01,2017,2026")
    append_to(stored, "allocations.csv", "2017,NEW,spearhead_projects,1.00,")
    errors = import_errors(stored)
    assert errors == [
        "allocations.csv:9: column year: 2017 is closed (on 2018-03-01): its figures are definitive; "
        "nothing of it may change"
    ]


def test_a_closed_year_cannot_be_reopened(stored):
    replace_in(stored, "years.csv", "2017,closed,2018-03-01", "2017,open,")
    assert import_errors(stored)[0].startswith("years.csv:2: column year: 2017 is closed")


def test_no_new_ledger_entry_on_a_closed_year(stored):
    append_to(stored, "ledger.csv", "L8,2018-01-05,2017,payment,spearhead_operation,VIL,,1.00,")
    assert import_errors(stored)[0].startswith("ledger.csv:9: column year: 2017 is closed")


def test_a_stored_ledger_entry_cannot_change(stored):
    replace_in(
        stored,
        "ledger.csv",
        "L7,2018-02-10,2018,payment,spearhead_operation,VIL,,250000.00,",
        "L7,2018-02-10,2018,payment,spearhead_operation,VIL,,250000.01,",
    )
    before = snapshot()
    errors = import_errors(stored)
    assert errors == [
        "ledger.csv:8: column -: entry L7 is stored with other values: the ledger is append-only, "
        "book a correcting entry instead"
    ]
    assert snapshot() == before


def test_an_update_that_breaks_stored_rows_is_refused(stored):
    """Shortening VIL's pact puts a stored commitment outside it, in a file that lacks it."""
    (stored / "ledger.csv").write_text("id,date,year,kind,envelope,cluster,project,amount,note\n")
    replace_in(
        stored,
        "clusters.csv",
        "VIL,VIL,spearhead,logistics,2016-10-27,2017,2026",
        "VIL,VIL,spearhead,logistics,2016-10-27,2018,2026",
    )
    errors = import_errors(stored)
    assert "allocations.csv:2: column year: 2017 is outside the pact years of VIL (2018–2026)" in errors
    assert any(e.startswith("ledger.csv:0: column year: stored row L1:") for e in errors), errors


def test_correction_by_a_new_entry_is_accepted(stored):
    append_to(
        stored, "ledger.csv", "L8,2018-03-01,2018,decommitment,spearhead_projects,CAT,P2,500000.00,correction"
    )
    run_import(stored)
    assert LedgerEntry.objects.count() == 8


def test_bom_blank_lines_and_multiline_cells(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    path = folder / "projects.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("P2,CAT,Green polymers,", 'P2,CAT,"Green\npolymers",') + "\n\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    replace_in(folder, "projects.csv", "2017-04-01,rejected,2017-06-15", "2017-04-01,rejected,2017-03-15")
    # P4 starts on line 6 (P2's title spans lines 3-4)
    assert import_errors(folder) == [
        "projects.csv:6: column decided_on: 2017-03-15 is before submitted_on 2017-04-01"
    ]


def test_unknown_files_are_ignored_with_a_warning(tmp_path, capsys):
    folder = copy_fixture("tiny", tmp_path)
    (folder / "notes.txt").write_text("hello")
    from io import StringIO

    err = StringIO()
    call_command("import", str(folder), "--quiet", "--lang", "en", stdout=StringIO(), stderr=err)
    assert "warning: notes.txt: not a contract file, ignored" in err.getvalue()


def test_builtin_project_types_apply_without_the_file(stored):
    from clustermonitor.projects.models import ProjectType

    assert ProjectType.objects.count() == 12
    assert ProjectType.objects.get(code="cSBO").earmarked_eligible


def test_verbose_import_says_where_its_time_went_in_the_chosen_language(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    out = run_import(folder, "--dry-run", "-v", "2")
    timings = [line for line in out.splitlines() if line.endswith(" s")]
    phases = [line.split(":")[0] for line in timings]
    assert phases == [spec.name for spec in contract.FILES] + ["cross-row rules", "project tallies", "commit"]
    assert all(float(line.split(": ")[1].removesuffix(" s")) >= 0 for line in timings)
    dutch = StringIO()
    call_command("import", str(folder), "--quiet", "--dry-run", "-v", "2", "--lang", "nl", stdout=dutch)
    assert "regels over meerdere rijen: " in dutch.getvalue()
    assert "projecttellingen: " in dutch.getvalue()
    assert "transactie afsluiten: " in dutch.getvalue()
    assert "cross-row" not in run_import(folder, "--dry-run")  # only when asked
