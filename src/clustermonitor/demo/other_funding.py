"""Synthetic projects funded through other public instruments (EFRO, INTERREG, FIT, ...):
what the cluster page and additional-resources count as other public funding."""

import random
from datetime import date

from clustermonitor.demo import facts
from clustermonitor.demo.common import Project, day_between, days_after, outcome, share, skewed
from clustermonitor.demo.titles import title

# Other instruments: (granted range in thousand euros, decision lag range in days).
OTHER_SIZES: dict[str, tuple[int, int, int, int]] = {
    "EFRO": (200, 1500, 90, 240),
    "INTERREG": (300, 2000, 120, 270),
    "FIT": (20, 150, 30, 100),
    "WSE": (50, 350, 40, 120),
    "FWO": (150, 900, 120, 200),
    "OVAM": (40, 250, 40, 120),
    "H2020": (250, 2500, 150, 270),
    "ERANET": (100, 600, 120, 240),
    "INTERCLUSTER": (200, 1200, 60, 150),
    "RD_REGULAR": (150, 1500, 60, 150),
}


def other_project(
    rng: random.Random, cluster: facts.ClusterFact, instrument: str, submitted_on: date
) -> Project:
    low, high, lag_low, lag_high = OTHER_SIZES[instrument]
    granted = skewed(rng, low, high) * 1000_00 + rng.randint(0, 99_999)
    total_cost = share(granted, rng.randint(130, 250))
    status = rng.choices(("approved", "rejected", "withdrawn"), weights=(66, 22, 12))[0]
    status, decided_on = outcome(rng, status, days_after(rng, submitted_on, lag_low, lag_high), undated=3)
    return Project(
        cluster=cluster.code,
        title=title(rng, cluster),
        type=facts.INSTRUMENT_TYPES[instrument],
        channel="other",
        instrument=instrument,
        submitted_on=submitted_on,
        status=status,
        decided_on=decided_on,
        total_cost=total_cost,
        requested=min(total_cost, share(granted, rng.randint(100, 120))),
        granted=granted if status == "approved" else None,
    )


def other_channel(rng: random.Random) -> list[Project]:
    """Projects funded elsewhere (EFRO, INTERREG, FIT, ...), every instrument in use."""
    instruments = sorted(facts.INSTRUMENT_TYPES)
    queue: list[str] = []
    projects: list[Project] = []
    for cluster in facts.clusters():
        for year in facts.YEARS:
            start = max(date(year, 1, 5), days_after(rng, cluster.recognised_on, 10, 40))
            last = min(date(year, 12, 20), facts.DATA_CUTOFF)
            if start > last or year > cluster.pact_end_year:
                continue
            count = rng.randint(2, 5) if cluster.type == "spearhead" else rng.randint(0, 2)
            for _ in range(count):
                if not queue:
                    queue = instruments[:]
                    rng.shuffle(queue)
                projects.append(other_project(rng, cluster, queue.pop(), day_between(rng, start, last)))
    return projects
