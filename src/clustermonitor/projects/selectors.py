"""Reads of projects: one by its reference, the applications awaiting a decision, the
latest decisions of a cluster, the lists data-entry forms choose from, the projects list."""

from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet

from clustermonitor.domain.enums import ProjectStatus
from clustermonitor.domain.money import ZERO
from clustermonitor.kernel.aggregates import AmountSum
from clustermonitor.kernel.listing import ListSpec, listed
from clustermonitor.projects.models import Project, ProjectType


def project_type_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") of every project type, by code."""
    types = ProjectType.objects.order_by("code").values_list("code", "name")
    return [(code, f"{code} — {name}") for code, name in types]


def project_by_ref(ref: object) -> Project | None:
    """The project with reference `ref`, its cluster and type at hand (None: no such one)."""
    if not ref:
        return None
    return Project.objects.select_related("cluster", "type").filter(ref=str(ref)).first()


def projects_of_cluster(code: str, *, limit: int) -> QuerySet[Project]:
    """A cluster's latest applications (the newest submitted first), at most `limit`."""
    projects = Project.objects.filter(cluster__code=code).select_related("type")
    return projects.order_by("-submitted_on", "ref")[:limit]


def projects_pending() -> QuerySet[Project]:
    """Applications submitted and not yet decided, oldest first (they wait longest)."""
    pending = Project.objects.filter(status=ProjectStatus.SUBMITTED)
    return pending.select_related("cluster", "type").order_by("submitted_on", "ref")


def decisions_of_cluster(code: str) -> QuerySet[Project]:
    """A cluster's decided applications, the latest decision first."""
    decided = Project.objects.filter(cluster__code=code).exclude(status=ProjectStatus.SUBMITTED)
    return decided.select_related("type").order_by(F("decided_on").desc(nulls_last=True), "ref")


# The projects list's sort keys (the page's column keys) and their fields: nothing else is sorted on.
PROJECT_SORTS = {
    "ref": "ref",
    "cluster": "cluster__code",
    "title": "title",
    "type": "type__code",
    "instrument": "instrument",
    "status": "status",
    "submitted_on": "submitted_on",
    "decided_on": "decided_on",
    "total_cost": "total_cost",
    "granted_support": "granted_support",
}


PROJECT_LIST = ListSpec(
    filters={"cluster": "cluster__code", "status": "status", "type": "type__code"},
    sorts=PROJECT_SORTS,
    contains=("ref", "title", "cluster__name"),
    equals=("cluster__code",),
    tiebreak="ref",
    default_order=("-submitted_on", "ref"),
)


def projects_listed(
    *,
    scope: str | None = None,
    year: int | None = None,
    filters: dict[str, str] | None = None,
    q: str = "",
    sort: str | None = None,
    descending: bool = False,
) -> QuerySet[Project]:
    """The projects list: limited to a cluster manager's cluster (`scope`), submitted in
    `year`, with `filters` cluster/status/type (codes), `q` found in the reference, the
    title or the cluster's code or name; sorted on a PROJECT_SORTS key (newest first by default)."""
    projects = Project.objects.select_related("cluster", "type")
    if scope is not None:
        projects = projects.filter(cluster__code=scope)
    if year is not None:
        projects = projects.filter(submitted_on__year=year)
    return listed(projects, PROJECT_LIST, filters=filters, q=q, sort=sort, descending=descending)


def projects_sums(projects: QuerySet[Project]) -> dict[str, Any]:
    """The list's count and its total cost and granted support, added up exactly."""
    sums = projects.order_by().aggregate(
        count=Count("pk"), total_cost=AmountSum("total_cost"), granted_support=AmountSum("granted_support")
    )
    return {key: (ZERO if value is None else value) for key, value in sums.items()}


def projects_known(*, as_of: date | None) -> QuerySet[Project]:
    """Projects submitted on or before `as_of` (whatever their status)."""
    projects = Project.objects.all()
    if as_of is not None:
        projects = projects.filter(submitted_on__lte=as_of)
    return projects
