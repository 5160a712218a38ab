"""The console script's start-up: a report or an answer loads only what its format needs,
the embedded database is migrated once, not on every command, and the garbage collector
that start-up turns off runs again once it is done."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import django
import pytest

from clustermonitor.__main__ import main, schema_up_to_date

# drf_spectacular itself is an installed app (its Swagger UI template); its schema generator is the heavy part.
HEAVY = ("matplotlib", "weasyprint", "openpyxl", "xlsxwriter", "drf_spectacular.openapi", "rest_framework")

PROBE = """
import sys
from clustermonitor.__main__ import main
try:
    main(["clustermonitor", *sys.argv[1:]])
finally:
    print("LOADED", *sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    probe = PROBE.format(heavy=HEAVY)
    return subprocess.run([sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True)


def loaded(done: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return line.split()[1:]


def test_a_json_or_csv_report_loads_no_chart_pdf_spreadsheet_or_api_library(tmp_path: Path) -> None:
    for fmt in ("json", "csv", "md"):
        done = run(tmp_path, "report", "budget-overview", "--year", "2018", "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert loaded(done) == []


def test_an_xlsx_report_loads_its_spreadsheet_writer_only(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    done = run(
        tmp_path, "report", "budget-overview", "--year", "2018", "--format", "xlsx", "--output", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert "xlsxwriter" in loaded(done)
    assert not {"weasyprint", "openpyxl", "drf_spectacular.openapi", "rest_framework"} & set(loaded(done))
    assert out.read_bytes()[:2] == b"PK"


def test_an_answer_loads_only_what_its_format_draws_with(tmp_path: Path) -> None:
    """Markdown draws no chart; Word draws its charts (matplotlib) but prints no PDF; none
    runs the system checks (they would import the URLs, the API and its schema)."""
    markdown = run(tmp_path, "answer", "--year", "2018")
    assert markdown.returncode == 0, markdown.stderr
    assert loaded(markdown) == []
    out = tmp_path / "a.docx"
    word = run(tmp_path, "answer", "--year", "2018", "--format", "docx", "--output", str(out))
    assert word.returncode == 0, word.stderr
    assert "matplotlib" in loaded(word)
    assert not {"weasyprint", "openpyxl", "drf_spectacular.openapi", "rest_framework"} & set(loaded(word))


def test_the_embedded_database_is_migrated_by_the_first_command_only(tmp_path: Path) -> None:
    first = run(tmp_path, "report", "budget-overview", "--year", "2018")
    assert first.returncode == 0, first.stderr
    probe = (
        "import django, sys; django.setup(); from clustermonitor.__main__ import schema_up_to_date; "
        "print(schema_up_to_date())"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "clustermonitor.settings",
    }
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr


@pytest.mark.django_db
def test_the_test_database_counts_as_up_to_date() -> None:
    assert schema_up_to_date()


@pytest.mark.django_db
def test_an_unrecorded_migration_asks_for_migrate() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'budget'")
    assert not schema_up_to_date()


def test_the_garbage_collector_runs_again_after_start_up(capsys: pytest.CaptureFixture[str]) -> None:
    """Start-up freezes what it loaded with the collector off; what follows (an import of a
    million rows) must be collected as usual, also when start-up failed."""

    def broken() -> None:
        raise RuntimeError("broken settings")

    try:
        main(["clustermonitor", "help"])
        assert gc.isenabled()
        assert "report" in capsys.readouterr().out
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(django, "setup", broken)
            with pytest.raises(RuntimeError, match="broken settings"):
                main(["clustermonitor", "help"])
        assert gc.isenabled()
    finally:
        gc.unfreeze()  # this test process's objects go back to the collector
