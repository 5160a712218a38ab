"""The year's commitments month by month: the dashboard's chart of commitments through
the year against the budget line.

Per booking month, the net commitments (commitments − decommitments) booked on the
budget year, read by `selectors.ledger_figures` from the month balances the writers keep,
exactly as budget-overview reads its totals; so December's cumulative figure equals
budget-overview's total `committed` for the same year and as-of. An entry booked before
the year counts in January, one booked after it (a late booking on an open year) in
December: the line starts and ends where the year's figures do.
"""

from datetime import date
from typing import Any

from clustermonitor.domain.money import D
from clustermonitor.reports import selectors

MONTHS = range(1, 13)


def _chart_month(booked: date, year: int) -> int:
    """The chart's month of a booking month: January before the year, December after it."""
    if booked.year < year:
        return 1
    if booked.year > year:
        return 12
    return booked.month


def commitments_by_month(*, year: int, as_of: date | None = None) -> list[dict[str, Any]]:
    """`[{"month", "committed", "cumulative"}]` for months 1–12: net commitments booked in
    the month, and up to and including it."""
    per_month = {month: D(0) for month in MONTHS}
    for row in selectors.ledger_figures(as_of=as_of, group_by=("month",), year=year):
        per_month[_chart_month(row["month"], year)] += row["committed"]
    cumulative = D(0)
    out: list[dict[str, Any]] = []
    for month in MONTHS:
        cumulative += per_month[month]
        out.append({"month": month, "committed": per_month[month], "cumulative": cumulative})
    return out
