"""Deterministic synthetic datasets in the contract format, at any size, for benchmarks.

`python -m benchmarks.generate --projects 1000000 --out benchmarks/data/1m [--seed 1]`

100 clusters over 20 years (2005-2024, closed to 2020); about three ledger entries per
project on average. Valid under every contract rule by construction: the budgets are
large enough, operation commitments equal the caps, and each approved earmarked project
is committed in four tranches and paid in four that never exceed them.
"""

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

FIRST_YEAR, LAST_YEAR, LAST_CLOSED = 2005, 2024, 2020
SPEARHEADS, IBNS = 60, 40
OP_CAP = {"spearhead_operation": 500_000_00, "ibn": 150_000_00}  # cents
INSTRUMENTS = [
    "EFRO",
    "INTERREG",
    "FIT",
    "WSE",
    "FWO",
    "OVAM",
    "H2020",
    "ERANET",
    "INTERCLUSTER",
    "RD_REGULAR",
]
EARMARKED_TYPES = ["ICON", "cSBO", "COOCK", "CLUSTER_RD", "INNOVATION", "COLLECTIVE"]
OTHER_TYPES = ["REGIONAL_DEV", "INTERNATIONAL", "TRAINING", "FUNDAMENTAL", "CIRCULAR", "EU_RESEARCH"]


def euros(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


class Writer:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.handles: dict[str, tuple[object, csv.writer]] = {}

    def row(self, name: str, header: list[str], values: list[object]) -> None:
        if name not in self.handles:
            handle = (self.folder / name).open("w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            self.handles[name] = (handle, writer)
        self.handles[name][1].writerow(values)

    def close(self) -> None:
        for handle, _ in self.handles.values():
            handle.close()  # type: ignore[attr-defined]


def generate(folder: Path, projects: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    out = Writer(folder)
    clusters = [(f"SP{i:03d}", "spearhead") for i in range(SPEARHEADS)] + [
        (f"IB{i:03d}", "ibn") for i in range(IBNS)
    ]
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    for code, kind in clusters:
        out.row(
            "clusters.csv",
            ["code", "name", "type", "domain", "recognised_on", "pact_start_year", "pact_end_year"],
            [code, f"Cluster {code}", kind, "synthetic", f"{FIRST_YEAR - 1}-06-01", FIRST_YEAR, LAST_YEAR],
        )
    for year in years:
        closed = year <= LAST_CLOSED
        out.row(
            "years.csv",
            ["year", "status", "closed_on"],
            [year, "closed" if closed else "open", f"{year + 1}-03-01" if closed else ""],
        )
        for envelope, amount in (
            ("spearhead_operation", SPEARHEADS * OP_CAP["spearhead_operation"]),
            ("spearhead_projects", 10**14),
            ("ibn", IBNS * OP_CAP["ibn"]),
        ):
            out.row(
                "budgets.csv", ["year", "envelope", "amount", "source"], [year, envelope, euros(amount), ""]
            )
        ledger_operation(out, clusters, year)
    entry_number = [0]
    for ref_number in range(1, projects + 1):
        code, kind = clusters[rng.randrange(len(clusters))]
        write_project(out, rng, f"PR{ref_number:08d}", code, kind, entry_number)
    write_kpis(out, random.Random(seed + 1000), clusters)
    out.close()


KPIS = [  # code, unit, kind, direction, computed_from
    ("K-MEMBERS", "count", "output", "up", ""),
    ("K-EVENTS", "count", "output", "up", ""),
    ("K-CO2", "%", "impact", "down", ""),
    ("K-APPROVED", "count", "output", "up", "approved_projects"),
    ("K-APPLIED", "count", "output", "up", "applications"),
    ("K-OTHER", "EUR", "impact", "up", "other_public_funding"),
]


def write_kpis(out: Writer, rng: random.Random, clusters: list[tuple[str, str]]) -> None:
    """Six KPIs (three computed from projects), a target per cluster and year, most results."""
    for code, unit, kind, direction, computed in KPIS:
        out.row(
            "kpis.csv",
            ["code", "name", "unit", "kind", "direction", "computed_from"],
            [code, f"KPI {code}", unit, kind, direction, computed],
        )
    for cluster, _ in clusters:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for code, _, _, _, computed in KPIS:
                target = rng.randrange(1, 400)
                out.row(
                    "kpi_targets.csv", ["cluster", "kpi", "year", "target"], [cluster, code, year, target]
                )
                if computed or rng.random() < 0.1:
                    continue
                out.row(
                    "kpi_results.csv",
                    ["cluster", "kpi", "year", "value", "reported_on", "source"],
                    [cluster, code, year, target * rng.randrange(50, 130) // 100, f"{year + 1}-02-15", ""],
                )


def ledger_operation(out: Writer, clusters: list[tuple[str, str]], year: int) -> None:
    for code, kind in clusters:
        envelope = "ibn" if kind == "ibn" else "spearhead_operation"
        out.row(
            "allocations.csv",
            ["year", "cluster", "envelope", "amount", "decided_on"],
            [year, code, envelope, euros(OP_CAP[envelope]), f"{year}-01-15"],
        )
        ledger_row(
            out, f"OP{year}{code}C", f"{year}-02-01", year, "commitment", envelope, code, "", OP_CAP[envelope]
        )
        ledger_row(
            out,
            f"OP{year}{code}P",
            f"{year}-06-01",
            year,
            "payment",
            envelope,
            code,
            "",
            OP_CAP[envelope] // 2,
        )


def ledger_row(
    out: Writer,
    ref: str,
    day: str,
    year: int,
    kind: str,
    envelope: str,
    cluster: str,
    project: str,
    cents: int,
) -> None:
    out.row(
        "ledger.csv",
        ["id", "date", "year", "kind", "envelope", "cluster", "project", "amount", "note"],
        [ref, day, year, kind, envelope, cluster, project, euros(cents), ""],
    )


def write_project(
    out: Writer, rng: random.Random, ref: str, cluster: str, kind: str, entry: list[int]
) -> None:
    year = rng.randrange(FIRST_YEAR, LAST_YEAR + 1)
    submitted = date(year, 1, 1) + timedelta(days=rng.randrange(0, 280))
    earmarked = kind == "spearhead" and rng.random() < 0.85
    roll = rng.random()
    status = (
        "approved"
        if roll < 0.75
        else "rejected"
        if roll < 0.88
        else "withdrawn"
        if roll < 0.95
        else "submitted"
    )
    decided = (
        submitted + timedelta(days=rng.randrange(20, 80)) if status in ("approved", "rejected") else None
    )
    total = rng.randrange(100_000_00, 5_000_000_00)
    requested = total * rng.randrange(40, 80) // 100
    granted = requested * rng.randrange(70, 101) // 100 if status == "approved" else None
    out.row(
        "projects.csv",
        [
            "ref",
            "cluster",
            "title",
            "type",
            "channel",
            "instrument",
            "submitted_on",
            "status",
            "decided_on",
            "total_cost",
            "requested_support",
            "granted_support",
        ],
        [
            ref,
            cluster,
            f"Synthetic project {ref}",
            rng.choice(EARMARKED_TYPES if earmarked else OTHER_TYPES),
            "earmarked" if earmarked else "other",
            "HERMES" if earmarked else rng.choice(INSTRUMENTS),
            submitted.isoformat(),
            status,
            decided.isoformat() if decided else "",
            euros(total),
            euros(requested),
            euros(granted) if granted is not None else "",
        ],
    )
    if earmarked and status == "approved" and decided is not None and granted:
        tranche = granted // 4
        for step in range(4):
            entry[0] += 1
            ledger_row(
                out,
                f"E{entry[0]:09d}",
                decided.isoformat(),
                decided.year,
                "commitment",
                "spearhead_projects",
                cluster,
                ref,
                tranche,
            )
            paid_on = decided + timedelta(days=30 * (step + 1))
            entry[0] += 1
            ledger_row(
                out,
                f"E{entry[0]:09d}",
                paid_on.isoformat(),
                paid_on.year,
                "payment",
                "spearhead_projects",
                cluster,
                ref,
                tranche * 9 // 10,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.projects, args.seed)


if __name__ == "__main__":
    main()
