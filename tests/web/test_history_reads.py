"""The audit trail is read in one place, `kernel/history.py`; the history pages only render
what it returns (issue 10: model queries out of views)."""

import ast
from pathlib import Path

import pytest

from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.history import latest_changes, live_record, record_changes, recorded_value
from clustermonitor.projects.models import Project
from clustermonitor.web import history, records
from clustermonitor.web.models import AUDITED
from tests.reports.conftest import World


@pytest.mark.django_db
def test_the_reads_give_the_changes_newest_first(world: World) -> None:
    vil = world.clusters["VIL"]
    before = vil.name
    vil.name = "Flanders Logistics"
    vil.save()

    latest = latest_changes(AUDITED, per_model=5, limit=3)
    rows = record_changes(Cluster, vil.pk, limit=10)

    assert len(latest) == 3 and latest[0] == (Cluster, rows[0])
    assert [row.name for row in rows[:2]] == ["Flanders Logistics", before]
    assert [row.history_date for row in rows] == sorted((row.history_date for row in rows), reverse=True)
    assert live_record(Cluster, vil.pk) == vil and live_record(Cluster, 10**9) is None
    project = Project._meta.get_field("cluster")
    v1 = record_changes(Project, world.projects["V1"].pk, limit=1)[0]
    assert recorded_value(v1, project) == vil
    assert recorded_value(v1, project, by_id=("cluster",)) == vil.pk


@pytest.mark.parametrize("module", [history, records])
def test_the_pages_do_not_query_the_history_themselves(module: object) -> None:
    tree = ast.parse(Path(module.__file__).read_text())  # type: ignore[attr-defined]
    reached = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}

    assert not reached & {"history", "_default_manager"}
