"""KPI figures at the service level: a target or a result is created, then changed; an
unknown cluster or KPI, a result without its report date or a closed year is refused."""

import datetime
from decimal import Decimal

import pytest

from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.kpis.services import KpiFigureRefused, kpi_figure_set
from tests.factories import BudgetYearFactory, KpiFactory, SpearheadClusterFactory

pytestmark = pytest.mark.django_db

D = Decimal
day = datetime.date


@pytest.fixture(autouse=True)
def world(db: None) -> None:
    BudgetYearFactory(year=2019, closed=True)
    SpearheadClusterFactory(code="VIL")
    KpiFactory(code="JOBS")


def test_a_target_is_created_then_changed() -> None:
    kpi_figure_set(what="target", cluster="VIL", kpi="JOBS", year=2020, value=D("10"), actor="jan")
    kpi_figure_set(what="target", cluster="VIL", kpi="JOBS", year=2020, value=D("12.5"), actor="jan")

    assert list(KpiTarget.objects.values_list("year", "target")) == [(2020, D("12.5"))]


def test_a_result_without_a_source_records_who_entered_it() -> None:
    result = kpi_figure_set(
        what="result",
        cluster="VIL",
        kpi="JOBS",
        year=2020,
        value=D("7"),
        reported_on=day(2021, 2, 1),
        actor="marie",
    )

    assert isinstance(result, KpiResult)
    assert (result.value, result.reported_on, result.source) == (D("7"), day(2021, 2, 1), "web: marie")


def test_refusals_name_every_problem_and_write_nothing() -> None:
    with pytest.raises(KpiFigureRefused) as refused:
        kpi_figure_set(what="result", cluster="NOPE", kpi="NOPE", year=2019, value=D("1"), actor="jan")

    assert dict(refused.value.problems) == {
        "cluster": "unknown cluster NOPE",
        "kpi": "unknown KPI NOPE",
        "reported_on": "required for a result",
        "year": "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change",
    }
    assert not KpiResult.objects.exists()
