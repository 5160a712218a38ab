"""Each report is a fixed handful of grouped queries, however many clusters and projects.

The query count must not grow with the data: a report over a million projects issues the
same few queries as one over ten.
"""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clustermonitor.reports.registry import REPORTS, report_build
from tests.factories import (
    AllocationFactory,
    BudgetFactory,
    IbnClusterFactory,
    KpiFactory,
    KpiResultFactory,
    KpiTargetFactory,
    LedgerEntryFactory,
    ProjectFactory,
    ProjectTypeFactory,
    SpearheadClusterFactory,
)

pytestmark = pytest.mark.django_db

MOST_QUERIES = 9  # cluster-overview under as-of: its ledger figures are two reads (selectors.ledger_figures)
AS_OF = datetime.date(2018, 12, 31)


def grow(first: int, count: int) -> None:
    """Add `count` spearhead clusters and IBNs, each with allocations, projects, ledger and KPIs."""
    icon = ProjectTypeFactory(code="ICON")
    other = ProjectTypeFactory(code="REGIONAL_DEV", earmarked_eligible=False)
    kpis = [
        KpiFactory(code="MEMBERS"),
        KpiFactory(code="APPLICATIONS", computed_from="applications"),
        KpiFactory(code="FUNDING", computed_from="other_public_funding"),
    ]
    for n in range(first, first + count):
        cluster = SpearheadClusterFactory(code=f"C{n:03d}", pact_start_year=2017, pact_end_year=2020)
        ibn = IbnClusterFactory(code=f"I{n:03d}", pact_start_year=2018, pact_end_year=2020)
        AllocationFactory(year=2018, cluster=cluster, envelope="spearhead_operation", decided_on=None)
        AllocationFactory(year=2018, cluster=cluster, envelope="spearhead_projects")
        AllocationFactory(year=2018, cluster=ibn, envelope="ibn", amount=D("100000"))
        for k in range(3):
            project = ProjectFactory(
                ref=f"E{n:03d}.{k}",
                cluster=cluster,
                type=icon,
                submitted_on=datetime.date(2018, 1, 10),
                decided_on=datetime.date(2018, 3, 1),
            )
            LedgerEntryFactory(project=project, year=2018, date=datetime.date(2018, 4, 1))
            LedgerEntryFactory(project=project, year=2018, kind="payment", amount=D("50000"))
        for instrument, owner in (("EFRO", cluster), ("H2020", ibn)):
            ProjectFactory(
                ref=f"O{n:03d}.{instrument}",
                cluster=owner,
                type=other,
                channel="other",
                instrument=instrument,
                submitted_on=datetime.date(2018, 2, 1),
                decided_on=datetime.date(2018, 5, 1),
            )
        LedgerEntryFactory(cluster=cluster, envelope="spearhead_operation", year=2018)
        LedgerEntryFactory(cluster=ibn, envelope="ibn", year=2018)
        for kpi in kpis:
            KpiTargetFactory(cluster=cluster, kpi=kpi, year=2018)
        KpiResultFactory(cluster=cluster, kpi=kpis[0], year=2018, reported_on=datetime.date(2018, 6, 1))


def queries_of(name: str, **options: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        report_build(name, **options)
    return len(captured.captured_queries)


def options_of(name: str) -> dict[str, object]:
    return {"as_of": AS_OF} if not REPORTS[name].yearly else {"year": 2018, "as_of": AS_OF}


@pytest.mark.parametrize("name", list(REPORTS))
def test_query_count_does_not_grow_with_clusters_and_projects(
    name: str, django_assert_max_num_queries
) -> None:
    for envelope in ("spearhead_operation", "spearhead_projects", "ibn"):
        BudgetFactory(year=2018, envelope=envelope, amount=D("90000000"))
    grow(0, 2)
    small = queries_of(name, **options_of(name))
    grow(2, 10)

    with django_assert_max_num_queries(MOST_QUERIES):
        report = report_build(name, **options_of(name))

    assert queries_of(name, **options_of(name)) == small
    assert report["report"] == name


def test_the_grown_data_is_in_the_reports() -> None:
    BudgetFactory(year=2018, envelope="spearhead_projects", amount=D("90000000"))
    grow(0, 12)

    assert len(report_build("cluster-overview", year=2018)["rows"]) == 12
    assert report_build("additional-resources", year=2018)["totals"]["projects"] == 24
    assert len(report_build("kpi-status", year=2018)["rows"]) == 36
