"""Every report as reports.md defines it, computed straight from a dataset's CSV files.

An independent reading of the spec: plain Python over the files' rows with `Decimal`, no
database and none of the product's code, so that the product's reports (kept tallies,
kept balances, as-of by months and days) can be compared figure for figure on datasets
nobody wrote expected files for. It reads only what the reports need, trusting the
dataset to be valid (the product's import checks that). tests/reports/test_oracle.py
first holds it to the worked example's 79 expected files, then the product to it.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ZERO = Decimal(0)
OPERATION = {"spearhead": "spearhead_operation", "ibn": "ibn"}
ENVELOPES = ("spearhead_operation", "spearhead_projects", "ibn")
ROW_AMOUNTS = (  # cluster-overview's amounts of a row
    "allocated_operation",
    "allocated_projects",
    "committed_operation",
    "committed_projects",
    "drawn_from_pool",
    "approved_support",
    "approved_total_cost",
    "other_public_funding",
)


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _money(text: str | None) -> Decimal:
    return Decimal(text) if text else ZERO


@dataclass
class Project:
    ref: str
    cluster: str
    type: str
    channel: str
    instrument: str
    submitted_on: date
    status: str
    decided_on: date | None
    total_cost: Decimal
    granted: Decimal | None


@dataclass
class Dataset:
    clusters: dict[str, dict[str, Any]]
    closed_on: dict[int, date]
    budgets: dict[tuple[int, str], Decimal]
    allocations: list[tuple[int, str, str, Decimal, date | None]]
    projects: list[Project]
    ledger: list[tuple[date, int, str, str, str, Decimal]]  # date, year, kind, envelope, cluster, amount
    kpis: dict[str, dict[str, str | None]]
    targets: list[tuple[str, str, int, Decimal]]
    results: dict[tuple[str, str, int], tuple[Decimal, date]]


def load(folder: Path) -> Dataset:
    clusters = {
        r["code"]: {
            "name": r["name"],
            "type": r["type"],
            "start": int(r["pact_start_year"]),
            "end": int(r["pact_end_year"]),
        }
        for r in _rows(folder, "clusters.csv")
    }
    closed_on = {
        int(r["year"]): _day(r["closed_on"]) for r in _rows(folder, "years.csv") if r["status"] == "closed"
    }
    budgets = {(int(r["year"]), r["envelope"]): _money(r["amount"]) for r in _rows(folder, "budgets.csv")}
    allocations = [
        (int(r["year"]), r["cluster"], r["envelope"], _money(r["amount"]), _day(r.get("decided_on")))
        for r in _rows(folder, "allocations.csv")
    ]
    projects = [
        Project(
            r["ref"],
            r["cluster"],
            r["type"],
            r["channel"],
            r["instrument"],
            _day(r["submitted_on"]),
            r["status"],
            _day(r["decided_on"]),
            _money(r["total_cost"]),
            Decimal(r["granted_support"]) if r["granted_support"] else None,
        )
        for r in _rows(folder, "projects.csv")
    ]
    ledger = [
        (_day(r["date"]), int(r["year"]), r["kind"], r["envelope"], r["cluster"], _money(r["amount"]))
        for r in _rows(folder, "ledger.csv")
    ]
    kpis = {r["code"]: r for r in _rows(folder, "kpis.csv")}
    targets = [
        (r["cluster"], r["kpi"], int(r["year"]), Decimal(r["target"]))
        for r in _rows(folder, "kpi_targets.csv")
    ]
    results = {
        (r["cluster"], r["kpi"], int(r["year"])): (Decimal(r["value"]), _day(r["reported_on"]))
        for r in _rows(folder, "kpi_results.csv")
    }
    return Dataset(clusters, closed_on, budgets, allocations, projects, ledger, kpis, targets, results)


class Known:
    """The dataset as known on `as_of` (everything when None), by reports.md's common rules.

    The projects as known and the entries known, by year, are worked out once: a report
    asks for them per cluster and year."""

    def __init__(self, data: Dataset, as_of: date | None) -> None:
        self.data, self.as_of = data, as_of
        self.projects = [self._as_known(p) for p in data.projects if self.known_on(p.submitted_on)]
        self._ledger: dict[int, list[tuple[str, str, str, Decimal]]] = defaultdict(list)
        for day, year, kind, envelope, cluster, amount in data.ledger:
            if self.known_on(day):
                self._ledger[year].append((kind, envelope, cluster, amount))

    def known_on(self, day: date | None) -> bool:
        """A fact of `day` (None: undated) has happened on `as_of`."""
        return self.as_of is None or day is None or day <= self.as_of

    def _as_known(self, p: Project) -> Project:
        """A decision or withdrawal dated after `as_of` has not happened."""
        if p.decided_on is None or self.known_on(p.decided_on):
            return p
        return Project(**{**p.__dict__, "status": "submitted", "decided_on": None, "granted": None})

    def closed(self, year: int) -> bool:
        closed_on = self.data.closed_on.get(year)
        return closed_on is not None and self.known_on(closed_on)

    def figures(self, year: int) -> str:
        return "definitive" if self.closed(year) else "provisional"

    def allocated(self, year: int, envelope: str, cluster: str | None = None) -> Decimal:
        return sum(
            (
                amount
                for y, c, e, amount, decided in self.data.allocations
                if y == year
                and e == envelope
                and (cluster is None or c == cluster)
                and self.known_on(decided)
            ),
            ZERO,
        )

    def ledger(self, year: int) -> list[tuple[str, str, str, Decimal]]:
        """(kind, envelope, cluster, amount) of the entries known, booked on `year`."""
        return self._ledger.get(year, [])

    def committed(self, year: int, envelope: str | None = None, cluster: str | None = None) -> Decimal:
        sign = {"commitment": 1, "decommitment": -1, "payment": 0}
        return sum(
            (
                sign[kind] * amount
                for kind, e, c, amount in self.ledger(year)
                if (envelope is None or e == envelope) and (cluster is None or c == cluster)
            ),
            ZERO,
        )

    def paid(self, year: int, envelope: str | None = None, cluster: str | None = None) -> Decimal:
        return sum(
            (
                amount
                for kind, e, c, amount in self.ledger(year)
                if kind == "payment"
                and (envelope is None or e == envelope)
                and (cluster is None or c == cluster)
            ),
            ZERO,
        )

    def approved(self, year: int, channel: str | None = None) -> list[Project]:
        return [
            p
            for p in self.projects
            if p.status == "approved"
            and p.decided_on is not None
            and p.decided_on.year == year
            and (channel is None or p.channel == channel)
        ]


def money(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    return "0.00" if text == "-0.00" else text


def ratio(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP)}"


def report(
    data: Dataset, name: str, year: int | None, as_of: date | None, cluster: str | None = None
) -> dict:
    known = Known(data, as_of)
    head: dict[str, Any] = {"report": name, "year": year, "as_of": as_of.isoformat() if as_of else None}
    if name == "pact-resources":
        return head | pact_resources(known, cluster)
    assert year is not None
    body = {
        "budget-overview": budget_overview,
        "cluster-overview": cluster_overview,
        "additional-resources": additional_resources,
        "project-generation": project_generation,
        "kpi-status": kpi_status,
    }[name](known, year)
    return head | {"figures": known.figures(year)} | body


def _six(known: Known, year: int, envelopes: tuple[str, ...]) -> dict[str, str]:
    budget = sum((known.data.budgets.get((year, e), ZERO) for e in envelopes), ZERO)
    allocated = sum((known.allocated(year, e) for e in envelopes), ZERO)
    committed = sum((known.committed(year, e) for e in envelopes), ZERO)
    paid = sum((known.paid(year, e) for e in envelopes), ZERO)
    return {
        "budget": money(budget),
        "allocated": money(allocated),
        "unallocated": money(budget - allocated),
        "committed": money(committed),
        "paid": money(paid),
        "available": money(budget - committed),
    }


def budget_overview(known: Known, year: int) -> dict:
    return {
        "envelopes": [{"envelope": e} | _six(known, year, (e,)) for e in ENVELOPES],
        "spearhead": _six(known, year, ("spearhead_operation", "spearhead_projects")),
        "ibn": _six(known, year, ("ibn",)),
        "total": _six(known, year, ENVELOPES),
    }


def _covers(info: dict[str, Any], year: int) -> bool:
    return bool(info["start"] <= year <= info["end"])


def _spearheads_of(known: Known, year: int) -> list[str]:
    return sorted(
        code
        for code, info in known.data.clusters.items()
        if info["type"] == "spearhead" and _covers(info, year)
    )


def cluster_overview(known: Known, year: int) -> dict:
    rows = []
    projects = known.projects
    earmarked, other = known.approved(year, "earmarked"), known.approved(year, "other")
    for code in _spearheads_of(known, year):
        alloc_pr = known.allocated(year, "spearhead_projects", code)
        comm_pr = known.committed(year, "spearhead_projects", code)
        approved = [p for p in earmarked if p.cluster == code]
        others = [p for p in other if p.cluster == code]
        by_instrument: dict[str, Decimal] = defaultdict(Decimal)
        for p in others:
            by_instrument[p.instrument] += p.granted or ZERO
        rows.append(
            {
                "cluster": code,
                "name": known.data.clusters[code]["name"],
                "allocated_operation": known.allocated(year, "spearhead_operation", code),
                "allocated_projects": alloc_pr,
                "committed_operation": known.committed(year, "spearhead_operation", code),
                "committed_projects": comm_pr,
                "drawn_from_pool": max(ZERO, comm_pr - alloc_pr),
                "applications": sum(
                    1
                    for p in projects
                    if p.cluster == code and p.channel == "earmarked" and p.submitted_on.year == year
                ),
                "approved": len(approved),
                "approved_support": sum((p.granted or ZERO for p in approved), ZERO),
                "approved_total_cost": sum((p.total_cost for p in approved), ZERO),
                "other_public_funding": sum((p.granted or ZERO for p in others), ZERO),
                "other_public_funding_by_instrument": dict(by_instrument),
            }
        )
    totals: dict[str, Any] = {key: ZERO for key in ROW_AMOUNTS} | {"applications": 0, "approved": 0}
    totals["other_public_funding_by_instrument"] = defaultdict(Decimal)
    for row in rows:
        for key in totals:
            if key == "other_public_funding_by_instrument":
                for instrument, amount in row[key].items():
                    totals[key][instrument] += amount
            else:
                totals[key] += row[key]
    unallocated = known.data.budgets.get((year, "spearhead_projects"), ZERO) - known.allocated(
        year, "spearhead_projects"
    )
    drawn = sum((row["drawn_from_pool"] for row in rows), ZERO)
    return {
        "rows": [_shown(row) for row in rows],
        "pool": {
            "unallocated": money(unallocated),
            "drawn": money(drawn),
            "remaining": money(unallocated - drawn),
        },
        "totals": _shown(totals),
    }


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """Amounts as text, counts as integers, by-code objects with their non-zero amounts."""
    shown: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            shown[key] = {k: money(v) for k, v in sorted(value.items()) if v != 0}
        elif isinstance(value, Decimal):
            shown[key] = money(value)
        else:
            shown[key] = value
    return shown


def additional_resources(known: Known, year: int) -> dict:
    groups: dict[tuple[str, str], list[Project]] = defaultdict(list)
    for p in known.approved(year, "other"):
        groups[(p.cluster, p.instrument)].append(p)

    def sums(projects: list[Project]) -> dict[str, Any]:
        return {
            "projects": len(projects),
            "total_cost": money(sum((p.total_cost for p in projects), ZERO)),
            "granted_support": money(sum((p.granted or ZERO for p in projects), ZERO)),
        }

    rows = [
        {"cluster": c, "type": known.data.clusters[c]["type"], "instrument": i} | sums(groups[(c, i)])
        for c, i in sorted(groups)
    ]
    by_instrument: dict[str, list[Project]] = defaultdict(list)
    for (_, instrument), projects in groups.items():
        by_instrument[instrument] += projects
    return {
        "rows": rows,
        "totals": sums(known.approved(year, "other")),
        "by_instrument": {i: sums(by_instrument[i]) for i in sorted(by_instrument)},
    }


def pact_resources(known: Known, only: str | None) -> dict:
    codes = (
        [only]
        if only is not None
        else sorted(c for c, info in known.data.clusters.items() if info["type"] == "spearhead")
    )
    clusters, all_definitive = [], True
    for code in codes:
        info = known.data.clusters[code]
        operation = OPERATION[info["type"]]
        projects_envelope = "spearhead_projects" if info["type"] == "spearhead" else None
        years, totals = [], defaultdict(Decimal)
        for year in range(info["start"], info["end"] + 1):
            if known.closed(year):
                figures = "definitive"
            elif not any((year, e) in known.data.budgets for e in ENVELOPES):
                figures = "planned"
            else:
                figures = "provisional"
            all_definitive = all_definitive and figures == "definitive"
            amounts = {
                "allocated_operation": known.allocated(year, operation, code),
                "allocated_projects": known.allocated(year, projects_envelope, code)
                if projects_envelope
                else ZERO,
                "committed_operation": known.committed(year, operation, code),
                "committed_projects": known.committed(year, projects_envelope, code)
                if projects_envelope
                else ZERO,
                "paid": known.paid(year, cluster=code),
            }
            for key, value in amounts.items():
                totals[key] += value
            years.append({"year": year} | {k: money(v) for k, v in amounts.items()} | {"figures": figures})
        clusters.append(
            {
                "cluster": code,
                "name": info["name"],
                "type": info["type"],
                "pact_start_year": info["start"],
                "pact_end_year": info["end"],
                "years": years,
                "totals": {k: money(totals[k]) for k in years[0] if k not in ("year", "figures")}
                if years
                else {},
            }
        )
    return {"figures": "definitive" if all_definitive else "provisional", "clusters": clusters}


def project_generation(known: Known, year: int) -> dict:
    approved = known.approved(year, "earmarked")
    groups: dict[tuple[str, str], list[Project]] = defaultdict(list)
    for p in approved:
        groups[(p.cluster, p.type)].append(p)
    rows = []
    for cluster, kind in sorted(groups):
        projects = groups[(cluster, kind)]
        granted = sum((p.granted or ZERO for p in projects), ZERO)
        rows.append(
            {
                "cluster": cluster,
                "type": kind,
                "projects": len(projects),
                "granted_support": money(granted),
                "total_cost": money(sum((p.total_cost for p in projects), ZERO)),
                "average_support": money(granted / len(projects)),
            }
        )
    listed = set(_spearheads_of(known, year))
    listed |= {p.cluster for p in approved}
    listed |= {c for c in known.data.clusters if known.committed(year, "spearhead_projects", c) != 0}
    clusters = []
    for code in sorted(listed):
        mine = [p for p in approved if p.cluster == code]
        clusters.append(
            {
                "cluster": code,
                "projects": len(mine),
                "granted_support": money(sum((p.granted or ZERO for p in mine), ZERO)),
                "committed_projects": money(known.committed(year, "spearhead_projects", code)),
            }
        )
    return {
        "rows": rows,
        "clusters": clusters,
        "earmarked_used": money(known.committed(year, "spearhead_projects")),
    }


def _computed(known: Known, cluster: str, year: int, source: str) -> Decimal:
    projects = [p for p in known.projects if p.cluster == cluster]
    if source == "applications":
        return Decimal(sum(1 for p in projects if p.submitted_on.year == year))
    approved = [p for p in known.approved(year) if p.cluster == cluster]
    if source == "approved_projects":
        return Decimal(len(approved))
    assert source == "other_public_funding", source
    return sum((p.granted or ZERO for p in approved if p.channel == "other"), ZERO)


def kpi_status(known: Known, year: int) -> dict:
    rows = []
    counts: dict[str, dict[str, int]] = {}
    for cluster, code, y, target in sorted(known.data.targets, key=lambda t: (t[0], t[1])):
        if y != year:
            continue
        kpi = known.data.kpis[code]
        result = known.data.results.get((cluster, code, year))
        reported = result[0] if result is not None and known.known_on(result[1]) else None
        row: dict[str, Any] = {"cluster": cluster, "kpi": code, "kind": kpi["kind"], "target": money(target)}
        if kpi.get("computed_from"):
            value: Decimal | None = _computed(known, cluster, year, kpi["computed_from"])
            source: str | None = "computed"
        else:
            value, source = reported, ("reported" if reported is not None else None)
        if value is None:
            row |= {"value": None, "source": None, "ratio": None, "status": "no_data"}
        else:
            if kpi["direction"] == "up":
                exact = Decimal(1) if target == 0 else value / target
            else:
                exact = Decimal(1) if value == 0 else target / value
            status = "met" if exact >= 1 else "partly" if exact >= Decimal("0.75") else "missed"
            row |= {"value": money(value), "source": source, "ratio": ratio(exact), "status": status}
            if source == "computed" and reported is not None:
                row |= {"reported_value": money(reported), "mismatch": reported != value}
        rows.append(row)
        tally = counts.setdefault(cluster, {"met": 0, "partly": 0, "missed": 0, "no_data": 0})
        tally[row["status"]] += 1
    return {"rows": rows, "clusters": [{"cluster": c} | counts[c] for c in sorted(counts)]}
