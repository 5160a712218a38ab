"""KPI targets and results: real definitions (kpi_facts.KPIS), synthetic targets and values.

No target value of any cluster pact is public, so every target is synthetic. Results come
from yearly progress reports, filed in spring of the next year: met, partly met and missed
in a realistic mix, some missing (and impact indicators lag a year), none yet for 2020.
Two results are real, self-reported by De Blauwe Cluster for 2019. The computed KPIs get
their value from the projects; some also have a reported value, mostly matching.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from clustermonitor.demo import facts
from clustermonitor.demo.common import Project, known

# (status, weight, lowest percent of target, highest percent)
OUTCOMES = (("met", 50, 100, 130), ("partly", 25, 76, 99), ("missed", 13, 40, 72), ("missing", 12, 0, 0))
# CPI3 is computed from the projects and also reported; these reports differ from it.
MISMATCHED = frozenset({("VIL", 2017), ("FLUX50", 2018)})
REAL_RESULTS: dict[tuple[str, str, int], tuple[int, str]] = {
    ("BLUE", "C-4", 2019): (facts.BLUE_2019_INITIATIVES, "27 samenwerkingsinitiatieven"),
    ("BLUE", "C-5bis", 2019): (facts.BLUE_2019_SME_SHARE, "40% kmo's"),
}


@dataclass(frozen=True)
class Target:
    cluster: str
    kpi: str
    year: int
    value: Decimal


@dataclass(frozen=True)
class Result:
    cluster: str
    kpi: str
    year: int
    value: Decimal
    reported_on: date
    source: str


def tenths(value: int) -> Decimal:
    return Decimal(value).scaleb(-1)


def spearhead_targets(rng: random.Random, size: int) -> dict[str, Decimal]:
    """One year's synthetic targets for a spearhead cluster of relative `size`."""
    members = size * rng.randint(150, 250) // 100
    initiatives = size * rng.randint(10, 25) // 100
    return {
        "H-1": tenths(size * rng.randint(300, 600) // 100),
        "H-2": Decimal(size * rng.randint(50, 120) // 100),
        "H-3": tenths(size * rng.randint(100, 300) // 100),
        "C-1": Decimal(members),
        "C-1bis": Decimal(members * rng.randint(55, 65) // 100),
        "C-2": Decimal(rng.randint(10, 25)),
        "C-4": Decimal(initiatives),
        "C-5": Decimal(initiatives * rng.randint(4, 6)),
        "C-5bis": Decimal(rng.randint(40, 60)),
    }


def ibn_targets(rng: random.Random) -> dict[str, Decimal]:
    return {
        "C-1": Decimal(rng.randint(30, 60)),
        "C-2": Decimal(rng.randint(4, 8)),
        "C-4": Decimal(rng.randint(2, 6)),
    }


def computed_values(projects: list[Project]) -> dict[str, Callable[[str, int], Decimal]]:
    """The three `computed_from` measures, per lead cluster and year, as the reports compute them."""

    def approved(cluster: str, year: int) -> Decimal:
        return Decimal(
            sum(
                1
                for p in projects
                if p.cluster == cluster and p.status == "approved" and _year(p.decided_on) == year
            )
        )

    def applications(cluster: str, year: int) -> Decimal:
        return Decimal(sum(1 for p in projects if p.cluster == cluster and p.submitted_on.year == year))

    def other_funding(cluster: str, year: int) -> Decimal:
        cents = sum(
            p.granted or 0
            for p in projects
            if p.cluster == cluster
            and p.channel == "other"
            and p.status == "approved"
            and _year(p.decided_on) == year
        )
        return Decimal(cents).scaleb(-2)

    return {"CPI3": approved, "DEMO-APPL": applications, "DEMO-OPF": other_funding}


def _year(day: date | None) -> int | None:
    return None if day is None else day.year


def kpi_years(cluster: facts.ClusterFact) -> range:
    first = 2019 if cluster.code == "BLUE" else cluster.pact_start_year  # BLUE's first project year
    return range(max(first, facts.FIRST_YEAR), min(cluster.pact_end_year, facts.LAST_YEAR) + 1)


def targets(rng: random.Random, projects: list[Project]) -> list[Target]:
    computed = computed_values(projects)
    rows: list[Target] = []
    for cluster in facts.clusters():
        for year in kpi_years(cluster):
            if cluster.type == "ibn":
                values = ibn_targets(rng)
            else:
                values = spearhead_targets(rng, cluster.size)
                for code, measure in computed.items():
                    values[code] = _computed_target(rng, measure(cluster.code, year))
            rows += [Target(cluster.code, code, year, value) for code, value in values.items()]
    return rows


def _computed_target(rng: random.Random, value: Decimal) -> Decimal:
    """A target that the computed value meets, nearly meets or misses."""
    if value == 0:
        return Decimal(rng.randint(1, 3))
    _, _, low, high = rng.choices(OUTCOMES[:3], weights=[o[1] for o in OUTCOMES[:3]])[0]
    target = value * 100 / rng.randint(low, high)
    if value >= 100_000:  # euros: a round target in thousands
        return (target / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000
    return max(Decimal(1), target.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def results(rng: random.Random, target_rows: list[Target], projects: list[Project]) -> list[Result]:
    """The progress reports' results for 2016-2019 (2020 is reported after the cut-off)."""
    computed = computed_values(projects)
    report_dates: dict[tuple[str, int], date] = {}
    rows: list[Result] = []
    for target in (t for t in target_rows if t.year < facts.LAST_YEAR):
        reported_on = report_dates.setdefault(
            (target.cluster, target.year), date(target.year + 1, rng.randint(4, 6), rng.randint(1, 28))
        )
        found = _result(rng, target, computed)
        if found is not None and known(reported_on):
            rows.append(Result(target.cluster, target.kpi, target.year, found[0], reported_on, found[1]))
    return rows


def _result(
    rng: random.Random,
    target: Target,
    computed: dict[str, Callable[[str, int], Decimal]],
) -> tuple[Decimal, str] | None:
    """(value, source) of one target's result, or None when none was reported."""
    real = REAL_RESULTS.get((target.cluster, target.kpi, target.year))
    if real is not None:
        return Decimal(
            real[0]
        ), f"De Blauwe Cluster, nieuws 2019 (self-reported: {real[1]}): {facts.BLUE_NEWS}"
    source = f"Synthetic: voortgangsverslag {target.year} {target.cluster} (demo)"
    if target.kpi == "CPI3" and target.year < 2019:  # computed, and also reported
        value = computed["CPI3"](target.cluster, target.year)
        if (target.cluster, target.year) in MISMATCHED:
            value += 1  # the progress report counted one more than the projects show
        return value, source
    if target.kpi in computed:
        return None
    reported = _reported(rng, target)
    return None if reported is None else (reported, source)


def _reported(rng: random.Random, target: Target) -> Decimal | None:
    """A synthetic value: met, partly met, missed, or missing (impact lags a year)."""
    if target.kpi.startswith("H-") and target.year == facts.LAST_YEAR - 1:
        return None
    status, _, low, high = rng.choices(OUTCOMES, weights=[o[1] for o in OUTCOMES])[0]
    if status == "missing":
        return None
    scaled = target.value * 10  # targets have at most one decimal
    return tenths(int(scaled) * rng.randint(low, high) // 100)
