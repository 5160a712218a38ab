"""Drill-down links: from a report figure to the address of the records that make it up.

Each report's table declares, per column, the records its figures add up
(`reports.drill.Drill`); `FigureLinks` turns that declaration into the address of their
list. The list itself, and its total, come from `reports.drill_records.records`, the
selection of the same `reports.selectors` querysets the report summed; the web only
renders it. A column without a declaration (unallocated, available, drawn from pool,
averages, ratios) has no link.
"""

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote_plus

from django.urls import reverse

from clustermonitor.reports.tables import Table

FoundLink = tuple[str, str | None] | None  # (address, the records' one cluster or None)
ColumnLink = Callable[[dict[str, Any]], FoundLink]  # a column's figures' links, by row


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
        link = self.of_column(table, column)
        return None if link is None else link(row)

    def of_column(self, table: Table, column: str) -> ColumnLink | None:
        """`self(table, column, row)` as a function of the row, what the column's figures
        share worked out once (a dashboard table has a hundred rows); None: no records."""
        drill = table.drill.get(column)
        if drill is None:
            return None
        path = self.paths.get(drill.records)
        if path is None:
            path = self.paths[drill.records] = reverse("drill", args=[drill.records]) + "?"
        if drill.gives() & self.shared.keys():  # a row's filter takes a shared key's place
            return lambda row: self._link(path, [], _after(self.shared, drill.query(column, row)))
        head = [self._pair(key, value) for key, value in self.shared.items() if value]
        return lambda row: self._link(path, head, drill.query(column, row))

    def _link(self, path: str, head: list[str], found: dict[str, Any] | None) -> FoundLink:
        """The address of the records `found` names (`head`: the page's pairs before them)."""
        if found is None:
            return None
        pairs, quoted = list(head), self.pairs
        for item in found.items():
            if item[1] is None or item[1] == "":
                continue
            if not isinstance(item[1], str):  # by its text: 1 == True, yet they print apart
                item = (item[0], str(item[1]))
            pairs.append(quoted.get(item) or self._pair(*item))
        return path + "&".join(pairs), found.get("cluster")

    def _pair(self, key: str, text: str) -> str:
        """`key=text`, quoted as `urlencode` quotes it, once per page."""
        pair = self.pairs.get((key, text))
        if pair is None:
            pair = self.pairs[(key, text)] = f"{quote_plus(key)}={quote_plus(text)}"
        return pair


def _after(shared: dict[str, str | None], found: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if found is None else shared | found
