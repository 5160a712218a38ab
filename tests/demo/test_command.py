"""`clustermonitor demo`: create, refresh, refuse foreign data, start afresh, build quickly."""

import time
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.services import cluster_create
from clustermonitor.datasets.services import dataset_export
from clustermonitor.projects.models import Project
from clustermonitor.web.models import Profile

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_creates_the_demo_writes_the_csv_files_and_reports_progress(tmp_path: Path) -> None:
    started = time.perf_counter()
    out, err = run_demo("--output", str(tmp_path / "csv"))

    assert time.perf_counter() - started < 30  # well under a minute
    assert "ledger.csv: created" in out
    assert "demo: generating the demo dataset (seed 20160304)" in err
    assert "demo: done" in err
    assert (tmp_path / "csv" / "ledger.csv").exists()
    assert Cluster.objects.filter(code="BLUE").exists()


def test_the_csv_files_are_what_export_writes_back(tmp_path: Path) -> None:
    run_demo("--output", str(tmp_path / "demo"))
    dataset_export(tmp_path / "export")

    for path in sorted((tmp_path / "demo").iterdir()):
        assert (tmp_path / "export" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_second_run_finds_every_row_unchanged() -> None:
    run_demo()
    out, _ = run_demo()

    assert "created" not in out
    assert "updated" not in out
    assert "ledger.csv: unchanged" in out


def test_another_seed_over_a_demo_needs_fresh() -> None:
    run_demo()
    with pytest.raises(CommandError, match="--fresh"):
        run_demo("--seed", "7")

    run_demo("--seed", "7", "--fresh")
    assert Project.objects.filter(ref__startswith="DEMO.").exists()


def test_refuses_a_database_with_other_data_unless_fresh(demo_db) -> None:
    cluster_create(
        code="OWN",
        name="Own",
        type="ibn",
        recognised_on=date(2020, 1, 1),
        pact_start_year=2020,
        pact_end_year=2022,
        actor="marie",
    )
    manager = User.objects.create_user("own-manager")
    Profile.objects.create(user=manager, cluster_code="OWN")
    with pytest.raises(CommandError, match="cluster OWN"):
        run_demo()
    assert Cluster.objects.filter(code="OWN").exists()

    run_demo("--fresh", "--no-input")
    assert not Cluster.objects.filter(code="OWN").exists()
    assert Cluster.objects.filter(code="VIL").exists()
    # Users, their cluster bindings and the audit trail are not cluster-policy data: kept.
    assert Profile.objects.get(user__username="own-manager").cluster_code == "OWN"
    own = Cluster.history.filter(code="OWN").values_list("history_change_reason", flat=True)
    assert list(own) == ["created by marie"]
    assert Cluster.objects.get(code="VIL").pk > Cluster.history.get(code="OWN").id  # no id reused
