"""A drill-down list as the rows of its xlsx download: the columns the page shows, the
same records in the same order, closed by the figure's total."""

from typing import Any

from clustermonitor.reports.drill_records import Records

COLUMNS: dict[str, tuple[str, ...]] = {
    "ledger": ("ref", "date", "kind", "envelope", "cluster", "project", "amount", "booked_by"),
    "allocations": ("cluster", "envelope", "decided_on", "amount"),
    "projects": (
        "ref",
        "cluster",
        "title",
        "type",
        "instrument",
        "submitted_on",
        "decided_on",
        "total_cost",
        "granted_support",
    ),
    "kpis": ("cluster", "kpi", "kind", "target", "value", "source", "status"),
}


def drill_rows(found: Records) -> tuple[tuple[str, ...], list[dict[str, Any]], dict[str, Any]]:
    """(columns, rows, totals) of a drill-down list; the totals hold the figure clicked."""
    columns = COLUMNS[found.kind]
    if found.kind == "ledger":
        rows = [
            {
                "ref": e.ref,
                "date": e.date,
                "kind": e.kind,
                "envelope": e.envelope,
                "cluster": e.cluster.code,
                "project": e.project.ref if e.project else None,
                "amount": e.signed,
                "booked_by": e.booked_by,
            }
            for e in found.rows
        ]
    elif found.kind == "allocations":
        rows = [
            {
                "cluster": a.cluster.code,
                "envelope": a.envelope,
                "decided_on": a.decided_on,
                "amount": a.amount,
            }
            for a in found.rows
        ]
    elif found.kind == "projects":
        rows = [
            {
                "ref": p.ref,
                "cluster": p.cluster.code,
                "title": p.title,
                "type": p.type.code,
                "instrument": p.instrument,
                "submitted_on": p.submitted_on,
                "decided_on": p.decided_on,
                "total_cost": p.total_cost,
                "granted_support": p.granted_support,
            }
            for p in found.rows
        ]
    else:
        rows = [{key: row.get(key) for key in columns} for row in found.rows]
    return columns, rows, {found.sums: found.total} if found.sums else {}
