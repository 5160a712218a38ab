"""`clustermonitor export` to a path it must not or cannot write: a message and exit 1,
no traceback, nothing overwritten."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "datapackage"])
def test_an_existing_file_is_refused_and_kept(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "backup.xlsx"
    target.write_text("mine")

    with pytest.raises(CommandError, match="already exists: give a new name, or delete it first"):
        call_command("export", str(target), "--format", fmt, stdout=StringIO())
    assert target.read_text() == "mine"


def test_a_path_it_cannot_write_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")  # a folder cannot be made inside a file, even by root

    with pytest.raises(CommandError, match=r"cannot write .*a-file"):
        call_command("export", str(tmp_path / "a-file" / "backup"), stdout=StringIO())


def test_the_console_script_ends_with_the_message_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "backup.xlsx").write_text("mine")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    script = Path(sys.executable).parent / "clustermonitor"

    done = subprocess.run(
        [str(script), "export", str(tmp_path / "backup.xlsx"), "--format", "xlsx"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 1
    assert done.stderr.startswith("CommandError:") and "already exists" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_new_folder_is_written(tmp_path: Path) -> None:
    call_command("export", str(tmp_path / "new"), stdout=StringIO())

    assert (tmp_path / "new" / "clusters.csv").exists()
