"""Drill-down targets: which records make up a figure, as each report declares them.

A report's table names, per column, the records its figures add up (`Drill`): the kind
of records (ledger entries, allocations, projects, KPI rows), the filters every figure
of the column shares, and the filters a row gives (its cluster, envelope, type …). The
records themselves are chosen by that kind's selection in `drill_records`, from the same
`selectors` the report summed; the web turns a declaration into a link and renders the
list, without knowing any report (web/drill.py).

Filters a list understands: `envelope` (an envelope or a group: spearhead, operation),
`cluster`, `scope=pact` (the spearhead clusters in their pact that year), `measure`
(ledger: committed or paid; projects: applications or approved), `channel`, `type`,
`instrument`, `status` (KPI rows), `year`; `sum` says what a project list adds up
(`granted_support`, `total_cost`, else it counts). `measure` on allocations is always
`allocated`. Each selection lists the filters it reads (`drill_records.SELECTIONS`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TOTAL_LABELS = frozenset({"total"})  # a totals row's label: no filter on that key
LEDGER, ALLOCATIONS, PROJECTS, KPIS = "ledger", "allocations", "projects", "kpis"
RECORDS = (LEDGER, ALLOCATIONS, PROJECTS, KPIS)


@dataclass(frozen=True)
class Drill:
    """The records behind every figure of one table column."""

    records: str  # one of RECORDS
    filters: Mapping[str, str] = field(default_factory=dict)  # shared by the column's figures
    from_row: Mapping[str, str] = field(default_factory=dict)  # filter -> the row's key giving it
    needs: tuple[str, ...] = ()  # filters a row must give, else its figure has no records to list
    column_as: str | None = None  # a filter whose value is the column's own name
    pact_for_total: bool = False  # a row without a cluster adds up the spearhead clusters in pact
    sums: str | None = None  # what a project list adds up; None counts

    def __post_init__(self) -> None:
        if self.records not in RECORDS:
            raise ValueError(f"records: one of {', '.join(RECORDS)}, not {self.records!r}")

    def gives(self) -> frozenset[str]:
        """The names of every filter this declaration may give a figure's records."""
        names = {*self.filters, *self.from_row, "column"}
        names |= {self.column_as} if self.column_as else set()
        names |= {"scope"} if self.pact_for_total else set()
        return frozenset(names | ({"sum"} if self.sums else set()))

    def query(self, column: str, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """The filters of the records behind `row`'s figure in `column`, or None."""
        values: dict[str, Any] = dict(self.filters)
        for name, key in self.from_row.items():
            value = row.get(key)
            values[name] = None if value in TOTAL_LABELS else value
        if self.column_as:
            values[self.column_as] = column
        for name in self.needs:
            if values.get(name) in (None, ""):
                return None
        if self.pact_for_total and values.get("cluster") is None:
            values["scope"] = "pact"
        if self.sums:
            values["sum"] = self.sums
        values["column"] = column  # in place: a dashboard asks a thousand of these
        return values


def approved_projects(*, channel: str, sums: str | None, **extra: Any) -> Drill:
    """Approved projects of a channel decided in the year (counted, or their amount added)."""
    return Drill(PROJECTS, {"measure": "approved", "channel": channel}, sums=sums, **extra)
