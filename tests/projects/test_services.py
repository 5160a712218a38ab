"""Project applications through their life, at the service level: submit, then approve,
reject or withdraw; every refusal names its column and writes nothing.

World: 2020 open, 2019 closed; VIL a spearhead cluster (pact 2016–2025), NET an IBN;
types ICON (eligible) and TRAINING (not eligible).
"""

import datetime
from decimal import Decimal

import pytest

from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.projects.models import Project
from clustermonitor.projects.services import ProjectRefused, project_decide, project_submit
from tests.factories import BudgetYearFactory, IbnClusterFactory, ProjectTypeFactory, SpearheadClusterFactory

pytestmark = pytest.mark.django_db

D = Decimal
day = datetime.date


@pytest.fixture(autouse=True)
def world(db: None) -> None:
    make_world()


def make_world() -> None:
    BudgetYearFactory(year=2019, closed=True)
    BudgetYearFactory(year=2020)
    SpearheadClusterFactory(code="VIL")
    IbnClusterFactory(code="NET")
    ProjectTypeFactory(code="ICON")
    ProjectTypeFactory(code="TRAINING", name="Training", earmarked_eligible=False)


def submit(**changes: object) -> Project:
    fields: dict[str, object] = {
        "ref": "V1",
        "cluster": "VIL",
        "title": "Smart pallets",
        "type": "ICON",
        "channel": "earmarked",
        "instrument": "",
        "submitted_on": day(2020, 2, 1),
        "total_cost": D("200000.00"),
        "requested_support": D("120000.00"),
        "actor": "marie",
    }
    return project_submit(**{**fields, **changes})  # type: ignore[arg-type]


def problems_of(refused: pytest.ExceptionInfo[WriteRefused]) -> dict[str, str]:
    return dict(refused.value.problems)


def test_an_earmarked_application_is_stored_submitted_with_the_hermes_instrument() -> None:
    project = submit()

    stored = Project.objects.get(ref="V1")
    assert (stored.status, stored.instrument, stored.decided_on) == ("submitted", "HERMES", None)
    assert stored.history.get().history_change_reason == "submitted by marie"  # type: ignore[attr-defined]
    assert project.pk == stored.pk


def test_a_refused_application_names_every_problem_and_writes_nothing() -> None:
    submit()
    with pytest.raises(ProjectRefused) as refused:
        submit(ref="V1", cluster="NOPE", type="NOPE", title=" ", total_cost=D("-1"))

    assert problems_of(refused) == {
        "ref": "project V1 already exists",
        "cluster": "unknown cluster NOPE",
        "type": "unknown project type NOPE",
        "title": "required",
        "total_cost": "amounts may not be negative",
    }
    assert Project.objects.count() == 1


def test_earmarked_rules_of_the_contract_apply() -> None:
    with pytest.raises(ProjectRefused) as refused:
        submit(cluster="NET", type="TRAINING")

    assert problems_of(refused) == {
        "type": "this project type may not be funded from the earmarked budget",
        "cluster": "NET is not a spearhead cluster: no earmarked projects",
    }


def test_nothing_is_submitted_in_a_closed_year() -> None:
    with pytest.raises(ProjectRefused) as refused:
        submit(submitted_on=day(2019, 6, 1))

    assert problems_of(refused) == {
        "submitted_on": "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change"
    }


def test_approve_with_granted_support() -> None:
    submit()

    project = project_decide(
        ref="V1", status="approved", decided_on=day(2020, 3, 1), granted_support=D("100000.00"), actor="jan"
    )

    assert (project.status, project.granted_support) == ("approved", D("100000.00"))
    assert Project.objects.get(ref="V1").history.first().history_change_reason == "approved by jan"  # type: ignore[attr-defined]


def test_a_decision_is_refused_beyond_the_total_cost_and_on_a_decided_project() -> None:
    submit()
    with pytest.raises(ProjectRefused) as refused:
        project_decide(
            ref="V1", status="approved", decided_on=day(2020, 3, 1), granted_support=D("300000"), actor="jan"
        )
    assert problems_of(refused) == {"granted_support": "300000.00 exceeds total_cost 200000.00"}

    project_decide(ref="V1", status="rejected", decided_on=day(2020, 3, 1), granted_support=None, actor="jan")
    with pytest.raises(ProjectRefused) as refused:
        project_decide(ref="V1", status="withdrawn", decided_on=None, granted_support=None, actor="jan")

    assert problems_of(refused) == {"status": "project V1 is rejected: only a submitted one is decided"}
    assert Project.objects.get(ref="V1").status == "rejected"


def test_a_decision_dated_in_a_closed_year_is_refused() -> None:
    submit(submitted_on=day(2020, 1, 5))
    BudgetYearFactory(year=2020).delete()
    BudgetYearFactory(year=2020, closed=True)

    with pytest.raises(ProjectRefused) as refused:
        project_decide(
            ref="V1", status="rejected", decided_on=day(2020, 2, 1), granted_support=None, actor="j"
        )

    assert problems_of(refused) == {
        "decided_on": "2020 is closed (on 2021-03-01): its figures are definitive; nothing of it may change"
    }


def test_project_refused_is_a_write_refused() -> None:
    assert issubclass(ProjectRefused, WriteRefused)
