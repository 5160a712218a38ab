"""Concurrent project writes on PostgreSQL keep the tallies: each thread its own connection.

Twenty applications of one cluster, month, channel, instrument and type race to their
tally rows, the month's and the year's (the first inserts each, the others add to it under
its row lock), then twenty approvals of them race to theirs. Skipped on SQLite, as every racing test (`RACING`).
"""

import datetime
from decimal import Decimal

from clustermonitor.projects.models import Project, ProjectTally
from clustermonitor.projects.services import project_decide
from clustermonitor.projects.tallies import tallies_differences
from tests.budget.test_concurrency import RACING, race
from tests.projects.test_services import make_world, submit

pytestmark = RACING


def test_racing_applications_and_approvals_lose_no_count() -> None:
    make_world()
    refs = [f"R{i:02d}" for i in range(20)]

    submitted = race(*(lambda ref=ref: submit(ref=ref) for ref in refs))
    assert all(isinstance(result, Project) for result in submitted), submitted

    def approve(ref: str) -> Project:
        return project_decide(
            ref=ref,
            status="approved",
            decided_on=datetime.date(2020, 3, 15),
            granted_support=Decimal("100000.00"),
            actor="marie",
        )

    approved = race(*(lambda ref=ref: approve(ref) for ref in refs))
    assert all(isinstance(result, Project) for result in approved), approved

    counts = sorted(ProjectTally.objects.values_list("event", "span", "projects"))
    spans = [("month", 20), ("year", 20)]  # each its month's row and its year's
    assert counts == [("approved", *span) for span in spans] + [("submitted", *span) for span in spans]
    granted = ProjectTally.objects.filter(event="approved").values_list("granted_cents", flat=True)
    assert list(granted) == [20 * 10_000_000] * 2
    assert tallies_differences() == []
