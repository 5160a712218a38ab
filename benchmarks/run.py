"""`make bench`: import and report benchmarks, each against a baseline measured in the same run.

Settings (environment):
  BENCH_SIZES      projects per dataset, default 10000,200000,1000000
  BENCH_DATABASES  sqlite,postgres (default: both; postgres only when it answers)
  BENCH_PG_URL     server to create the benchmark databases on, default postgres://postgres@127.0.0.1:5432
  BENCH_DB_PREFIX  name prefix of those databases (PREFIX_N, PREFIX_copy_N), default bench
  BENCH_CLI        set to 0 to skip the whole-process timings (each report, start-up, answer documents)
  BENCH_ANSWER     set to 0 to skip the answer documents alone
  BENCH_YEAR       the year the yearly reports are asked for, default 2022
  BENCH_REPEAT     timed runs per report at least (best kept, after one warm-up), default 3;
                   a report or query of a few ms runs up to 25 times (benchmarks/reports_worker.py)
  BENCH_NO_RESULTS set to 1 to print only, without writing benchmarks/RESULTS.md
  BENCH_KEEP       set to 1 to keep the benchmark databases (bench_N, benchmarks/data/*.sqlite3)
  BENCH_WEB_SIZE   the dataset size the web benchmark serves, default 200000 (0: no web benchmark;
                   skipped when that size is not in BENCH_SIZES)
  BENCH_WEB_SECONDS, BENCH_WEB_WARMUP  seconds measured (default 6) and warmed up (default 2) per
                   page and number of clients (1, 10, 50)
  BENCH_WEB_WORKERS gunicorn workers, default 2 x cores + 1

Duration of the default run on a quiet 2-core machine (2026-12-05, datasets already
generated; generating the 1M one the first time adds ≈ 30 s): ≈ 13 min in all:
`benchmarks.run` 12.5 min (the answer documents and 10k ≈ 1 min, 200k ≈ 5.5 min of which
the web benchmark ≈ 3.3 min, 1M ≈ 2.8 min on SQLite and ≈ 3.7 min on PostgreSQL), then
`benchmarks.questions` ≈ 30 s. On a machine busy with other work it took up to 28 min
(2026-11-27, a slower import then). To stay well under
30 min there: BENCH_WEB_SECONDS=3, BENCH_REPEAT=2, or BENCH_DATABASES=postgres.

Datasets are generated once by `benchmarks.generate` (seed 1) and cached under
benchmarks/data/ (git-ignored). Every measure is printed beside its baseline:
- import (wall time, peak RSS) vs PostgreSQL COPY of the same CSV files into plain tables
  (on SQLite: one executemany per file into plain tables, in one transaction);
- each report (`report_build`) vs one hand-written SQL query on the same tables, and vs
  DuckDB computing the same figures straight from the CSV files (load + GROUP BY);
- growth per 10x of data;
- the CLI start-up and the drafted answer (md, docx, pdf) as whole processes, wall and CPU
  time (user + sys, what to compare on a shared machine), beside `python -c pass` and
  `import django; django.setup()` timed in the same run;
- the web app under 1, 10 and 50 concurrent clients (benchmarks/web.py): the dashboard and a
  report call, served by gunicorn, p50/p95 latency and requests/s, with the figures cache
  as deployed and (1 and 10 clients) with it off. The reports themselves are timed with
  the cache off: they measure the computation.
"""

import compileall
import csv
import itertools
import json
import math
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import web
from benchmarks.generate import generate
from benchmarks.queries import DUCKDB_FILES, duckdb_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
LAST_OUTPUT = DATA / "last-output.txt"  # what the last `clustermonitor` command printed
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
GENERATOR_VERSION = "v2"  # bump when benchmarks/generate.py changes its output

REPORT_RATIO_TARGET = 1.5
REPORT_TARGET_S = 0.2  # every report in-process at the largest size
REPORT_GROWTH_TARGET = 2.0  # per 10x of data
IMPORT_RATIO_TARGET = 5.0  # x COPY on PostgreSQL, x executemany on SQLite
MEMORY_TARGET_MB = 500
FULL_SET_TARGET_S = 2.0
FULL_SIZE = 1_000_000
START_UP_TARGET_S = 0.3
EMPTY_YEAR = 1999  # no data in any generated dataset: a report of it is the CLI's start-up
ANSWER_TARGETS_S = {"md": 1.0, "docx": 2.0, "pdf": 3.0}  # the drafted answer, demo database
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "bench")

# One plain table per contract file: the COPY baseline. Column types as the data's.
PLAIN = {
    "clusters": "code text, name text, type text, domain text, recognised_on date, pact_start_year int, "
    "pact_end_year int",
    "years": "year int, status text, closed_on date",
    "budgets": "year int, envelope text, amount numeric(15,2), source text",
    "allocations": "year int, cluster text, envelope text, amount numeric(15,2), decided_on date",
    "projects": "ref text, cluster text, title text, type text, channel text, instrument text, "
    "submitted_on date, status text, decided_on date, total_cost numeric(15,2), "
    "requested_support numeric(15,2), granted_support numeric(15,2)",
    "ledger": "id text, date date, year int, kind text, envelope text, cluster text, project text, "
    "amount numeric(15,2), note text",
    "kpis": "code text, name text, unit text, kind text, direction text, computed_from text",
    "kpi_targets": "cluster text, kpi text, year int, target numeric",
    "kpi_results": "cluster text, kpi text, year int, value numeric, reported_on date, source text",
}


@dataclass
class Run:
    size: int
    database: str
    import_s: float = 0.0
    import_phases: dict[str, float] = field(default_factory=dict)  # `import -v 2`
    parse_floor_s: float = 0.0  # `benchmarks.parse_floor`: read and parse, no database
    import_mb: float = 0.0
    import_ok: bool = False
    baseline_s: float = 0.0
    reports: dict[str, dict[str, float]] = field(default_factory=dict)
    full_set_s: float = 0.0
    web_results: list[web.WebResult] = field(default_factory=list)
    web_error: str = ""
    cli: dict[str, float] = field(default_factory=dict)  # report -> whole process (s)
    start_up_s: float = 0.0  # a report of a year without data, whole process (wall)
    start_up_cpu: float = 0.0  # the same, CPU time (user + sys)
    floor_s: float = 0.0  # `import django; django.setup()` alone, whole process
    floor_cpu: float = 0.0
    python_s: tuple[float, float] = (0.0, 0.0)  # `python -c pass`: wall, CPU


def log(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def dataset(size: int) -> Path:
    folder = DATA / f"p{size}-s1-{GENERATOR_VERSION}"
    stamp = folder / ".complete"
    if not stamp.exists():
        log(f"generating {size} projects into {folder.relative_to(ROOT)}")
        generate(folder, size, seed=1)
        stamp.touch()
    return folder


def pg_server() -> str | None:
    url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    try:
        import psycopg

        with psycopg.connect(f"{url}/postgres", connect_timeout=3):
            return url
    except Exception:
        return None


def pg_admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(sql)  # type: ignore[arg-type]


def environment(url: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="clustermonitor.settings")
    env.pop("DEBUG", None)
    return env


def clustermonitor(env: dict[str, str], *args: str) -> tuple[float, float, int, str]:
    """Run a command; its wall time (s), peak RSS (MB), exit status and stderr tail (its CPU
    time: `timed`; its output: `import_phases`).

    The peak is the child's own high-water mark (VmHWM), read every 50 ms while it runs:
    `ru_maxrss` from wait4 is not, because Linux carries the parent's high-water mark over
    fork and exec, so a runner that had loaded the DuckDB data reported its own size.
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "clustermonitor", *args],
            env=env,
            cwd=ROOT,
            stdout=LAST_OUTPUT.open("wb"),
            stderr=stderr,
        )
        peak_kb = 0
        while process.poll() is None:
            peak_kb = max(peak_kb, _high_water_kb(process.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        stderr.seek(0)
        error = stderr.read()
    return wall, peak_kb / 1024, process.returncode, error.decode(errors="replace")[-2000:]


def import_phases() -> dict[str, float]:
    """The phases `import -v 2` printed last (`ledger.csv: 12.34 s`): files, rules, commit."""
    phases = {}
    for line in LAST_OUTPUT.read_text().splitlines():
        what, _, seconds = line.rpartition(": ")
        if seconds.endswith(" s"):
            phases[what] = float(seconds.removesuffix(" s"))
    return phases


def parse_floor(folder: Path) -> float:
    """CPU seconds to read and parse every cell of the dataset, no database (`parse_floor`)."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.parse_floor", str(folder)],
        env=dict(os.environ, DJANGO_SETTINGS_MODULE="clustermonitor.settings"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split()[0])


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a whole process; its wall time and its CPU time (user + sys), both in seconds.

    CPU time is what to compare on a shared machine: other people's work stretches the
    wall time of every process far more than the CPU time the process itself needs.
    """
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            stderr.seek(0)
            tail = stderr.read().decode(errors="replace").strip()[-300:]
            raise RuntimeError(f"{' '.join(command[-7:])} failed: {tail}")
    return wall, usage.ru_utime + usage.ru_stime


def best_of(command: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    """The best wall time and the best CPU time of `repeat` runs, after one warm-up run."""
    runs = [timed(command, env) for _ in range(repeat + 1)][1:]
    return min(wall for wall, _cpu in runs), min(cpu for _wall, cpu in runs)


def _high_water_kb(pid: int) -> int:
    """The process's peak resident set so far (kB), 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def fresh_database(database: str, size: int, server: str | None) -> str:
    if database == "sqlite":
        path = DATA / f"bench-{size}.sqlite3"
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        assert server is not None
        name = f"{DB_PREFIX}_{size}"
        pg_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_admin(server, f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    _, _, status, error = clustermonitor(environment(url), "migrate", "--verbosity", "0", "--skip-checks")
    if status:
        raise RuntimeError(f"migrate failed: {error}")
    return url


def drop_database(database: str, size: int, server: str | None) -> None:
    """The benchmark's databases go once measured (BENCH_KEEP=1 keeps them)."""
    if os.environ.get("BENCH_KEEP"):
        return
    if database == "sqlite":
        Path(DATA / f"bench-{size}.sqlite3").unlink(missing_ok=True)
    elif server is not None:
        pg_admin(server, f'DROP DATABASE IF EXISTS "{DB_PREFIX}_{size}" WITH (FORCE)')


def copy_baseline(folder: Path, database: str, size: int, server: str | None) -> float:
    """Load the CSV files into plain tables the database's fastest way; seconds."""
    files = {name: folder / f"{name}.csv" for name in PLAIN if (folder / f"{name}.csv").exists()}
    if database == "postgres":
        import psycopg

        assert server is not None
        name = f"{DB_PREFIX}_copy_{size}"
        pg_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_admin(server, f'CREATE DATABASE "{name}"')
        try:
            start = time.perf_counter()
            with psycopg.connect(f"{server}/{name}") as conn, conn.cursor() as cursor:
                for table, path in files.items():
                    cursor.execute(f"CREATE TABLE {table} ({PLAIN[table]})")  # type: ignore[arg-type]
                    copy_sql = f"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"
                    with cursor.copy(copy_sql) as copy, path.open("rb") as handle:  # type: ignore[arg-type]
                        while chunk := handle.read(1 << 20):
                            copy.write(chunk)
                conn.commit()
            return time.perf_counter() - start
        finally:
            pg_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    path = DATA / f"bench-copy-{size}.sqlite3"
    path.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    for table, csv_path in files.items():
        definition = PLAIN[table].replace("numeric(15,2)", "numeric")
        columns = definition.count(",") + 1
        conn.execute(f"CREATE TABLE {table} ({definition})")
        with csv_path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            next(rows)
            conn.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * columns)})", rows)
    conn.commit()
    conn.close()
    elapsed = time.perf_counter() - start
    path.unlink(missing_ok=True)
    return elapsed


def report_times(url: str, year: int, repeat: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.reports_worker", str(year), str(repeat)],
        env=environment(url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def best_wall(env: dict[str, str], args: list[str], repeat: int) -> float:
    """The best wall time of a whole `clustermonitor` process (after one warm-up run)."""
    return best_of([sys.executable, "-m", "clustermonitor", *args], env, repeat)[0]


def baselines(env: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    """The floors a whole process is measured against, in the same run: the interpreter
    alone, and Django set up with every installed app (no command, no query)."""
    return {
        "python": best_of([sys.executable, "-c", "pass"], env, repeat),
        "django": best_of([sys.executable, "-c", "import django; django.setup()"], env, repeat),
    }


def cli_times(run: Run, url: str, year: int, repeat: int) -> None:
    """Each report as a whole CLI process (JSON), the start-up alone, and Django's floor."""
    env = environment(url)
    for name in DUCKDB_FILES:
        args = ["report", name, "--format", "json"]
        args += [] if name == "pact-resources" else ["--year", str(year)]
        run.cli[name] = best_wall(env, args, repeat)
    start_up = ["report", "budget-overview", "--year", str(EMPTY_YEAR), "--format", "json"]
    run.start_up_s, run.start_up_cpu = best_of(
        [sys.executable, "-m", "clustermonitor", *start_up], env, repeat
    )
    floors = baselines(env, repeat)
    (run.floor_s, run.floor_cpu), run.python_s = floors["django"], floors["python"]


def answer_times(repeat: int) -> dict[str, tuple[float, float]]:
    """The drafted answer to question 228 (year 2018) per format, whole process, demo
    database, as (best wall, best CPU); beside them the same run's floors (`baselines`)."""
    path = DATA / "demo.sqlite3"
    env = environment(f"sqlite:///{path}")
    env["REPORT_CACHE_SECONDS"] = "0"  # the reports are computed, not taken from the figures cache
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        _, _, status, error = clustermonitor(env, "demo", "--no-input")
        if status:
            raise RuntimeError(f"demo failed: {error.strip()[-300:]}")
    result = baselines(env, repeat)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ANSWER_TARGETS_S:
            output = str(Path(folder) / f"answer.{fmt}")
            args = ["answer", "--year", "2018", "--format", fmt, "--output", output]
            result[fmt] = best_of([sys.executable, "-m", "clustermonitor", *args], env, repeat)
    return result


def duckdb_times(folder: Path, year: int, repeat: int) -> dict[str, dict[str, float]]:
    """Per report: the whole process (connect, load the files, query) and the query alone."""
    import duckdb

    result = {}
    for name, files in DUCKDB_FILES.items():
        start = time.perf_counter()
        conn = duckdb.connect()
        for table in files:
            path = folder / f"{table}.csv"
            conn.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true)")
        query = duckdb_text(name, year)
        conn.execute(query).fetchall()
        whole = time.perf_counter() - start
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            conn.execute(query).fetchall()
            times.append(time.perf_counter() - start)
        conn.close()
        result[name] = {"whole": whole, "query": min(times)}
    return result


def per_10x(small: float, big: float, small_n: int, big_n: int) -> float:
    """How many times longer per 10x more data (10 = linear)."""
    if small <= 0:
        return float("nan")
    return (big / small) ** (1 / math.log10(big_n / small_n))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{memory_kb / 1024**2:.0f} GB RAM"
    except OSError:
        memory = "? RAM"
    pg = ""
    server = pg_server()
    if server:
        import psycopg

        with psycopg.connect(f"{server}/postgres") as conn:
            row = conn.execute("SHOW server_version").fetchone()
            pg = f", PostgreSQL {row[0] if row else '?'}"
    return (
        f"{cpus} cores ({model}), {memory}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}{pg}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,200000,1000000").split(",") if s]
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    year = int(os.environ.get("BENCH_YEAR", "2022"))
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    web_size = int(os.environ.get("BENCH_WEB_SIZE", "200000"))
    server = pg_server()
    databases = [d for d in wanted if d == "sqlite" or (d == "postgres" and server)]
    notes = [] if "postgres" not in wanted or server else ["PostgreSQL not reachable: SQLite only"]
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log(f"sizes {sizes}, databases {databases}, year {year}")
    # As installed (pip byte-compiles): with PYTHONDONTWRITEBYTECODE set, as on the team's
    # machines, every timed process would otherwise compile our sources again (~50 ms).
    compileall.compile_dir(ROOT / "src", quiet=1)

    runs: list[Run] = []
    duck: dict[int, dict[str, dict[str, float]]] = {}
    with_cli = os.environ.get("BENCH_CLI", "1") != "0"
    answers: dict[str, tuple[float, float]] = {}
    if with_cli and os.environ.get("BENCH_ANSWER", "1") != "0":
        log("answer documents on the demo database")
        try:
            answers = answer_times(repeat)
        except RuntimeError as exc:
            notes.append(f"answer documents not measured: {exc}")
    for size in sizes:
        folder = dataset(size)
        log(f"{size}: DuckDB straight from the CSV files")
        duck[size] = duckdb_times(folder, year, repeat)
        floor = parse_floor(folder)
        log(f"{size}: reading and parsing every cell, no database: {ms(floor)}")
        for database in databases:
            run = Run(size, database)
            runs.append(run)
            url = fresh_database(database, size, server)
            log(f"{size} {database}: import")
            wall, peak, status, error = clustermonitor(
                environment(url), "import", str(folder), "--quiet", "-v", "2"
            )
            run.import_s, run.import_mb, run.import_ok = wall, peak, status == 0
            run.import_phases, run.parse_floor_s = import_phases(), floor
            if status:
                log(f"import FAILED ({status}): {error}")
                notes.append(f"{size} {database}: the import failed: {error.strip().splitlines()[-1:]}")
                drop_database(database, size, server)
                continue
            log(f"{size} {database}: import {ms(wall)}, {peak:.0f} MB; baseline load")
            run.baseline_s = copy_baseline(folder, database, size, server)
            log(f"{size} {database}: reports")
            times = report_times(url, year, repeat)
            run.full_set_s = float(times.pop("full_set"))  # type: ignore[arg-type]
            run.reports = times  # type: ignore[assignment]
            log(f"{size} {database}: full set {ms(run.full_set_s)}")
            if with_cli:
                log(f"{size} {database}: each report as a whole CLI process")
                cli_times(run, url, year, repeat)
            if size == web_size:
                log(f"{size} {database}: web, gunicorn under 1, 10 and 50 clients")
                try:
                    run.web_results = web.measure(database, environment(url), year)
                except Exception as exc:  # the other measures stand; say why this one is missing
                    run.web_error = f"{type(exc).__name__}: {exc}"
                    log(f"web FAILED: {run.web_error}")
                    notes.append(f"{size} {database}: the web benchmark failed: {run.web_error}")
            drop_database(database, size, server)
    total = time.perf_counter() - started
    entry = render(runs, duck, sizes, year, total, notes, web_size, answers, repeat=repeat)
    print(entry)
    if not os.environ.get("BENCH_NO_RESULTS"):
        previous = RESULTS.read_text() if RESULTS.exists() else ""
        head, _, rest = previous.partition("\n## ")
        if not previous:
            head = (
                "# Benchmark results\n\nWritten by `make bench` (`benchmarks/run.py`); newest entry first.\n"
            )
        RESULTS.write_text(head.rstrip() + "\n\n" + entry + ("\n## " + rest if rest else ""))
        log(f"written to {RESULTS.relative_to(ROOT)}")


def render(
    runs: list[Run],
    duck: dict[int, dict[str, dict[str, float]]],
    sizes: list[int],
    year: int,
    total: float,
    notes: list[str],
    web_size: int = 0,
    answers: dict[str, tuple[float, float]] | None = None,
    *,
    repeat: int = 3,
) -> str:
    targets: list[tuple[str, bool, str]] = []  # (what, met, detail)
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — sizes {', '.join(f'{s:,}' for s in sizes)}",
        "",
        f"Machine: {machine()}. Reports asked for year {year}; best of the timed runs after a "
        f"warm-up (at least {repeat}, up to 25 for those of a few ms).",
        f"Whole run: {ms(total)}.",
        "",
        "### Import",
        "",
        "| projects | database | import | peak RSS | baseline load | ratio "
        "| files | cross-row rules | commit | parse floor |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    largest = max(sizes)
    for run in runs:
        if not run.import_ok:
            lines.append(f"| {run.size:,} | {run.database} | failed | {run.import_mb:.0f} MB | | |")
            continue
        ratio = run.import_s / run.baseline_s if run.baseline_s else float("nan")
        base = "COPY" if run.database == "postgres" else "executemany"
        phases = dict(run.import_phases)
        rules, commit = phases.pop("cross-row rules", 0.0), phases.pop("commit", 0.0)
        lines.append(
            f"| {run.size:,} | {run.database} | {ms(run.import_s)} | {run.import_mb:.0f} MB | "
            f"{base} {ms(run.baseline_s)} | {ratio:.1f}× | {ms(sum(phases.values()))} | {ms(rules)} | "
            f"{ms(commit)} | {ms(run.parse_floor_s)} ({run.parse_floor_s / run.baseline_s:.1f}× {base}) |"
        )
        targets.append(
            (
                f"import peak memory < {MEMORY_TARGET_MB} MB ({run.size:,}, {run.database})",
                run.import_mb < MEMORY_TARGET_MB,
                f"{run.import_mb:.0f} MB",
            )
        )
        if run.size == largest:
            where = "" if largest >= FULL_SIZE else f" (at {largest:,}: 1M not run)"
            targets.append(
                (
                    f"import ≤ {IMPORT_RATIO_TARGET:.0f}× {base} ({run.database}){where}",
                    ratio <= IMPORT_RATIO_TARGET,
                    f"{ratio:.1f}×",
                )
            )

    lines += [
        "",
        "Files: each contract file read, checked and written, and the project tallies rebuilt from "
        "them; cross-row rules: allocation sums and "
        "the ledger replay; commit: the transaction's end (PostgreSQL checks its deferred foreign "
        "keys there) — as `import -v 2` prints them. Parse floor: reading the files and parsing every "
        "cell in Python with no database (`benchmarks/parse_floor.py`, CPU), the least any importer "
        "that checks each value pays.",
    ]
    lines += [
        "",
        f"### Reports (year {year}): ours vs one hand-written SQL query vs DuckDB on the CSV files",
        "",
        "| projects | database | report | ours | SQL | ratio | DuckDB whole | DuckDB query |",
        "|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        for name, times in run.reports.items():
            ratio = times["ours"] / times["sql"] if times["sql"] else float("nan")
            d = duck[run.size][name]
            lines.append(
                f"| {run.size:,} | {run.database} | {name} | {ms(times['ours'])} | {ms(times['sql'])} | "
                f"{ratio:.2f}× | {ms(d['whole'])} | {ms(d['query'])} |"
            )
            if run.size == largest:
                targets.append(
                    (
                        f"{name} ≤ {REPORT_RATIO_TARGET}× SQL ({run.database}, {run.size:,})",
                        ratio <= REPORT_RATIO_TARGET,
                        f"{ratio:.2f}×",
                    )
                )
                targets.append(
                    (
                        f"{name} ≤ {ms(REPORT_TARGET_S)} in-process ({run.database}, {run.size:,})",
                        times["ours"] <= REPORT_TARGET_S,
                        ms(times["ours"]),
                    )
                )
        if run.reports:
            lines.append(f"| {run.size:,} | {run.database} | **full set** | {ms(run.full_set_s)} | | | | |")
            if run.database == "postgres" and run.size == largest:
                where = "" if largest >= FULL_SIZE else f" (at {largest:,}: 1M not run)"
                targets.append(
                    (
                        f"full set < {FULL_SET_TARGET_S:.0f} s on PostgreSQL{where}",
                        run.full_set_s < FULL_SET_TARGET_S,
                        ms(run.full_set_s),
                    )
                )

    lines += _cli_section(runs, duck, largest, targets)
    lines += ["", "### Growth per 10× of data (10× = linear)", ""]
    lines += ["| database | measure | from → to | per 10× |", "|---|---|---|---:|"]
    by_key = {(r.database, r.size): r for r in runs if r.import_ok}
    for database in sorted({r.database for r in runs}):
        done = sorted(s for d, s in by_key if d == database)
        for small, big in itertools.pairwise(done):
            a, b = by_key[(database, small)], by_key[(database, big)]
            measures = [
                ("import", a.import_s, b.import_s),
                ("full set of reports", a.full_set_s, b.full_set_s),
            ]
            measures += [(n, a.reports[n]["ours"], b.reports[n]["ours"]) for n in a.reports]
            for what, x, y in measures:
                growth = per_10x(x, y, small, big)
                lines.append(f"| {database} | {what} | {small:,} → {big:,} | {growth:.1f}× |")
                limit = 10.0 if what in ("import", "full set of reports") else REPORT_GROWTH_TARGET
                targets.append(
                    (
                        f"{what} grows ≤ {limit:.0f}× per 10× ({database}, {small:,} → {big:,})",
                        growth <= limit,
                        f"{growth:.1f}× per 10×",
                    )
                )

    web_lines, web_targets = web.render(
        [r for run in runs for r in run.web_results], web_size if web_size in sizes else None
    )
    lines += ["", "### Web", "", *web_lines, ""]
    targets += web_targets
    lines += _answer_section(answers or {}, targets)
    missed = [t for t in targets if not t[1]]
    if notes:
        lines += ["### Notes", "", *[f"- {n}" for n in notes], ""]
    lines += ["### Targets", ""]
    lines += [f"- {'met' if ok else '**MISSED**'}: {what}: {detail}" for what, ok, detail in targets]
    lines += [
        "",
        "<!-- explain the misses here -->",
        "",
        f"targets: {len(targets)}, missed: {len(missed)}",
        "",
    ]
    return "\n".join(lines)


def _cli_section(
    runs: list[Run], duck: dict[int, dict[str, dict[str, float]]], largest: int, targets: list[Any]
) -> list[str]:
    """Each report as a whole `clustermonitor report` process beside DuckDB's whole process."""
    timed = [run for run in runs if run.cli]
    if not timed:
        return []
    lines = [
        "",
        "### Whole processes: `clustermonitor report NAME --format json` vs DuckDB loading the CSV files",
        "",
        f"Start-up: `report budget-overview --year {EMPTY_YEAR} --format json` (no data); floor: "
        "`import django; django.setup()` alone; python: `python -c pass`.",
        "",
        "| projects | database | report | CLI process | DuckDB whole | ratio |",
        "|---:|---|---|---:|---:|---:|",
    ]
    for run in timed:
        for name, wall in run.cli.items():
            whole = duck[run.size][name]["whole"]
            lines.append(
                f"| {run.size:,} | {run.database} | {name} | {ms(wall)} | {ms(whole)} | {wall / whole:.2f}× |"
            )
            if run.size == largest:
                targets.append(
                    (
                        f"{name} as a CLI process faster than DuckDB's whole process "
                        f"({run.database}, {run.size:,})",
                        wall < whole,
                        f"{ms(wall)} vs {ms(whole)}",
                    )
                )
        lines.append(
            f"| {run.size:,} | {run.database} | **start-up** | {ms(run.start_up_s)} "
            f"({ms(run.start_up_cpu)} CPU) | floor {ms(run.floor_s)} ({ms(run.floor_cpu)} CPU); "
            f"python {ms(run.python_s[0])} ({ms(run.python_s[1])} CPU) | "
            f"{run.start_up_cpu / run.floor_cpu:.2f}× floor (CPU) |"
        )
        if run.size == largest:
            targets.append(
                (
                    f"CLI start-up ≤ {ms(START_UP_TARGET_S)} ({run.database}, {run.size:,})",
                    run.start_up_s <= START_UP_TARGET_S,
                    f"{ms(run.start_up_s)}, {ms(run.start_up_cpu)} CPU "
                    f"(Django's floor {ms(run.floor_s)}, {ms(run.floor_cpu)} CPU)",
                )
            )
    return lines


def _answer_section(answers: dict[str, tuple[float, float]], targets: list[Any]) -> list[str]:
    """The answer's formats as whole processes, beside the same run's floors (ratios)."""
    if not answers:
        return []
    python, django = answers["python"], answers["django"]
    lines = [
        "### Answer documents (question 228, year 2018, demo database, whole process)",
        "",
        "Floors in the same run: `python -c pass` "
        f"{ms(python[0])} wall / {ms(python[1])} CPU; `import django; django.setup()` "
        f"{ms(django[0])} wall / {ms(django[1])} CPU. CPU = user + sys of the process.",
        "",
        "| format | wall | CPU | CPU ÷ django.setup() | target (wall) |",
        "|---|---:|---:|---:|---:|",
    ]
    for fmt, limit in ANSWER_TARGETS_S.items():
        if fmt not in answers:
            continue
        wall, cpu = answers[fmt]
        lines.append(f"| {fmt} | {ms(wall)} | {ms(cpu)} | {cpu / django[1]:.2f}× | ≤ {ms(limit)} |")
        targets.append(
            (f"answer as {fmt} ≤ {ms(limit)} (demo database)", wall <= limit, f"{ms(wall)} ({ms(cpu)} CPU)")
        )
    return [*lines, ""]


if __name__ == "__main__":
    main()
