"""Time the six reports against their hand-written queries, in this process's database.

`DATABASE_URL=... python -m benchmarks.reports_worker YEAR REPEAT` prints one JSON object:
per report the best of REPEAT runs of `report_build` (ours) and of the query (sql), in
seconds, after one warm-up run of each; and `full_set`: the six reports one after another.
"""

import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermonitor.settings")
os.environ["REPORT_CACHE_SECONDS"] = "0"  # time the computation, not the cache of figures


def best(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up: caches, plans
    times = []
    for _ in range(repeat):
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
