"""Reads of projects: one by its reference, the applications awaiting a decision, the
latest decisions of a cluster, the lists data-entry forms choose from."""

from django.db.models import F, QuerySet

from clustermonitor.domain.enums import ProjectStatus
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


def projects_pending() -> QuerySet[Project]:
    """Applications submitted and not yet decided, oldest first (they wait longest)."""
    pending = Project.objects.filter(status=ProjectStatus.SUBMITTED)
    return pending.select_related("cluster", "type").order_by("submitted_on", "ref")


def decisions_of_cluster(code: str) -> QuerySet[Project]:
    """A cluster's decided applications, the latest decision first."""
    decided = Project.objects.filter(cluster__code=code).exclude(status=ProjectStatus.SUBMITTED)
    return decided.select_related("type").order_by(F("decided_on").desc(nulls_last=True), "ref")
