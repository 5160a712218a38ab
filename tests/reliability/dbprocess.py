"""A real, separate database for tests that run `clustermonitor` in subprocesses.

The pytest database lives inside a transaction (or in memory, on SQLite) that another
process cannot see, so these tests give each run its own database: an SQLite file under
the test's temporary folder, or, when the suite runs on PostgreSQL, a database of its own
on the same server (created, migrated, and dropped afterwards).
"""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
CLUSTERMONITOR = [sys.executable, "-m", "clustermonitor"]


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _server_url() -> str:
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as admin:
        admin.execute(sql)  # type: ignore[arg-type]


@contextmanager
def fresh_database(folder: Path) -> Iterator[dict[str, str]]:
    """The environment of `clustermonitor` subprocesses on a new, migrated, empty database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.pop("DEBUG", None)
    if not on_postgres():
        env["DATABASE_URL"] = f"sqlite:///{folder / f'db-{uuid.uuid4().hex[:8]}.sqlite3'}"
        run(env, "migrate", "--verbosity", "0")
        yield env
        return
    name = f"reliability_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = f"{_server_url()}/{name}"
    try:
        run(env, "migrate", "--verbosity", "0")
        yield env
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*CLUSTERMONITOR, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    if check and done.returncode != 0:
        raise AssertionError(f"clustermonitor {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLUSTERMONITOR, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def writing(env: dict[str, str]) -> bool:
    """Has some transaction of this database written anything yet (and not ended)?"""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///") + "-journal").exists()
    import psycopg

    with psycopg.connect(url, autocommit=True) as probe:
        row = probe.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
        ).fetchone()
    return bool(row and row[0])


def export_files(env: dict[str, str], folder: Path) -> dict[str, bytes]:
    """`clustermonitor export` into FOLDER, as {file name: content}."""
    run(env, "export", str(folder))
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
