"""Budgets, project allocations (with a common pool) and co-financing, derived from the ledger.

The project budget of 2017 and 2019 is the public figure (facts.PROJECT_BUDGET_CENTS); the
yearly distribution over the clusters is synthetic: most clusters receive at least what
they commit, one or two per year commit more than their allocation and draw the rest from
the unallocated common pool, which is always large enough for what is drawn.
"""

import random
from collections import defaultdict
from datetime import date

from clustermonitor.demo import facts
from clustermonitor.demo.bookings import Allocation
from clustermonitor.demo.common import Entry, day_between, share

THOUSAND_EUROS = 100_000  # in cents
HUNDRED_EUROS = 10_000


def net_commitments(entries: list[Entry], envelope: str) -> dict[tuple[str, int], int]:
    """Commitments minus decommitments of an envelope per (cluster, booked year)."""
    net: dict[tuple[str, int], int] = defaultdict(int)
    for entry in entries:
        if entry.envelope == envelope and entry.kind != "payment":
            sign = 1 if entry.kind == "commitment" else -1
            net[(entry.cluster, entry.year)] += sign * entry.amount
    return dict(net)


def project_allocations(rng: random.Random, entries: list[Entry]) -> dict[tuple[str, int], Allocation]:
    """Allocate each year's project budget; drawing clusters get less than they commit."""
    committed = net_commitments(entries, "spearhead_projects")
    allocations: dict[tuple[str, int], Allocation] = {}
    for year, budget in facts.PROJECT_BUDGET_CENTS.items():
        codes = sorted(c.code for c in facts.SPEARHEADS if (c.code, year) in committed)
        drawing = set(rng.sample(codes, rng.randint(1, 2)))
        running = year == facts.DATA_CUTOFF.year  # the year is not over: plans exceed commitments so far
        amounts = {
            code: _allocation(rng, committed[(code, year)], code in drawing, running) for code in codes
        }
        _fit_pool(amounts, {code: committed[(code, year)] for code in codes}, drawing, budget)
        decided = day_between(rng, date(year - 1, 12, 5), date(year, 1, 31))
        for code, amount in amounts.items():
            allocations[(code, year)] = (amount, decided)
    return allocations


def _allocation(rng: random.Random, committed: int, draws: bool, running: bool) -> int:
    """Below the commitments for a drawing cluster, at or above them for the others."""
    low, high = (80, 94) if draws else (110, 125) if running else (100, 104)
    percent = rng.randint(low, high)
    rounded = share(max(committed, 0), percent) // THOUSAND_EUROS * THOUSAND_EUROS
    return rounded if draws else rounded + THOUSAND_EUROS


def _fit_pool(amounts: dict[str, int], committed: dict[str, int], drawing: set[str], budget: int) -> None:
    """Trim the other clusters' margins until the pool covers everything drawn from it.

    The pool covers the draws when the others' allocations (kept at or above their
    commitments) plus the drawing clusters' commitments fit in the budget; the ledger keeps
    all commitments within the budget, so trimming always ends.
    """
    need = sum(committed[code] for code in drawing)
    others = sorted(code for code in amounts if code not in drawing)
    while sum(amounts[code] for code in others) + need > budget:
        code = max(others, key=lambda c: (amounts[c] - committed[c], c))
        if amounts[code] <= committed[code]:
            raise ValueError("the commitments exceed the project budget")
        amounts[code] = max(committed[code], amounts[code] - 10 * THOUSAND_EUROS)


def budgets(
    operation: dict[tuple[str, int], Allocation], projects: dict[tuple[str, int], Allocation]
) -> dict[tuple[int, str], int]:
    """The earmarked budget per (year, envelope): projects from the facts, operation from the caps."""
    types = {c.code: c.type for c in facts.clusters()}
    result: dict[tuple[int, str], int] = {
        (y, "spearhead_projects"): b for y, b in facts.PROJECT_BUDGET_CENTS.items()
    }
    for year in facts.YEARS:
        spearheads = [c for (c, y) in operation if y == year and types[c] == "spearhead"]
        if spearheads:
            result[(year, "spearhead_operation")] = len(spearheads) * facts.SPEARHEAD_CAP_CENTS
        ibn_total = sum(a for (c, y), (a, _) in operation.items() if y == year and types[c] == "ibn")
        if ibn_total:
            step = 100 * THOUSAND_EUROS
            result[(year, "ibn")] = -(-ibn_total // step) * step
    return result


def cofinancing(rng: random.Random, entries: list[Entry]) -> dict[tuple[str, int], int]:
    """Members' co-financing of operation per cluster-year: at least the grant, a few below."""
    net = {
        key: amount
        for envelope in ("spearhead_operation", "ibn")
        for key, amount in net_commitments(entries, envelope).items()
        if amount > 0 and key[1] < facts.LAST_YEAR  # reported after the year
    }
    short = set(rng.sample(sorted(net), 3))
    result = {}
    for key, amount in sorted(net.items()):
        if key in short:  # below the grant: `check` warns
            result[key] = share(amount, rng.randint(85, 95)) // HUNDRED_EUROS * HUNDRED_EUROS
        else:
            result[key] = (share(amount, rng.randint(100, 135)) // HUNDRED_EUROS + 1) * HUNDRED_EUROS
    return result
