"""The year's commitments month by month: the dashboard's chart of commitments through
the year against the budget line.

Per booking month, the net commitments (commitments − decommitments) booked on the
budget year, summed by `selectors.ledger_totals` over `selectors.ledger_entries_known`
exactly as budget-overview sums them; so December's cumulative figure equals
budget-overview's total `committed` for the same year and as-of. An entry booked before
the year counts in January, one booked after it (a late booking on an open year) in
December: the line starts and ends where the year's figures do.
"""

from datetime import date
from typing import Any

from django.db.models.functions import ExtractMonth, ExtractYear

from clustermonitor.domain.money import D
from clustermonitor.reports import selectors

MONTHS = range(1, 13)


def commitments_by_month(*, year: int, as_of: date | None = None) -> list[dict[str, Any]]:
    """`[{"month", "committed", "cumulative"}]` for months 1–12: net commitments booked in
    the month, and up to and including it."""
    entries = (
        selectors.ledger_entries_known(as_of=as_of)
        .filter(year=year)
        .annotate(booked_year=ExtractYear("date"), booked_month=ExtractMonth("date"))
    )
    per_month = {month: D(0) for month in MONTHS}
    for row in selectors.ledger_totals(entries, "booked_year", "booked_month"):
        if row["booked_year"] < year:
            month = 1
        elif row["booked_year"] > year:
            month = 12
        else:
            month = row["booked_month"]
        per_month[month] += row["committed"]
    cumulative = D(0)
    out: list[dict[str, Any]] = []
    for month in MONTHS:
        cumulative += per_month[month]
        out.append({"month": month, "committed": per_month[month], "cumulative": cumulative})
    return out
