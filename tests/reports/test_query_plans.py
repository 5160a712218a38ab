"""The plans the scale depends on: the reports' ledger figures read the kept month
balances, and under --as-of only the entries of the as-of month, through the date index;
neither scans the ledger whole, nor do the days of the as-of month scan the projects."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import Count, QuerySet

from clustermonitor.budget.models import LedgerBalance, LedgerEntry
from clustermonitor.domain.enums import Channel
from clustermonitor.kernel.aggregates import AmountSum, CentsSum
from clustermonitor.projects.models import Project
from clustermonitor.reports.selectors import projects_approved_in, projects_submitted_in

pytestmark = pytest.mark.django_db


def plan(queryset: QuerySet[LedgerBalance] | QuerySet[LedgerEntry], column: str, total: type) -> str:
    grouped = queryset.values("cluster__code", "year", "envelope").annotate(n=total(column))
    sql, params = grouped.order_by().query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}", params)
        return " / ".join(str(row[-1]) for row in cursor.fetchall())


def test_the_figures_of_a_year_come_from_the_kept_balances() -> None:
    text = plan(LedgerBalance.objects.filter(year=2018), "cents", CentsSum)

    assert "ledgerentry" not in text.lower(), text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a tiny PostgreSQL table is scanned by choice")
def test_the_days_of_the_as_of_month_are_found_through_the_date_index() -> None:
    entries = LedgerEntry.objects.filter(date__range=(date(2018, 6, 1), date(2018, 6, 20)), year=2018)
    text = plan(entries, "amount", AmountSum)

    assert "SCAN budget_ledgerentry" not in text, text
    assert "USING INDEX" in text, text


def grouped_plan(queryset: QuerySet[Project], *group_by: str, sums: bool = True) -> str:
    """The plan of a count per group (`project_counts`), with the sums of `project_totals`."""
    sums_of = {"granted": AmountSum("granted_support"), "cost": AmountSum("total_cost")} if sums else {}
    grouped = queryset.values(*group_by).annotate(n=Count("id"), **sums_of)
    sql, params = grouped.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " / ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL reads a tiny table whole, by choice")
def test_the_days_of_the_as_of_month_are_found_through_the_projects_date_indexes() -> None:
    """The reports read a year's kept tallies; as of a day, the days of its own month come
    from the projects (`selectors._tallied`), through their date indexes, not a scan."""
    as_of, month = date(2018, 6, 20), date(2018, 6, 1)
    submitted = projects_submitted_in(year=2018, as_of=as_of).filter(submitted_on__gte=month)
    approved = projects_approved_in(year=2018, as_of=as_of).filter(decided_on__gte=month)

    submitted_plan = grouped_plan(submitted.filter(channel=Channel.EARMARKED), "cluster_id", sums=False)
    assert "USING INDEX project_submitted_on" in submitted_plan, submitted_plan
    for group_by in (("cluster_id", "channel", "instrument"), ("cluster_id", "type_id")):
        approved_plan = grouped_plan(approved, *group_by)
        assert "USING INDEX project_decided_on" in approved_plan, approved_plan
