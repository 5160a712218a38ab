"""The kept project tallies: every way a project is written keeps them equal to the projects.

`tallies_differences()` counts the projects again and compares with what was kept; each
test writes, or fails to write, and asks it. The reports' figures from the tallies are
checked figure for figure by tests/reports (the worked example, with and without as-of)
and, against the projects themselves on every kind of day, by the last test here.
"""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from clustermonitor.domain.enums import Channel
from clustermonitor.projects.models import Project, ProjectTally
from clustermonitor.projects.services import ProjectRefused, project_decide
from clustermonitor.projects.tallies import tallies_differences, tallies_rebuild
from clustermonitor.reports import selectors
from tests.datasets.helpers import append_to, copy_fixture, import_errors, replace_in, run_import
from tests.factories import (
    ProjectFactory,
)
from tests.projects.test_services import make_world, submit

D = Decimal
day = datetime.date
TallyRow = tuple[str, str, str, str, str, str | None]


def kept(span: str = "month") -> dict[TallyRow, tuple[int, int, int]]:
    """The kept rows of a span that count something, by codes: (event, cluster, month or
    year, channel, instrument, type)."""
    period = slice(0, 7 if span == "month" else 4)
    return {
        (
            t.event,
            t.cluster.code,
            t.starts_on.isoformat()[period],
            t.channel,
            t.instrument,
            t.type and t.type.code,
        ): (
            t.projects,
            t.total_cost_cents,
            t.granted_cents,
        )
        for t in ProjectTally.objects.filter(span=span).select_related("cluster", "type")
        if t.projects or t.total_cost_cents or t.granted_cents
    }


@pytest.fixture
def world(db: None) -> None:
    make_world()  # test_services' world: 2019 closed, 2020 open, VIL, NET, ICON


def approve(
    ref: str = "V1", granted: str = "100000.00", on: datetime.date = datetime.date(2020, 3, 15)
) -> None:
    project_decide(ref=ref, status="approved", decided_on=on, granted_support=D(granted), actor="marie")


SUBMITTED_FEB = ("submitted", "VIL", "2020-02", "earmarked", "", None)  # an application: per channel only
APPROVED_MAR = ("approved", "VIL", "2020-03", "earmarked", "HERMES", "ICON")


def test_an_application_counts_in_its_month_and_its_approval_in_the_decision_month(world: None) -> None:
    submit()
    submit(ref="V2", submitted_on=day(2020, 2, 29), total_cost=D("0.01"))
    assert kept() == {SUBMITTED_FEB: (2, 20000001, 0)}

    approve()

    assert kept() == {SUBMITTED_FEB: (2, 20000001, 0), APPROVED_MAR: (1, 20000000, 10000000)}
    assert kept("year") == {
        ("submitted", "VIL", "2020", "earmarked", "", None): (2, 20000001, 0),
        ("approved", "VIL", "2020", "earmarked", "HERMES", "ICON"): (1, 20000000, 10000000),
    }
    assert tallies_differences() == []


@pytest.mark.parametrize("status", ["rejected", "withdrawn"])
def test_a_rejection_or_withdrawal_counts_no_approval(world: None, status: str) -> None:
    submit()
    project_decide(ref="V1", status=status, decided_on=day(2020, 3, 1), granted_support=None, actor="marie")

    assert kept() == {SUBMITTED_FEB: (1, 20000000, 0)}
    assert tallies_differences() == []


def test_a_refused_write_changes_no_tally(world: None) -> None:
    submit()
    before = kept()

    with pytest.raises(ProjectRefused):
        submit(ref="V2", submitted_on=day(2019, 6, 1))  # a closed year
    with pytest.raises(ProjectRefused):
        approve(granted="900000.00")  # more than the project costs

    assert kept() == before
    assert tallies_differences() == []


def test_a_rolled_back_write_takes_its_tally_with_it(world: None) -> None:
    submit()
    before = kept()

    with pytest.raises(RuntimeError), transaction.atomic():
        submit(ref="V2")
        approve("V2")
        raise RuntimeError("the caller gives up")

    assert kept() == before
    assert tallies_differences() == []


def test_saves_updates_bulk_creates_and_deletes_are_kept_too(world: None) -> None:
    project = ProjectFactory(ref="P1", cluster__code="CAT", granted_support=D("150000.00"))
    ProjectFactory(
        ref="P2", cluster=project.cluster, type=project.type, channel=Channel.OTHER, instrument="EFRO"
    )
    assert tallies_differences() == []

    project.granted_support = D("175000.00")
    project.save()
    Project.objects.filter(ref="P2").update(decided_on=day(2020, 12, 31))
    Project.objects.filter(ref="P2").update(title="renamed")  # no tallied field: nothing to count
    assert tallies_differences() == []

    Project.objects.bulk_create(
        [
            Project(**{**_fields(project), "ref": f"B{n}", "submitted_on": day(2020, 1, n + 1)})
            for n in range(3)
        ]
    )
    assert tallies_differences() == []

    project.delete()
    Project.objects.filter(ref__startswith="B").delete()
    assert tallies_differences() == []
    assert [key[0] for key in kept()] == ["submitted", "approved"]  # P2 alone


def _fields(project: Project) -> dict[str, object]:
    names = ("cluster", "title", "type", "channel", "instrument", "submitted_on", "status", "decided_on")
    amounts = ("total_cost", "requested_support", "granted_support")
    return {name: getattr(project, name) for name in (*names, *amounts)}


def test_verify_finds_a_tampered_tally_and_rebuild_repairs_it(world: None) -> None:
    submit()
    approve()
    ProjectTally.objects.filter(event="approved", span="month").update(granted_cents=1)

    out = StringIO()
    with pytest.raises(CommandError, match="1 project tallies differ from the projects"):
        call_command("balances", "--verify", stdout=out)
    assert "approved cluster #" in out.getvalue() and " 2020-03 earmarked HERMES type #" in out.getvalue()
    assert "kept 1 projects, total cost 200000.00, granted 0.01" in out.getvalue()

    call_command("balances", "--rebuild", stdout=StringIO())
    out = StringIO()
    call_command("balances", "--verify", stdout=out)
    assert "project tallies agree with the projects" in out.getvalue()
    assert tallies_rebuild() == 4  # an application and an approval, per month and per year


def test_a_rebuild_adds_each_year_up_from_its_months(world: None) -> None:
    """The rebuild counts months from the projects and years from the months: a year spread
    over several months and both channels (a type kept, and not) must equal the count."""
    submit()
    submit(ref="V2", submitted_on=day(2020, 4, 30), total_cost=D("0.01"))
    submit(ref="V3", channel="other", instrument="EFRO", submitted_on=day(2020, 5, 2))
    approve()
    approve("V2", granted="0.01", on=day(2020, 6, 1))
    approve("V3", granted="5.00", on=day(2020, 6, 30))
    counted = (kept(), kept("year"))
    ProjectTally.objects.all().delete()

    assert tallies_rebuild() == len(counted[0]) + len(counted[1])

    assert (kept(), kept("year")) == counted
    assert kept("year")[("approved", "VIL", "2020", "earmarked", "HERMES", "ICON")] == (2, 20000001, 10000001)
    assert kept("year")[("submitted", "VIL", "2020", "earmarked", "", None)] == (2, 20000001, 0)
    assert tallies_differences() == []


@pytest.mark.django_db
def test_an_import_keeps_them_also_again_with_changes_and_with_replace(tmp_path: Path) -> None:
    folder = copy_fixture("tiny", tmp_path)
    run_import(folder)
    first = kept()
    assert first[("approved", "VIL", "2017-06", "other", "EFRO", None)] == (1, 80000000, 30000000)
    assert first[("submitted", "NET", "2018-02", "other", "", None)] == (1, 10000000, 0)
    assert tallies_differences() == []

    run_import(folder)  # unchanged rows change nothing
    run_import(folder, "--replace")
    assert kept() == first

    replace_in(
        folder,
        "projects.csv",
        "2018-02-01,submitted,,100000.00,50000.00,",
        "2018-02-01,approved,2018-04-01,100000.00,50000.00,40000.00",
    )
    run_import(folder)  # an application approved by the import
    assert kept()[("approved", "NET", "2018-04", "other", "WSE", None)] == (1, 10000000, 4000000)
    assert tallies_differences() == []

    replace_in(
        folder, "projects.csv", "P6,NET,Training,TRAINING,other,WSE,2018-02-01,approved,2018-04-01,", ""
    )
    replace_in(folder, "projects.csv", "100000.00,50000.00,40000.00\n", "")
    ProjectTally.objects.filter(cluster__code="NET").delete()  # out of step: the import repairs them
    run_import(folder, "--replace")  # P6 goes
    assert kept() == {key: figures for key, figures in first.items() if key[1] != "NET"}
    assert tallies_differences() == []


@pytest.mark.django_db
def test_a_refused_import_keeps_no_tally(tmp_path: Path) -> None:
    folder = copy_fixture("tiny", tmp_path)
    append_to(folder, "projects.csv", "P7,NOPE,Lost,ICON,earmarked,HERMES,2018-03-01,submitted,,1.00,1.00,")

    assert import_errors(folder)
    assert ProjectTally.objects.count() == 0


@pytest.mark.django_db
def test_figures_as_of_any_day_equal_the_projects_known_that_day(tmp_path: Path) -> None:
    run_import(copy_fixture("flanders-small", tmp_path))
    submitted = sorted(set(Project.objects.values_list("submitted_on", flat=True)))
    decided = sorted(set(Project.objects.exclude(decided_on=None).values_list("decided_on", flat=True)))
    probes = {None, submitted[0], decided[len(decided) // 2], decided[-1], day(2018, 12, 31), day(2019, 1, 1)}
    probes |= {d.replace(day=1) for d in decided[::5]} | {d.replace(day=28) for d in submitted[::9]}
    years = range(submitted[0].year, decided[-1].year + 1)
    # the questions the reports ask of them: (approvals grouped by, of the projects of)
    approvals = [
        (("cluster__code", "channel", "instrument"), {}),
        (("cluster_id", "channel"), {}),
        (("cluster__code", "type__code"), {"channel": Channel.EARMARKED}),
        (("cluster__code", "cluster__type", "instrument"), {"channel": Channel.OTHER}),
    ]
    channels = [{}, {"channel": Channel.EARMARKED}, {"channel": Channel.OTHER}]

    def key(row: dict[str, object]) -> tuple[str, ...]:
        return tuple(str(value) for value in row.values())

    for as_of in sorted(probes, key=lambda d: d or day(9999, 1, 1)):
        for year in years:
            for only in channels:
                known = selectors.projects_submitted_in(year=year, as_of=as_of).filter(**only)
                counted = {code: n for code, n in known.values_list("cluster__code").annotate(n=Count("id"))}
                tallied_count = selectors.applications_counted(
                    year=year, as_of=as_of, by="cluster__code", **only
                )
                assert tallied_count == counted, (as_of, year, only)
            for group, only in approvals:
                tallied = selectors.approvals_totals(year=year, as_of=as_of, group_by=group, **only)
                direct = selectors.project_totals(
                    selectors.projects_approved_in(year=year, as_of=as_of).filter(**only), *group
                )
                assert sorted(tallied, key=key) == sorted(direct, key=key), (as_of, year, group, only)


@pytest.mark.parametrize(
    ("read", "group", "only"),
    [
        ("applications", ("cluster__code", "instrument"), {}),
        ("applications", ("type__code",), {"channel": Channel.EARMARKED}),
        ("approvals", ("cluster__code", "type__code"), {}),
        ("approvals", ("type_id",), {"channel": Channel.OTHER}),
    ],
)
def test_a_question_the_tallies_do_not_keep_is_refused_not_answered_wrong(
    world: None, read: str, group: tuple[str, ...], only: dict[str, str]
) -> None:
    """Applications keep no instrument or type, approvals a type for the earmarked channel only."""
    with pytest.raises(ValueError, match="tallies do not keep"):
        if read == "applications":
            selectors.applications_counted(year=2020, as_of=None, by=group[-1], **only)
        else:
            selectors.approvals_totals(year=2020, as_of=None, group_by=group, **only)
