"""The web benchmark: the dashboard and a report call under 1, 10 and 50 concurrent clients.

The app is served the production way, by gunicorn (sync workers, `BENCH_WEB_WORKERS`,
default 2 × cores + 1) on a free loopback port, with production settings (DEBUG off, a
SECRET_KEY; only the HTTPS redirect is switched off, there is no TLS on loopback). A
viewer made by `clustermonitor adduser` logs in through the login form once; every
client then sends that session cookie (HTTP Basic would cost an Argon2 hash per request,
which measures the password hasher, not the app).

The load generator is threads with `http.client`, one new connection per request (sync
workers close it after each response): per level a warm-up (`BENCH_WEB_WARMUP` seconds,
default 2) then `BENCH_WEB_SECONDS` (default 6) of requests back to back, each client
sending its next request as soon as the previous one answered (closed loop). Latency is
the whole request, connect to last byte, of the requests started in the measured window;
requests/s counts the 200 answers that arrived inside it; any other answer is an error.

The report call is `GET /api/v1/reports/budget-overview/?year=Y` when the API answers
200, else the report page `/reports/budget-overview/?year=Y`.

Each database is served twice: as deployed, with the figures cached per worker under the
data revision (clusters/revision.py), and with `REPORT_CACHE_SECONDS=0`, where every
request computes its reports and renders the dashboard's tables, as the first view after
each change does (1 and 10 clients only). Both have the p95 target.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
LEVELS = (1, 10, 50)
LEVELS_UNCACHED = (1, 10)  # the cache off: the target's level, to keep `make bench` < 30 min
P95_TARGET_MS = 300.0
TARGET_CLIENTS = 10
USER = "bench-viewer"


@dataclass
class WebResult:
    database: str
    page: str
    cache: str  # "on": figures cached under the data revision (as deployed); "off": computed
    clients: int
    requests: int  # timed: started inside the measured window
    errors: int
    per_second: float  # answered (200) inside the measured window, per second
    p50_ms: float
    p95_ms: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Client:
    """One HTTP client over loopback, with the session's cookies."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.cookies = dict(cookies or {})

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None, timeout: float = 60
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Host": f"127.0.0.1:{self.port}", "Connection": "close"}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            data = None
            if body is not None:
                data = urlencode(body).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return response.status, {k.lower(): v for k, v in response.getheaders()}, content
        finally:
            conn.close()


def _login(port: int, password: str) -> dict[str, str]:
    client = Client(port)
    status, _, page = client.request("GET", "/accounts/login/")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or match is None:
        raise RuntimeError(f"login page: status {status}")
    token = match.group(1).decode()
    form = {"username": USER, "password": password, "csrfmiddlewaretoken": token, "next": "/"}
    status, _, _ = client.request("POST", "/accounts/login/", form)
    if status != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"login refused: status {status}")
    return client.cookies


def _wait_until_up(port: int, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            Client(port).request("GET", "/accounts/login/", timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def _load(
    port: int, cookies: dict[str, str], path: str, clients: int, warmup: float, seconds: float
) -> tuple[list[float], int, int]:
    """Closed-loop load: `clients` threads, each sending requests back to back.

    Latency: of every request started inside the measured window (each is waited for).
    Throughput: the requests answered inside the window, whenever they started.
    Returns (latencies, errors among them, requests answered inside the window).
    """
    samples: list[list[tuple[float, float, bool]]] = [[] for _ in range(clients)]
    start_barrier = threading.Barrier(clients + 1)
    bounds: dict[str, float] = {}

    def worker(index: int) -> None:
        client = Client(port, cookies)
        start_barrier.wait()
        while (now := time.perf_counter()) < bounds["end"]:
            try:
                status, _, _ = client.request("GET", path)
                ok = status == 200
            except OSError:
                ok = False
            samples[index].append((now, time.perf_counter(), ok))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    begin = time.perf_counter()
    measure, end = begin + warmup, begin + warmup + seconds
    bounds["end"] = end
    start_barrier.wait()
    for thread in threads:
        thread.join()
    flat = [s for per in samples for s in per]
    timed = [(done - start, ok) for start, done, ok in flat if start >= measure]
    answered = sum(1 for _, done, ok in flat if ok and measure <= done <= end)
    return [latency for latency, _ in timed], sum(1 for _, ok in timed if not ok), answered


def measure(database: str, env: dict[str, str], year: int) -> list[WebResult]:
    """Serve the database in `env` with gunicorn and load the dashboard and a report call,
    first as deployed (figures cached under the data revision), then with the cache off:
    every request computes its figures, as the first view after each change does."""
    password = secrets.token_urlsafe(16)
    created = subprocess.run(
        [sys.executable, "-m", "clustermonitor", "adduser", USER, "--role", "viewer"],
        env=dict(env, CLUSTERMONITOR_PASSWORD=password),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if created.returncode:
        raise RuntimeError(f"adduser failed: {created.stderr.strip()[-500:]}")
    results = _measure_served(database, env, year, password, "on", LEVELS)
    uncached = dict(env, REPORT_CACHE_SECONDS="0")
    results += _measure_served(database, uncached, year, password, "off", LEVELS_UNCACHED)
    return results


def _measure_served(
    database: str, env: dict[str, str], year: int, password: str, cache: str, levels: tuple[int, ...]
) -> list[WebResult]:
    port = _free_port()
    workers = int(os.environ.get("BENCH_WEB_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
    server_env = dict(
        env,
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
    )
    server_env.pop("DEBUG", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clustermonitor.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        env=server_env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(port, server)
        cookies = _login(port, password)
        probe = Client(port, cookies)
        api = f"/api/v1/reports/budget-overview/?year={year}"
        status, _, _ = probe.request("GET", api)
        report = api if status == 200 else f"/reports/budget-overview/?year={year}"
        pages = {f"dashboard /years/{year}/": f"/years/{year}/", f"report {report.split('?')[0]}": report}
        for path in pages.values():  # every worker imports and plans once before the timing
            for _ in range(workers):
                status, _, _ = probe.request("GET", path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
        warmup = float(os.environ.get("BENCH_WEB_WARMUP", "2"))
        seconds = float(os.environ.get("BENCH_WEB_SECONDS", "6"))
        results = []
        for label, path in pages.items():
            for clients in levels:
                latencies, errors, answered = _load(port, cookies, path, clients, warmup, seconds)
                results.append(
                    WebResult(
                        database,
                        label,
                        cache,
                        clients,
                        len(latencies),
                        errors,
                        answered / seconds,
                        _percentile(latencies, 0.50) * 1000,
                        _percentile(latencies, 0.95) * 1000,
                    )
                )
        return results
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def render(results: list[WebResult], size: int | None) -> tuple[list[str], list[tuple[str, bool, str]]]:
    """The Web section's lines and its targets (p95 < 300 ms at 10 clients)."""
    if not results:
        return ["skipped: no dataset of the web size was imported (BENCH_WEB_SIZE)"], []
    lines = [
        f"{size:,} projects; gunicorn, {os.environ.get('BENCH_WEB_WORKERS', 2 * (os.cpu_count() or 1) + 1)} "
        "sync workers; closed-loop clients over loopback, one connection per request.",
        "",
        "Figures cache *on* is the app as deployed (a view after the first one since the last",
        "change is a look-up); *off* computes every request, as the first view after a change does.",
        "",
        "| database | page | figures cache | clients | requests | req/s | p50 | p95 | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    targets = []
    for r in results:
        lines.append(
            f"| {r.database} | {r.page} | {r.cache} | {r.clients} | {r.requests:,} | {r.per_second:,.1f} | "
            f"{r.p50_ms:,.0f} ms | {r.p95_ms:,.0f} ms | {r.errors} |"
        )
        if r.clients == TARGET_CLIENTS:
            targets.append(
                (
                    f"web p95 < {P95_TARGET_MS:.0f} ms at {TARGET_CLIENTS} clients "
                    f"({r.database}, {r.page}, figures cache {r.cache})",
                    r.p95_ms < P95_TARGET_MS and r.errors == 0,
                    f"{r.p95_ms:,.0f} ms" + (f", {r.errors} errors" if r.errors else ""),
                )
            )
    return lines, targets
