"""SQLite serialises writers: twenty racing bookings queue up instead of failing.

Each booking's first statement is a write, which takes SQLite's one write lock before
any balance is read (see `budget.services`). Run against a SQLite file in a subprocess,
whatever database the rest of the suite uses.
"""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_twenty_racing_bookings_on_sqlite_queue_up_and_stay_within_the_budget(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "tests.budget.sqlite_race", str(tmp_path / "race.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    summary = json.loads(finished.stdout.strip().splitlines()[-1])
    outcomes = summary["outcomes"]
    assert set(outcomes) <= {"booked", "refused"}, outcomes  # never "database is locked"
    assert 12 <= outcomes.count("booked") <= 14
    assert Decimal(summary["committed"]) <= Decimal("1000000.00")
