"""The shape every report shares: its header, code order, totals and sparse objects.

A report is plain data (a dict shaped like its JSON): Decimal amounts, int counts,
Fraction ratios (exact; renderers print them with four decimals), str codes, None.
The renderers format it; nothing here or there recomputes a figure.
"""

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from clustermonitor.domain.money import ZERO
from clustermonitor.reports import selectors

Report = dict[str, Any]
Row = dict[str, Any]


class ReportError(ValueError):
    """A report cannot be made with the options given (e.g. an unknown cluster)."""


def report_header(name: str, *, year: int | None, as_of: date | None, figures: str) -> Report:
    """The four top-level keys of every report."""
    return {"report": name, "year": year, "as_of": as_of, "figures": figures}


def yearly_header(name: str, *, year: int, as_of: date | None) -> Report:
    """The header of a report on one year: definitive once the year is closed on `as_of`."""
    return report_header(
        name, year=year, as_of=as_of, figures=selectors.figures_status(year=year, as_of=as_of)
    )


def by_code(rows: Iterable[Row], *keys: str) -> list[Row]:
    """Rows ordered by the given code columns, compared by Unicode code point.

    Sorted in Python on purpose: database collations disagree (`cSBO` after `INNOVATION`
    here, before it under most PostgreSQL locales).
    """
    return sorted(rows, key=lambda row: tuple([str(row[key]) for key in keys]))  # a list: faster per row


def add_up(rows: Iterable[Mapping[str, Any]], keys: Iterable[str], *, counts: Collection[str] = ()) -> Row:
    """Each measure summed over the rows: counts as int, the others as Decimal amounts."""
    rows = list(rows)
    return {key: sum((row[key] for row in rows), start=0 if key in counts else ZERO) for key in keys}


def non_zero(values: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """An object keyed by code: only the non-zero figures, keys in code-point order."""
    return {code: values[code] for code in sorted(values) if values[code]}


def add_up_by_code(objects: Iterable[Mapping[str, Decimal]]) -> dict[str, Decimal]:
    """Objects keyed by code added up per code, kept sparse."""
    totals: dict[str, Decimal] = {}
    for obj in objects:
        for code, amount in obj.items():
            totals[code] = totals.get(code, ZERO) + amount
    return non_zero(totals)
