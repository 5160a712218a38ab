"""Drill-down links: from a report figure to the address of the records that make it up.

Each report's table declares, per column, the records its figures add up
(`reports.drill.Drill`); `figure_link` turns that declaration into the address of their
list. The list itself, and its total, come from `reports.drill_records.records`, the
selection of the same `reports.selectors` querysets the report summed; the web only
renders it. A column without a declaration (unallocated, available, drawn from pool,
averages, ratios) has no link.
"""

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from clustermonitor.reports.tables import Table


def figure_link(
    table: Table, column: str, row: dict[str, Any], *, year: int | None, as_of: date | None
) -> tuple[str, str | None] | None:
    """(address, cluster the records belong to or None for several) of a figure, or None."""
    drill = table.drill.get(column)
    found = drill.query(column, row) if drill is not None else None
    if drill is None or found is None:
        return None
    params = {"year": year, "as_of": as_of.isoformat() if as_of else None, **found}
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{reverse('drill', args=[drill.records])}?{query}", found.get("cluster")
