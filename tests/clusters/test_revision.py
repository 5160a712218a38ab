"""The data revision and the figures cached under it: every write service gives the data
a new revision in its own transaction, a refused or rolled-back write does not, and a
report is computed once per revision and recomputed after any change.

World: the budget world of tests/budget/scenario.py (2020 open; VIL, BIOPACK; budgets;
VIL's approved project P1), plus KPI C-1 and project type ICON.
"""

import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from clustermonitor.budget.errors import BookingRefused
from clustermonitor.budget.services import allocation_set, budget_set, year_close
from clustermonitor.clusters.models import DataRevision
from clustermonitor.clusters.revision import cached, data_changed, data_revision
from clustermonitor.clusters.services import cluster_create, cluster_update
from clustermonitor.datasets.services import dataset_import
from clustermonitor.kpis.services import kpi_figure_set
from clustermonitor.projects.services import project_decide, project_submit
from clustermonitor.reports.registry import report_build
from tests.budget.scenario import World, book, make_world
from tests.factories import KpiFactory, LedgerEntryFactory, ProjectFactory, ProjectTypeFactory

pytestmark = pytest.mark.django_db

D = Decimal
day = datetime.date
ACTOR = {"actor": "tester"}


@pytest.fixture
def world(db: None) -> World:
    built = make_world()
    KpiFactory(code="C-1")
    ProjectTypeFactory(code="ICON")
    ProjectFactory(ref="P2", cluster=built.vil, status="submitted", decided_on=None, granted_support=None)
    return built


def operation_committed(year: int = 2020) -> Decimal:
    report = report_build("budget-overview", year=year)
    (row,) = [r for r in report["envelopes"] if r["envelope"] == "spearhead_operation"]
    return row["committed"]  # type: ignore[no-any-return]


WRITES: dict[str, Callable[[], object]] = {
    "ledger_entry_book": lambda: book(),
    "budget_set": lambda: budget_set(year=2020, envelope="ibn", amount=D("400000.00"), **ACTOR),
    "allocation_set": lambda: allocation_set(
        year=2020, cluster="VIL", envelope="spearhead_operation", amount=D("300000.00"), **ACTOR
    ),
    "year_close": lambda: year_close(year=2020, closed_on=day(2020, 12, 31), **ACTOR),
    "cluster_create": lambda: cluster_create(
        code="NEW",
        name="New cluster",
        type="ibn",
        recognised_on=day(2020, 1, 1),
        pact_start_year=2020,
        pact_end_year=2022,
        **ACTOR,
    ),
    "cluster_update": lambda: cluster_update(
        code="VIL",
        name="Vlaams Instituut voor de Logistiek",
        type="spearhead",
        recognised_on=day(2017, 1, 1),
        pact_start_year=2016,
        pact_end_year=2025,
        **ACTOR,
    ),
    "project_submit": lambda: project_submit(
        ref="V9",
        cluster="VIL",
        title="Smart pallets",
        type="ICON",
        channel="earmarked",
        instrument="",
        submitted_on=day(2020, 2, 1),
        total_cost=D("200000.00"),
        requested_support=D("120000.00"),
        **ACTOR,
    ),
    "project_decide": lambda: project_decide(
        ref="P2", status="rejected", decided_on=day(2020, 6, 1), granted_support=None, **ACTOR
    ),
    "kpi_target": lambda: kpi_figure_set(
        what="target", cluster="VIL", kpi="C-1", year=2020, value=D("10"), **ACTOR
    ),
    "kpi_result": lambda: kpi_figure_set(
        what="result",
        cluster="VIL",
        kpi="C-1",
        year=2020,
        value=D("7"),
        reported_on=day(2021, 1, 15),
        **ACTOR,
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_service_gives_the_data_a_new_revision(world: World, write: str) -> None:
    before = data_revision()

    WRITES[write]()

    assert data_revision() not in (None, before)


def test_a_refused_write_keeps_the_revision(world: World) -> None:
    before = data_revision()

    with pytest.raises(BookingRefused):
        book(amount=D("5000000.00"))  # more than the budget

    assert data_revision() == before


def test_a_rolled_back_change_takes_its_revision_with_it(world: World) -> None:
    before = data_revision()
    with transaction.atomic():
        data_changed()
        assert data_revision() != before
        transaction.set_rollback(True)

    assert data_revision() == before


def test_an_import_gives_a_new_revision_and_a_dry_run_does_not(db: None, example_dir: Path) -> None:
    before = data_revision()
    dataset_import(example_dir, dry_run=True)
    assert data_revision() == before

    dataset_import(example_dir)
    assert data_revision() not in (None, before)


def test_a_report_is_computed_once_per_revision(
    world: World, figures_cache: None, django_assert_num_queries: Callable[..., object]
) -> None:
    book(amount=D("100000.00"))
    first = report_build("budget-overview", year=2020)

    with django_assert_num_queries(1):  # the revision, nothing else
        again = report_build("budget-overview", year=2020)

    assert again == first
    assert again is not first  # a copy: a caller changing it cannot change the cache


def test_a_cached_report_shows_a_booking_at_once(world: World, figures_cache: None) -> None:
    book(amount=D("100000.00"))
    assert operation_committed() == D("100000.00")

    book(amount=D("50000.00"))

    assert operation_committed() == D("150000.00")


def test_every_question_has_its_own_cache_entry(world: World, figures_cache: None) -> None:
    book(amount=D("100000.00"), date=day(2020, 3, 1))
    book(amount=D("50000.00"), date=day(2020, 9, 1))

    spring = report_build("budget-overview", year=2020, as_of=day(2020, 6, 30))
    everything = report_build("budget-overview", year=2020)

    assert [r["committed"] for r in spring["envelopes"]] != [r["committed"] for r in everything["envelopes"]]
    assert report_build("budget-overview", year=2019)["year"] == 2019


def test_a_change_outside_the_services_is_seen_after_the_revision_changes(
    world: World, figures_cache: None
) -> None:
    """What `REPORT_CACHE_SECONDS` is for: data written around the services (here a
    factory; in production SQL by hand) is cached until the revision or the entry expires."""
    assert operation_committed() == D("0.00")
    LedgerEntryFactory(cluster=world.vil, year=2020, envelope="spearhead_operation", amount=D("70000.00"))
    assert operation_committed() == D("0.00")  # the cached figure

    data_changed()

    assert operation_committed() == D("70000.00")


def test_the_cli_report_after_an_import_shows_the_new_data(
    db: None, example_dir: Path, figures_cache: None, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("report", "budget-overview", "--year", "2018")
    empty = json.loads(capsys.readouterr().out)

    dataset_import(example_dir)
    call_command("report", "budget-overview", "--year", "2018")

    imported = json.loads(capsys.readouterr().out)
    assert empty["total"]["budget"] == "0.00"
    assert imported["total"]["budget"] != "0.00"


def test_without_the_revision_row_nothing_is_cached_until_a_write_makes_it_again(
    world: World, figures_cache: None
) -> None:
    DataRevision.objects.all().delete()  # as `flush` leaves it
    calls: list[int] = []

    for _ in range(2):
        cached("question", lambda: calls.append(1) or len(calls))
    assert (data_revision(), len(calls)) == (None, 2)

    book()

    assert data_revision() is not None
    assert cached("question", lambda: 7) == cached("question", lambda: 8) == 7


def test_report_cache_seconds_0_turns_the_cache_off(
    world: World, settings: Any, django_assert_num_queries: Callable[..., Any]
) -> None:
    off = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 0}
    settings.CACHES = {**settings.CACHES, "figures": off}
    calls: list[int] = []

    with django_assert_num_queries(0):  # not even the revision
        for _ in range(2):
            cached("question", lambda: calls.append(1))

    assert len(calls) == 2
