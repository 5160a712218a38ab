"""The dashboard's monthly chart reads the kept month balances: the same figures as the
ledger scan it replaced, for every year and as-of day of a generated dataset."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db.models.functions import ExtractMonth, ExtractYear

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.budget.selectors import ledger_entries_known, ledger_totals
from clustermonitor.domain.money import D
from clustermonitor.reports.monthly import MONTHS, commitments_by_month
from tests.datasets.helpers import copy_fixture, run_import


def scanned_by_month(*, year: int, as_of: date | None) -> list[dict[str, Any]]:
    """The chart as it was computed before the balances: a GROUP BY over the entries."""
    entries = (
        ledger_entries_known(as_of=as_of)
        .filter(year=year)
        .annotate(booked_year=ExtractYear("date"), booked_month=ExtractMonth("date"))
    )
    per_month = {month: D(0) for month in MONTHS}
    for row in ledger_totals(entries, "booked_year", "booked_month"):
        if row["booked_year"] < year:
            month = 1
        elif row["booked_year"] > year:
            month = 12
        else:
            month = row["booked_month"]
        per_month[month] += row["committed"]
    cumulative, out = D(0), []
    for month in MONTHS:
        cumulative += per_month[month]
        out.append({"month": month, "committed": per_month[month], "cumulative": cumulative})
    return out


@pytest.mark.django_db
def test_the_chart_from_the_balances_equals_the_ledger_scan(tmp_path: Path) -> None:
    run_import(copy_fixture("flanders-small", tmp_path))
    years = sorted(set(LedgerEntry.objects.values_list("year", flat=True)))
    days = sorted(set(LedgerEntry.objects.values_list("date", flat=True)))
    probes = {None, days[0], days[len(days) // 2], days[-1], date(years[0] - 1, 12, 31)}
    probes |= {d.replace(day=1) for d in days[::9]} | {d.replace(day=28) for d in days[::13]}
    assert len(years) > 1 and len(probes) > 10
    for year in [years[0] - 1, *years]:
        for as_of in sorted(probes, key=lambda d: d or date.max):
            assert commitments_by_month(year=year, as_of=as_of) == scanned_by_month(year=year, as_of=as_of), (
                year,
                as_of,
            )
