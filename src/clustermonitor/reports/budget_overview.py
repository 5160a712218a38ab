"""budget-overview (question 2a): the year's earmarked budget and effective commitments.

Per envelope: budget, allocated, unallocated (budget − allocated), committed
(commitments − decommitments booked on the year), paid, available (budget − committed).
Any of these may be negative.
"""

from datetime import date
from decimal import Decimal

from clustermonitor.budget.selectors import allocations_known
from clustermonitor.domain.enums import ENVELOPE_ORDER, Envelope
from clustermonitor.domain.money import D
from clustermonitor.reports import selectors
from clustermonitor.reports.drill import ALLOCATIONS, LEDGER, Drill
from clustermonitor.reports.figures import Report, Row, add_up, yearly_header
from clustermonitor.reports.tables import Table, total_row

NAME = "budget-overview"
MEASURES = ("budget", "allocated", "unallocated", "committed", "paid", "available")
SPEARHEAD_ENVELOPES = (Envelope.SPEARHEAD_OPERATION, Envelope.SPEARHEAD_PROJECTS)


def budget_overview(*, year: int, as_of: date | None = None) -> Report:
    budgets = selectors.budgets_by_year_envelope(years=[year])
    allocated = {
        row["envelope"]: D(row["allocated"])
        for row in selectors.allocated_totals(allocations_known(as_of=as_of).filter(year=year), "envelope")
    }
    ledger = {
        row["envelope"]: row
        for row in selectors.ledger_figures(as_of=as_of, group_by=("envelope",), year=year)
    }
    envelopes = [
        {
            "envelope": str(envelope),
            **envelope_measures(
                budget=budgets.get((year, envelope), D(0)),
                allocated=allocated.get(envelope, D(0)),
                committed=ledger.get(envelope, {}).get("committed", D(0)),
                paid=ledger.get(envelope, {}).get("paid", D(0)),
            ),
        }
        for envelope in ENVELOPE_ORDER
    ]
    spearhead = [row for row in envelopes if row["envelope"] in SPEARHEAD_ENVELOPES]
    ibn = [row for row in envelopes if row["envelope"] == Envelope.IBN]
    return {
        **yearly_header(NAME, year=year, as_of=as_of),
        "envelopes": envelopes,
        "spearhead": add_up(spearhead, MEASURES),
        "ibn": add_up(ibn, MEASURES),
        "total": add_up(envelopes, MEASURES),
    }


def envelope_measures(*, budget: Decimal, allocated: Decimal, committed: Decimal, paid: Decimal) -> Row:
    """The six measures of one envelope from its four stored figures."""
    return {
        "budget": budget,
        "allocated": allocated,
        "unallocated": budget - allocated,
        "committed": committed,
        "paid": paid,
        "available": budget - committed,
    }


def tables(report: Report) -> list[Table]:
    """One table: the envelopes, the spearhead subtotal after its two envelopes, the total."""
    by_envelope = {row["envelope"]: row for row in report["envelopes"]}
    rows = [
        by_envelope[Envelope.SPEARHEAD_OPERATION],
        by_envelope[Envelope.SPEARHEAD_PROJECTS],
        total_row("envelope", report["spearhead"], "spearhead"),
        total_row("envelope", report["ibn"], "ibn"),
        total_row("envelope", report["total"]),
    ]
    return [Table("envelopes", ("envelope", *MEASURES), rows, DRILL)]


# The envelope of the row (an envelope, the spearhead pair, or all of them on the total).
DRILL = {
    "allocated": Drill(ALLOCATIONS, {"measure": "allocated"}, {"envelope": "envelope"}),
    "committed": Drill(LEDGER, {"measure": "committed"}, {"envelope": "envelope"}),
    "paid": Drill(LEDGER, {"measure": "paid"}, {"envelope": "envelope"}),
}
