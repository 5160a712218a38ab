"""`clustermonitor report`: options checked per reports.md, errors as CommandError (exit 1)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from clustermonitor.reports.management.commands.report import Command

pytestmark = pytest.mark.django_db


def report(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_writes_json_to_standard_output_by_default(world) -> None:
    data = json.loads(report("budget-overview", "--year", "2018", "--as-of", "2018-06-30"))

    assert (data["year"], data["as_of"]) == (2018, "2018-06-30")
    assert data["envelopes"][1]["committed"] == "5250000.00"


def test_pact_resources_takes_a_cluster_and_no_year(world) -> None:
    data = json.loads(report("pact-resources", "--cluster", "NET"))

    assert data["year"] is None
    assert [c["cluster"] for c in data["clusters"]] == ["NET"]


def test_output_goes_to_a_file(world, tmp_path: Path) -> None:
    target = tmp_path / "overview.md"

    assert report("kpi-status", "--year", "2018", "--format", "md", "--output", str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith("# kpi-status 2018")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["budget-overview"], "budget-overview needs --year"),
        (["pact-resources", "--year", "2018"], "does not take --year"),
        (
            ["cluster-overview", "--year", "2018", "--cluster", "VIL"],
            "--cluster is accepted by pact-resources only",
        ),
        (["pact-resources", "--cluster", "NOPE"], "unknown cluster: NOPE"),
        (["balance-sheet", "--year", "2018"], "unknown report 'balance-sheet'"),
        (["budget-overview", "--year", "18"], "--year: '18' is not a four-digit year"),
        (
            ["budget-overview", "--year", "2018", "--as-of", "30/06/2018"],
            "--as-of: '30/06/2018' is not a date YYYY-MM-DD",
        ),
        (
            ["budget-overview", "--year", "2018", "--as-of", "2018-02-30"],
            "--as-of: '2018-02-30' is not a date YYYY-MM-DD",
        ),
        (
            ["budget-overview", "--year", "2018", "--format", "xlsx"],
            "this format is binary: give --output FILE",
        ),
        (["budget-overview", "--year", "2018", "--output", "/no/such/folder/x.json"], "cannot write"),
    ],
)
def test_refused_options_are_command_errors(world, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        report(*args)


def test_help_lists_every_report_and_option() -> None:
    text = Command().create_parser("clustermonitor", "report").format_help()

    for word in (
        "budget-overview",
        "pact-resources",
        "kpi-status",
        "--year",
        "--cluster",
        "--as-of",
        "--output",
    ):
        assert word in text
    assert "question 2a" in text


def test_the_console_script_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    script = Path(sys.executable).parent / "clustermonitor"

    done = subprocess.run(
        [str(script), "report", "pact-resources", "--year", "2018"], env=env, capture_output=True, text=True
    )

    assert done.returncode == 1
    assert "pact-resources covers the whole pact and does not take --year" in done.stderr
