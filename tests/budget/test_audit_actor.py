"""Every write service records who made the change in the audit trail: the historical
row of what it saved says "<action> by <actor>", whichever door the change came in by."""

from decimal import Decimal

import pytest

from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.budget.services import allocation_set, budget_set, year_close
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.services import cluster_update
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.kpis.services import kpi_figure_set
from clustermonitor.projects.models import Project
from clustermonitor.projects.services import project_decide, project_submit
from tests.factories import KpiFactory

from .scenario import World, book, day


def reasons(model: type, **lookup: object) -> list[str]:
    row = model.objects.get(**lookup)  # type: ignore[attr-defined]
    return list(row.history.order_by("history_id").values_list("history_change_reason", flat=True))


def test_budget_allocation_and_year_close_record_their_actor(world: World) -> None:
    budget_set(year=2021, envelope="ibn", amount=Decimal("300000.00"), actor="an")
    budget_set(year=2021, envelope="ibn", amount=Decimal("350000.00"), actor="bert")
    allocation_set(
        year=2020, cluster="VIL", envelope="spearhead_projects", amount=Decimal("1.00"), actor="cas"
    )
    year_close(year=2020, closed_on=day(2021, 3, 1), actor="dirk")

    assert reasons(Budget, year=2021, envelope="ibn") == ["set by an", "changed by bert"]
    assert (
        reasons(Allocation, year=2020, cluster__code="VIL", envelope="spearhead_projects")[-1] == "set by cas"
    )
    assert reasons(BudgetYear, year=2020) == ["closed by dirk"]


def test_a_booking_records_its_actor(world: World) -> None:
    entry = book(actor="eva")

    assert entry.booked_by == "eva"
    assert reasons(LedgerEntry, pk=entry.pk) == ["booked by eva"]


def test_kpi_targets_and_results_record_their_actor(world: World) -> None:
    KpiFactory(code="JOBS")
    kpi_figure_set(what="target", cluster="VIL", kpi="JOBS", year=2020, value=Decimal("10"), actor="fien")
    kpi_figure_set(what="target", cluster="VIL", kpi="JOBS", year=2020, value=Decimal("12"), actor="gert")
    kpi_figure_set(
        what="result",
        cluster="VIL",
        kpi="JOBS",
        year=2020,
        value=Decimal("9"),
        reported_on=day(2021, 4, 1),
        actor="hans",
    )

    assert reasons(KpiTarget, kpi__code="JOBS", year=2020) == ["set by fien", "changed by gert"]
    assert reasons(KpiResult, kpi__code="JOBS", year=2020) == ["set by hans"]


def test_clusters_and_projects_record_their_actor(world: World) -> None:
    vil = Cluster.objects.get(code="VIL")
    cluster_update(
        code="VIL",
        name="Vlaams Innovatiecluster Logistiek",
        type=vil.type,
        recognised_on=vil.recognised_on,
        pact_start_year=vil.pact_start_year,
        pact_end_year=vil.pact_end_year,
        actor="ilse",
    )
    project_submit(
        ref="NEW1",
        cluster="VIL",
        title="New",
        type="ICON",
        channel="earmarked",
        instrument="",
        submitted_on=day(2020, 2, 1),
        total_cost=Decimal("100.00"),
        requested_support=Decimal("50.00"),
        actor="jo",
    )
    project_decide(
        ref="NEW1", status="rejected", decided_on=day(2020, 3, 1), granted_support=None, actor="kim"
    )

    assert reasons(Cluster, code="VIL")[-1] == "changed by ilse"
    assert reasons(Project, ref="NEW1") == ["submitted by jo", "rejected by kim"]


@pytest.mark.parametrize("actor", ["", "   ", "x" * 151])
def test_a_write_without_a_named_actor_is_refused(world: World, actor: str) -> None:
    with pytest.raises(ValueError, match="actor"):
        kpi_figure_set(what="target", cluster="VIL", kpi="JOBS", year=2020, value=Decimal("1"), actor=actor)
