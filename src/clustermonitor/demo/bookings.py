"""Synthetic ledger entries (vastleggingen, vrijgaven, vereffeningen), valid by construction.

Operation grants: a commitment of the year's allocation, an advance, and after the year a
balance payment with the unused part released (booked on the grant's year, dated before
that year is closed). One IBN's last-year grant is released only on the next year's
budget, after its pact ended.

Projects: the granted support is committed in full after the decision (booked on the
year of the commitment date), paid as an advance and yearly instalments of at most 80 %,
and closed after the end with a final payment and the release of the unspent part, often
on a later year than the commitment. A few projects stop early and release most of it.
"""

import random
from dataclasses import dataclass
from datetime import date

from clustermonitor.demo import facts
from clustermonitor.demo.common import (
    Entry,
    Ledger,
    Project,
    add_months,
    day_between,
    days_after,
    share,
)

Allocation = tuple[int, date | None]  # (amount in cents, decided_on)
SYNTHETIC = "Synthetic: "
UNDATED_ALLOCATIONS = frozenset({("IBN-MEDIA", 2018), ("VIL", 2019)})


def operation_envelope(cluster: facts.ClusterFact) -> str:
    return "ibn" if cluster.type == "ibn" else "spearhead_operation"


def operation_start(cluster: facts.ClusterFact, year: int) -> date:
    """When the year's operating grant starts: a short first year for mid-year starts."""
    recognised = cluster.recognised_on
    if year == cluster.pact_start_year and recognised.year == year and recognised.month > 2:
        return max(date(year, 1, 10), add_months(cluster.recognised_on, 3))
    return date(year, 1, 10)


def first_year_percent(cluster: facts.ClusterFact, year: int) -> int:
    start = operation_start(cluster, year)
    return 100 if start.month == 1 else (13 - start.month) * 100 // 12


def operation_allocations(rng: random.Random) -> dict[tuple[str, int], Allocation]:
    """The operating grant allocated to each cluster and pact year (up to the cap)."""
    allocations: dict[tuple[str, int], Allocation] = {}
    for cluster in facts.clusters():
        cap = facts.IBN_CAP_CENTS if cluster.type == "ibn" else facts.SPEARHEAD_CAP_CENTS
        for year in range(max(cluster.pact_start_year, facts.FIRST_YEAR), facts.LAST_YEAR + 1):
            if year > cluster.pact_end_year:
                break
            full = cap if rng.randint(0, 2) else share(cap, rng.randint(80, 99)) // 100_000 * 100_000
            amount = share(full, first_year_percent(cluster, year)) // 100_000 * 100_000
            decided = day_between(rng, date(year - 1, 12, 1), date(year, 2, 10))
            if year == cluster.pact_start_year:
                decided = max(decided, days_after(rng, cluster.recognised_on, 10, 40))
            undated = (cluster.code, year) in UNDATED_ALLOCATIONS
            allocations[(cluster.code, year)] = (amount, None if undated else decided)
    return allocations


def operation_entries(
    rng: random.Random, ledger: Ledger, allocations: dict[tuple[str, int], Allocation]
) -> None:
    clusters = {c.code: c for c in facts.clusters()}
    late_release = next(c.code for c in facts.clusters() if c.type == "ibn" and c.pact_end_year == 2019)
    for (code, year), (amount, decided_on) in sorted(allocations.items()):
        cluster = clusters[code]
        envelope = operation_envelope(cluster)
        start = max(operation_start(cluster, year), decided_on or date(year, 1, 1))
        committed_on = days_after(rng, start, 5, 40)
        book = Booker(ledger, envelope, code)
        book(committed_on, year, "commitment", amount, f"werkingssubsidie {year}")
        advance = share(amount, rng.randint(50, 70))
        book(days_after(rng, committed_on, 20, 60), year, "payment", advance, f"voorschot werking {year}")
        used = amount if rng.randint(0, 3) == 0 else share(amount, rng.randint(88, 99))
        if code == late_release and year == 2019:
            used = share(amount, 90)
        settled_on = day_between(rng, date(year + 1, 1, 10), date(year + 1, 2, 20))
        book(settled_on, year, "payment", used - advance, f"saldo werking {year}")
        if code == late_release and year == 2019:
            released_on = day_between(rng, date(2020, 5, 4), date(2020, 6, 30))
            note = f"vrijgave ongebruikt saldo werking {year} na eindverslag (pact afgelopen)"
            book(released_on, 2020, "decommitment", amount - used, note)
        else:
            book(settled_on, year, "decommitment", amount - used, f"vrijgave ongebruikt saldo werking {year}")


@dataclass(frozen=True)
class Booker:
    """Books entries of one envelope, cluster and (optionally) project."""

    ledger: Ledger
    envelope: str
    cluster: str
    project: str | None = None

    def __call__(self, day: date, year: int, kind: str, amount: int, note: str) -> None:
        self.ledger.book(
            Entry(day, year, kind, self.envelope, self.cluster, amount, SYNTHETIC + note, self.project)
        )


def project_entries(rng: random.Random, ledger: Ledger, projects: list[Project]) -> None:
    """Commitments, instalments, final payments and releases of the approved earmarked projects."""
    planned = [
        (p, p.commit_on)
        for p in projects
        if p.channel == "earmarked" and p.status == "approved" and p.commit_on
    ]
    stopped = {p.ref for p in rng.sample([p for p, day in planned if day.year == 2017], 2)}
    for project, committed_on in planned:
        book = Booker(ledger, "spearhead_projects", project.cluster, project.ref)
        committed = project.granted or 0
        book(committed_on, committed_on.year, "commitment", committed, "vastlegging projectsteun")
        if project.ref in stopped:
            _stop_early(rng, book, committed_on, committed)
        else:
            _pay_out(rng, book, project, committed_on, committed)


def _advance(
    rng: random.Random, book: Booker, committed_on: date, committed: int, high: int
) -> tuple[date, int]:
    """The advance after the start; returns the start date and the amount paid."""
    start = days_after(rng, committed_on, 15, 45)
    paid = share(committed, rng.randint(25, high))
    day = days_after(rng, start, 0, 20)
    book(day, day.year, "payment", paid, "voorschot projectsteun")
    return start, paid


def _pay_out(rng: random.Random, book: Booker, project: Project, committed_on: date, committed: int) -> None:
    start, paid = _advance(rng, book, committed_on, committed, 40)
    end = add_months(start, project.months)
    for months in range(12, project.months, 12):
        instalment = min(share(committed, rng.randint(15, 25)), share(committed, 80) - paid)
        day = days_after(rng, add_months(start, months), 20, 60)
        book(day, day.year, "payment", instalment, "tussentijdse betaling projectsteun")
        paid += max(0, instalment)
    eligible = committed if rng.randint(0, 4) == 0 else share(committed, rng.randint(88, 99))
    closed_on = days_after(rng, end, 60, 150)
    book(closed_on, closed_on.year, "payment", eligible - paid, "eindbetaling projectsteun")
    note = "vrijgave: project afgesloten onder budget"
    book(closed_on, closed_on.year, "decommitment", committed - eligible, note)


def _stop_early(rng: random.Random, book: Booker, committed_on: date, committed: int) -> None:
    _, paid = _advance(rng, book, committed_on, committed, 35)
    stopped_on = day_between(rng, date(2018, 4, 2), date(2018, 10, 31))
    final = share(committed, rng.randint(3, 8))
    book(stopped_on, 2018, "payment", final, "eindbetaling na stopzetting project")
    note = "vrijgave: project vroegtijdig stopgezet"
    book(stopped_on, 2018, "decommitment", committed - paid - final, note)


def number(ledger: Ledger) -> list[Entry]:
    """Sort the entries by date and give them ids DEMO.L.000001, ..."""
    order = {"commitment": 0, "decommitment": 1, "payment": 2}
    entries = sorted(
        ledger.entries, key=lambda e: (e.date, e.cluster, e.project or "", order[e.kind], e.year, e.amount)
    )
    for index, entry in enumerate(entries, start=1):
        entry.ref = f"{facts.REF_PREFIX}L.{index:06d}"
    return entries
