"""Drill-down links: from a report figure to the address of the records that make it up.

Each report's table declares, per column, the records its figures add up
(`reports.drill.Drill`); `FigureLinks` turns that declaration into the address of their
list. The list itself, and its total, come from `reports.drill_records.records`, the
selection of the same `reports.selectors` querysets the report summed; the web only
renders it. A column without a declaration (unallocated, available, drawn from pool,
averages, ratios) has no link.
"""

from datetime import date
from typing import Any
from urllib.parse import quote_plus

from django.urls import reverse

from clustermonitor.reports.tables import Table


class FigureLinks:
    """The drill-down links of one page's figures: each list's address is reversed once and
    each filter (`key=value`) quoted once, for a dashboard has thousands of figures with the
    same few dozen filters. The query is what `urlencode` writes, in the same order."""

    def __init__(self, *, year: int | None, as_of: date | None) -> None:
        # as texts, the pairs' keys: every link has them
        self.shared = {
            "year": None if year is None else str(year),
            "as_of": as_of.isoformat() if as_of else None,
        }
        self.paths: dict[str, str] = {}  # records -> `/drill/<records>/?`
        self.pairs: dict[tuple[str, str], str] = {}  # (key, value's text) -> `key=value`, quoted

    def __call__(self, table: Table, column: str, row: dict[str, Any]) -> tuple[str, str | None] | None:
        """(address, cluster the records belong to or None for several) of a figure, or None."""
        drill = table.drill.get(column)
        found = drill.query(column, row) if drill is not None else None
        if drill is None or found is None:
            return None
        path = self.paths.get(drill.records)
        if path is None:
            path = self.paths[drill.records] = reverse("drill", args=[drill.records]) + "?"
        pairs = []
        for item in (self.shared | found).items():
            if item[1] is None or item[1] == "":
                continue
            if not isinstance(item[1], str):  # by its text: 1 == True, yet they print apart
                item = (item[0], str(item[1]))
            pair = self.pairs.get(item)
            if pair is None:
                pair = self.pairs[item] = f"{quote_plus(item[0])}={quote_plus(item[1])}"
            pairs.append(pair)
        return path + "&".join(pairs), found.get("cluster")
