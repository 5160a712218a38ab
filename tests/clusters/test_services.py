"""Clusters at the service level: create and change them by the contract's clusters.csv
rules; a change may not make any stored row of the cluster invalid (open or closed year);
the history records who changed what.

World: 2018 closed; VIL a spearhead cluster (pact 2016–2025) with a 2018 operation
allocation, a 2020 operation commitment and an approved earmarked project.
"""

import datetime

import pytest

from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.services import ClusterRefused, cluster_create, cluster_update
from tests.factories import (
    AllocationFactory,
    BudgetYearFactory,
    LedgerEntryFactory,
    ProjectFactory,
    SpearheadClusterFactory,
)

pytestmark = pytest.mark.django_db

day = datetime.date


def fields(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "code": "VIL",
        "name": "Flanders Logistics",
        "type": "spearhead",
        "domain": "logistics",
        "recognised_on": day(2016, 1, 15),
        "pact_start_year": 2016,
        "pact_end_year": 2025,
        "actor": "jan",
    }
    return {**values, **changes}


@pytest.fixture
def vil(db: None) -> Cluster:
    BudgetYearFactory(year=2018, closed=True)
    cluster = SpearheadClusterFactory(code="VIL", name="Logistics", pact_start_year=2016, pact_end_year=2025)
    AllocationFactory(year=2018, cluster=cluster, envelope="spearhead_operation")
    LedgerEntryFactory(ref="OP-2020", year=2020, cluster=cluster)
    ProjectFactory(ref="V1", cluster=cluster)
    return cluster


def test_a_cluster_is_created_with_its_history(db: None) -> None:
    cluster = cluster_create(**fields(code="NEW", type="ibn", pact_start_year=2021, pact_end_year=2023))  # type: ignore[arg-type]

    stored = Cluster.objects.get(code="NEW")
    assert (stored.type, stored.pact_start_year, stored.pact_end_year) == ("ibn", 2021, 2023)
    assert stored.history.get().history_change_reason == "created by jan"  # type: ignore[attr-defined]
    assert cluster.pk == stored.pk


def test_a_new_cluster_is_checked_by_the_contract_rules(vil: Cluster) -> None:
    with pytest.raises(ClusterRefused) as refused:
        cluster_create(**fields(name=" ", type="network", pact_start_year=2020, pact_end_year=2019))  # type: ignore[arg-type]

    assert dict(refused.value.problems) == {
        "code": "cluster VIL already exists",
        "name": "required",
        "type": "unknown type network: one of spearhead, ibn",
        "pact_end_year": "2019 is before pact_start_year 2020",
    }
    with pytest.raises(ClusterRefused) as refused:
        cluster_create(**fields(code="no spaces", pact_start_year=20))  # type: ignore[arg-type]

    assert dict(refused.value.problems) == {
        "code": "must be 1–40 letters, digits, '_', '.' or '-'",
        "pact_start_year": "20 is not a four-digit year",
    }


def test_a_change_is_saved_and_recorded(vil: Cluster) -> None:
    cluster_update(**fields(name="Flanders Logistics", pact_end_year=2026))  # type: ignore[arg-type]

    stored = Cluster.objects.get(code="VIL")
    assert (stored.name, stored.pact_end_year) == ("Flanders Logistics", 2026)
    latest = stored.history.first()  # type: ignore[attr-defined]
    assert (latest.name, latest.history_change_reason) == ("Flanders Logistics", "changed by jan")


def test_a_pact_may_not_leave_stored_rows_outside_it(vil: Cluster) -> None:
    with pytest.raises(ClusterRefused) as refused:
        cluster_update(**fields(pact_start_year=2019, pact_end_year=2019))  # type: ignore[arg-type]

    assert refused.value.problems == [
        (
            "pact_start_year",
            "allocation 2018 spearhead_operation: 2018 is outside the pact years of VIL (2019–2019)",
        ),
        (
            "pact_end_year",
            "ledger entry OP-2020: a commitment must lie within the pact: "
            "2020 is outside the pact years of VIL (2019–2019)",
        ),
    ]
    assert Cluster.objects.get(code="VIL").pact_start_year == 2016


def test_a_type_change_may_not_break_envelopes_or_earmarked_projects(vil: Cluster) -> None:
    with pytest.raises(ClusterRefused) as refused:
        cluster_update(**fields(type="ibn"))  # type: ignore[arg-type]

    columns = [column for column, _ in refused.value.problems]
    messages = [message for _, message in refused.value.problems]
    assert set(columns) == {"type"}
    assert messages[0] == (
        "allocation 2018 spearhead_operation: spearhead_operation does not fit ibn cluster VIL (ibn)"
    )
    assert "project V1: VIL is not a spearhead cluster: no earmarked projects" in messages
    assert Cluster.objects.get(code="VIL").type == "spearhead"


def test_an_unknown_cluster_is_not_updated(db: None) -> None:
    with pytest.raises(Cluster.DoesNotExist):
        cluster_update(**fields(code="NOPE"))  # type: ignore[arg-type]
