"""project-generation (questions 4 and 5): the projects the clusters generated, by type.

Approved earmarked projects decided in the year per (cluster, project type), the same per
cluster beside what the cluster committed on the project budget, and `earmarked_used`:
the year's net commitments on `spearhead_projects`, all clusters together.
"""

from datetime import date
from decimal import Decimal

from clustermonitor.domain.enums import Channel, Envelope
from clustermonitor.domain.money import ZERO, divide
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import LEDGER, Drill, approved_projects
from clustermonitor.reports.figures import Report, Row, add_up, by_code, yearly_header
from clustermonitor.reports.tables import Table, total_row

NAME = "project-generation"
COUNTS = ("projects",)
AMOUNTS = ("granted_support", "total_cost")
CLUSTER_SUMS = ("projects", "granted_support", "committed_projects")


def project_generation(*, year: int, as_of: date | None = None) -> Report:
    by = ("cluster__code", "type__code")
    rows = by_code(
        (
            {
                "cluster": row["cluster__code"],
                "type": row["type__code"],
                "projects": row["projects"],
                "granted_support": row["granted_support"],
                "total_cost": row["total_cost"],
                "average_support": divide(row["granted_support"], row["projects"]),
            }
            for row in selectors.approvals_totals(
                year=year, as_of=as_of, group_by=by, channel=Channel.EARMARKED
            )
        ),
        "cluster",
        "type",
    )
    totals = selectors.ledger_figures(
        as_of=as_of, group_by=("cluster__code",), year=year, envelope=Envelope.SPEARHEAD_PROJECTS
    )
    committed = {row["cluster__code"]: row["committed"] for row in totals}
    return {
        **yearly_header(NAME, year=year, as_of=as_of),
        "rows": rows,
        "clusters": _clusters(year, rows, committed),
        "earmarked_used": sum(committed.values(), start=ZERO),
    }


def _clusters(year: int, rows: list[Row], committed: dict[str, Decimal]) -> list[Row]:
    """Spearhead clusters in pact, and any other cluster with approvals or commitments."""
    in_pact = set(selectors.spearhead_clusters_in_pact(year=year).values_list("code", flat=True))
    with_approvals = {row["cluster"] for row in rows}
    with_commitments = {code for code, amount in committed.items() if amount}
    return [
        {
            "cluster": code,
            **add_up(
                [row for row in rows if row["cluster"] == code],
                ("projects", "granted_support"),
                counts=("projects",),
            ),
            "committed_projects": committed.get(code, ZERO),
        }
        for code in sorted(in_pact | with_approvals | with_commitments)
    ]


def tables(report: Report) -> list[Table]:
    """The report's tables, each list closed by its grand total (a rendering: the JSON
    has no totals object; the totals add up the rows shown, the average is not added)."""
    rows, clusters = report["rows"], report["clusters"]
    return [
        Table(
            "projects per cluster and type",
            ("cluster", "type", "projects", "granted_support", "total_cost", "average_support"),
            [*rows, total_row("cluster", add_up(rows, (*COUNTS, *AMOUNTS), counts=COUNTS))],
            APPROVED_DRILL,
        ),
        Table(
            "clusters",
            ("cluster", "projects", "granted_support", "committed_projects"),
            [*clusters, total_row("cluster", add_up(clusters, CLUSTER_SUMS, counts=COUNTS))],
            {**APPROVED_DRILL, "committed_projects": _committed(needs=("cluster",))},
        ),
        Table(
            "earmarked project budget used",
            ("earmarked_used",),
            [{"earmarked_used": report["earmarked_used"]}],
            {"earmarked_used": _committed()},
        ),
    ]


def _approved(sums: str | None) -> Drill:
    return approved_projects(
        channel=Channel.EARMARKED, sums=sums, from_row={"cluster": "cluster", "type": "type"}
    )


def _committed(needs: tuple[str, ...] = ()) -> Drill:
    """Net commitments on the project envelope (of the row's cluster where it names one)."""
    filters = {"envelope": Envelope.SPEARHEAD_PROJECTS, "measure": "committed"}
    return Drill(LEDGER, filters, {"cluster": "cluster"}, needs=needs)


APPROVED_DRILL = {
    "projects": _approved(None),
    "granted_support": _approved("granted_support"),
    "total_cost": _approved("total_cost"),
}
