"""additional-resources (question 1): public resources beyond the earmarked budget.

Approved `other`-channel projects decided in the year, of every cluster (IBNs included),
per (cluster, instrument), with the totals and the figures per instrument.
"""

from collections import defaultdict
from datetime import date

from clustermonitor.domain.enums import Channel
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import Drill, approved_projects
from clustermonitor.reports.figures import Report, Row, add_up, by_code, yearly_header
from clustermonitor.reports.tables import Table, total_row

NAME = "additional-resources"
AMOUNTS = ("total_cost", "granted_support")
COUNTS = ("projects",)


def additional_resources(*, year: int, as_of: date | None = None) -> Report:
    # grouped by the cluster's id, its code and type looked up after: the database sums
    # hundreds of (cluster, instrument) groups without joining a cluster to each
    clusters = selectors.clusters_by_id()
    by = ("cluster_id", "instrument")
    approved = selectors.approvals_totals(year=year, as_of=as_of, group_by=by, channel=Channel.OTHER)
    rows = by_code(
        [
            {
                "cluster": clusters[row["cluster_id"]][0],
                "type": clusters[row["cluster_id"]][1],
                "instrument": row["instrument"],
                "projects": row["projects"],
                "total_cost": row["total_cost"],
                "granted_support": row["granted_support"],
            }
            for row in approved
        ],
        "cluster",
        "instrument",
    )
    return {
        **yearly_header(NAME, year=year, as_of=as_of),
        "rows": rows,
        "totals": add_up(rows, (*COUNTS, *AMOUNTS), counts=COUNTS),
        "by_instrument": _by_instrument(rows),
    }


def _by_instrument(rows: list[Row]) -> dict[str, Row]:
    """Every instrument with approved projects (each row counts at least one)."""
    per_instrument: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        per_instrument[row["instrument"]].append(row)
    return {
        instrument: add_up(per_instrument[instrument], (*COUNTS, *AMOUNTS), counts=COUNTS)
        for instrument in sorted(per_instrument)
    }


def tables(report: Report) -> list[Table]:
    by_instrument = [{"instrument": code, **figures} for code, figures in report["by_instrument"].items()]
    return [
        Table(
            "projects per cluster and instrument",
            ("cluster", "type", "instrument", *COUNTS, *AMOUNTS),
            [*report["rows"], total_row("cluster", report["totals"])],
            DRILL,
        ),
        Table(
            "projects per instrument",
            ("instrument", *COUNTS, *AMOUNTS),
            [*by_instrument, total_row("instrument", report["totals"])],
            DRILL,
        ),
    ]


def _approved(sums: str | None) -> Drill:
    rows = {"cluster": "cluster", "instrument": "instrument"}
    return approved_projects(channel=Channel.OTHER, sums=sums, from_row=rows)


DRILL = {
    "projects": _approved(None),
    "granted_support": _approved("granted_support"),
    "total_cost": _approved("total_cost"),
}
