"""Synthetic project applications, calibrated to the public totals in `facts`.

Earmarked (Hermesfonds) projects: per decision year a fixed number of approvals with a fixed
granted total (facts.APPROVED_PER_YEAR), split over the spearhead clusters at random; De
Blauwe Cluster's 2019 round and Flanders' FOOD's 18 applications of November 2017 follow
their own public figures. Around them: rejected, withdrawn (dated or not) and pending
applications, and projects funded through other public instruments.
"""

import random
from datetime import date

from clustermonitor.demo import facts
from clustermonitor.demo.common import (
    Project,
    day_between,
    days_after,
    known,
    outcome,
    partition,
    share,
    skewed,
    third_tuesday,
)
from clustermonitor.demo.other_funding import other_channel
from clustermonitor.demo.titles import title

# Earmarked project types: (code, weight, relative size range, duration range in months).
EARMARKED_TYPES: tuple[tuple[str, int, int, int, int, int], ...] = (
    ("ICON", 40, 600, 2500, 24, 36),
    ("CLUSTER_RD", 20, 400, 1500, 18, 36),
    ("COOCK", 15, 300, 900, 24, 36),
    ("INNOVATION", 15, 150, 800, 12, 24),
    ("cSBO", 5, 1000, 3000, 36, 48),
    ("COLLECTIVE", 5, 200, 700, 12, 24),
)


def committee_dates(year: int) -> list[date]:
    """Synthetic Hermes decision committee meetings: third Tuesday, not in August/December."""
    first_month = 3 if year == 2017 else 1
    months = [m for m in range(first_month, 12) if m != 8]
    return [d for d in (third_tuesday(year, m) for m in months) if known(d)]


# --- earmarked approvals -----------------------------------------------------------------


def earmarked_type(rng: random.Random) -> tuple[str, int, int]:
    """A random eligible type with a relative size and a duration in months."""
    code, _, low, high, short, long = rng.choices(EARMARKED_TYPES, weights=[t[1] for t in EARMARKED_TYPES])[0]
    return code, skewed(rng, low, high), rng.randint(short, long)


def approved(
    rng: random.Random, cluster: facts.ClusterFact, granted: int, decided_on: date, kind: tuple[str, int]
) -> Project:
    """An approved earmarked project with its support share, request and planned commitment."""
    type_code, months = kind
    total_cost = share(granted, rng.randint(135, 200))
    submitted_on = max(days_after(rng, decided_on, -130, -30), days_after(rng, cluster.recognised_on, 14, 40))
    return Project(
        cluster=cluster.code,
        title=title(rng, cluster),
        type=type_code,
        channel="earmarked",
        instrument="HERMES",
        submitted_on=min(submitted_on, decided_on),
        status="approved",
        decided_on=decided_on,
        total_cost=total_cost,
        requested=min(total_cost, share(granted, rng.randint(100, 115))),
        granted=granted,
        commit_on=days_after(rng, decided_on, 7, 35),
        months=months,
    )


def approval_round(
    rng: random.Random, cluster: facts.ClusterFact, count: int, total: int, dates: list[date]
) -> list[Project]:
    """`count` approvals of one cluster, sharing `total` cents of granted support."""
    kinds = [earmarked_type(rng) for _ in range(count)]
    amounts = partition(total, [size for _, size, _ in kinds])
    return [
        approved(rng, cluster, amount, rng.choice(dates), (code, months))
        for amount, (code, _, months) in zip(amounts, kinds, strict=True)
    ]


def split_over_clusters(
    rng: random.Random, clusters: list[facts.ClusterFact], count: int, total: int
) -> list[tuple[facts.ClusterFact, int, int]]:
    """Random (cluster, approvals, granted cents) shares of a year's approvals."""
    weights = [c.size * rng.randint(70, 130) for c in clusters]
    counts = partition(count - len(clusters), weights)
    counts = [n + 1 for n in counts]  # every active cluster gets at least one approval
    money_weights = [n * rng.randint(80, 120) for n in counts]
    return list(zip(clusters, counts, partition(total, money_weights), strict=True))


def year_approvals(
    rng: random.Random, year: int, clusters: list[facts.ClusterFact], count: int, total: int
) -> list[Project]:
    dates = committee_dates(year)  # November at the latest: committed within the year
    projects: list[Project] = []
    for cluster, n, amount in split_over_clusters(rng, clusters, count, total):
        projects += approval_round(rng, cluster, n, amount, dates)
    return projects


def december_2019_batch(rng: random.Random, clusters: list[facts.ClusterFact]) -> list[Project]:
    """Decided by the December 2019 committee and committed in January 2020 (2020 budget)."""
    count, total = facts.DECEMBER_2019_BATCH
    decided_on = date(2019, 12, 17)
    projects: list[Project] = []
    for cluster, n, amount in split_over_clusters(rng, clusters, count, total):
        projects += approval_round(rng, cluster, n, amount, [decided_on])
    for project in projects:
        project.commit_on = day_between(rng, date(2020, 1, 8), date(2020, 1, 31))
    return projects


def blue_2019(rng: random.Random, blue: facts.ClusterFact) -> list[Project]:
    """De Blauwe Cluster's first year: 15 approvals, EUR 16.8 M support of ~EUR 24 M total."""
    dates = [d for d in committee_dates(2019) if 3 <= d.month <= 11]
    projects = approval_round(rng, blue, facts.BLUE_2019_PROJECTS, facts.BLUE_2019_SUPPORT_CENTS, dates)
    extra_total = facts.BLUE_2019_TOTAL_COST_CENTS - facts.BLUE_2019_SUPPORT_CENTS
    extras = partition(extra_total, [p.total_cost - (p.granted or 0) for p in projects])
    for project, extra in zip(projects, extras, strict=True):
        project.total_cost = (project.granted or 0) + extra
        project.requested = min(project.total_cost, project.requested)
    return projects


def food_first_round(rng: random.Random, food: facts.ClusterFact) -> list[Project]:
    """Flanders' FOOD's 18 applications of 2 Nov 2017 (~EUR 8.5 M), decided in 2018."""
    costs = partition(facts.FOOD_2017_TOTAL_COST_CENTS, [rng.randint(60, 160) for _ in range(18)])
    statuses = ["approved"] * 14 + ["rejected"] * 3 + ["withdrawn"]
    rng.shuffle(statuses)
    projects = []
    for cost, status in zip(costs, statuses, strict=True):
        decided_on = rng.choice([date(2018, 2, 20), date(2018, 3, 20)])
        granted = share(cost, rng.randint(50, 70))
        type_code = rng.choice(("COOCK", "COOCK", "CLUSTER_RD", "INNOVATION"))
        project = approved(rng, food, granted, decided_on, (type_code, rng.randint(24, 36)))
        project.submitted_on, project.total_cost = facts.FOOD_2017_SUBMITTED_ON, cost
        if status != "approved":
            project.status, project.granted, project.commit_on = status, None, None
            project.requested = share(cost, rng.randint(55, 75))
        projects.append(project)
    return projects


def earmarked_approvals(rng: random.Random) -> list[Project]:
    """All approved earmarked projects 2017-2020 plus FOOD's first round (some not approved)."""
    spearheads = {c.code: c for c in facts.SPEARHEADS}
    food_round = food_first_round(rng, spearheads["FOOD"])
    projects = list(food_round)
    for year, (count, total) in facts.APPROVED_PER_YEAR.items():
        active = [
            c for c in facts.SPEARHEADS if c.pact_start_year <= year and (c.code != "BLUE" or year > 2019)
        ]
        if year == 2018:
            food_approved = [p for p in food_round if p.status == "approved"]
            count -= len(food_approved)
            total -= sum(p.granted or 0 for p in food_approved)
        if year == 2019:
            projects += blue_2019(rng, spearheads["BLUE"])
            projects += december_2019_batch(rng, active)
            count -= facts.BLUE_2019_PROJECTS + facts.DECEMBER_2019_BATCH[0]
            total -= facts.BLUE_2019_SUPPORT_CENTS + facts.DECEMBER_2019_BATCH[1]
        projects += year_approvals(rng, year, active, count, total)
    return projects


# --- applications that were not (or not yet) approved -------------------------------------


def application(
    rng: random.Random, cluster: facts.ClusterFact, submitted_on: date, status: str, lag: tuple[int, int]
) -> Project:
    """A rejected, withdrawn or pending earmarked application."""
    type_code, size, months = earmarked_type(rng)
    requested = size * rng.randint(800, 1200) * 100
    status, decided_on = outcome(rng, status, days_after(rng, submitted_on, *lag), undated=2)
    return Project(
        cluster=cluster.code,
        title=title(rng, cluster),
        type=type_code,
        channel="earmarked",
        instrument="HERMES",
        submitted_on=submitted_on,
        status=status,
        decided_on=decided_on,
        total_cost=share(requested, rng.randint(140, 200)),
        requested=requested,
        months=months,
    )


def earmarked_other_statuses(rng: random.Random, approvals: list[Project]) -> list[Project]:
    """Rejected and withdrawn applications beside the approvals, and pending ones in 2020."""
    spearheads = {c.code: c for c in facts.SPEARHEADS}
    projects: list[Project] = []
    for cluster in facts.SPEARHEADS:
        for year in range(cluster.pact_start_year, facts.LAST_YEAR + 1):
            approved_here = sum(
                1 for p in approvals if p.cluster == cluster.code and p.submitted_on.year == year
            )
            start = max(date(year, 1, 10), days_after(rng, cluster.recognised_on, 30, 60))
            last = min(date(year, 12, 15), facts.DATA_CUTOFF)
            for status, percent in (("rejected", 20), ("withdrawn", 9)):
                for _ in range(max(1, approved_here * percent // 100)):
                    day = day_between(rng, start, last)
                    lag = (45, 150) if status == "rejected" else (20, 120)
                    projects.append(application(rng, spearheads[cluster.code], day, status, lag))
    for _ in range(12):  # pending at the data cut-off
        cluster = rng.choice(facts.SPEARHEADS)
        day = day_between(rng, date(2020, 6, 1), facts.DATA_CUTOFF)
        projects.append(application(rng, cluster, day, "submitted", (400, 500)))
    return projects


def number(projects: list[Project]) -> None:
    """Give refs `DEMO.<HBC|instrument>.<year>.<nnnn>` in order of submission."""
    counters: dict[tuple[str, int], int] = {}
    for project in sorted(projects, key=lambda p: (p.submitted_on, p.cluster, p.title, p.total_cost)):
        scheme = "HBC" if project.channel == "earmarked" else project.instrument
        key = (scheme, project.submitted_on.year)
        counters[key] = counters.get(key, 0) + 1
        project.ref = f"{facts.REF_PREFIX}{scheme}.{key[1]}.{counters[key]:04d}"


def generate_projects(rng: random.Random) -> list[Project]:
    approvals = earmarked_approvals(rng)
    projects = approvals + earmarked_other_statuses(rng, approvals) + other_channel(rng)
    number(projects)
    return sorted(projects, key=lambda p: p.ref)
