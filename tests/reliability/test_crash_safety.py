"""Crash safety: an import killed with SIGKILL halfway leaves the database exactly as before.

A real `clustermonitor import` runs in a subprocess against a real database (an SQLite
file, or a PostgreSQL database of its own), already holding the tiny fixture. Once the
import's transaction has written rows, it is killed without a chance to clean up; an
export afterwards must be byte-identical to the export before.
"""

import signal
import time
from pathlib import Path

import pytest
from benchmarks.generate import generate

from tests.conftest import FIXTURES

from .dbprocess import export_files, fresh_database, run, start, writing

pytestmark = pytest.mark.django_db  # only to read which database the suite runs on


def test_an_import_killed_halfway_leaves_the_database_as_before(tmp_path: Path) -> None:
    big = tmp_path / "big"
    generate(big, projects=3000, seed=7)
    with fresh_database(tmp_path) as env:
        run(env, "import", str(FIXTURES / "tiny"), "--quiet")
        before = export_files(env, tmp_path / "before")
        assert before["clusters.csv"].count(b"\n") > 1  # the database is not empty

        process = start(env, "import", str(big), "--quiet")
        try:
            deadline = time.monotonic() + 120
            while not writing(env):
                assert process.poll() is None, f"the import ended before writing: {process.communicate()}"
                assert time.monotonic() < deadline, "the import never started writing"
                time.sleep(0.05)
            time.sleep(0.5)  # well inside the transaction: rows of several files written
            assert process.poll() is None, "the import finished before it could be killed"
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()
        assert process.returncode == -signal.SIGKILL

        after = export_files(env, tmp_path / "after")  # the database opens and reads: no lock left
        assert after == before
