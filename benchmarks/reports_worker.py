"""Time the six reports against their hand-written queries, in this process's database.

`DATABASE_URL=... python -m benchmarks.reports_worker YEAR REPEAT` prints one JSON object:
per report the best of REPEAT runs or more of `report_build` (ours) and of the query (sql), in
seconds, after one warm-up run of each; and `full_set`: the six reports one after another.

A measure of a few milliseconds takes more runs (up to MOST, while they add up to under
BUDGET seconds): the best of three 3 ms runs moved by 2 ms between two runs of the
benchmark, enough to turn a report's growth per 10× of data from 1.0× into 2.0×.
"""

import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermonitor.settings")
os.environ["REPORT_CACHE_SECONDS"] = "0"  # time the computation, not the cache of figures


BUDGET, MOST = 0.5, 25


def best(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """The least time of at least `repeat` runs, the same rule for ours and the query."""
    action()  # warm-up: caches, plans
    times: list[float] = []
    while len(times) < repeat or (sum(times) < BUDGET and len(times) < MOST):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import django

    django.setup()
    from django.db import connection

    from benchmarks.queries import sql_params, sql_text
    from clustermonitor.reports.registry import REPORTS, report_build

    year, repeat = int(sys.argv[1]), int(sys.argv[2])
    vendor = connection.vendor
    result: dict[str, object] = {}

    def ours(name: str) -> object:
        return report_build(name, year=year if REPORTS[name].yearly else None)

    def query(name: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql_text(name, vendor), sql_params(year))
            return len(cursor.fetchall())

    for name in REPORTS:
        result[name] = {
            "ours": best(lambda n=name: ours(n), repeat),
            "sql": best(lambda n=name: query(n), repeat),
            "rows": query(name),
        }
    start = time.perf_counter()
    for name in REPORTS:
        ours(name)
    result["full_set"] = time.perf_counter() - start
    print(json.dumps(result))


if __name__ == "__main__":
    main()
