"""The projects list (`/projects/`): searchable (`?q=` in reference, title, cluster),
filterable by year of submission, cluster (by name), status and type, sortable by
column, with totals, 50 a page with page numbers, and the whole list as xlsx
(`?format=xlsx`); a cluster manager sees their own cluster's projects only."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clustermonitor.access import permissions
from clustermonitor.clusters.selectors import cluster_choices
from clustermonitor.projects.models import Project, ProjectStatusChoices
from clustermonitor.projects.selectors import (
    PROJECT_SORTS,
    project_type_choices,
    projects_listed,
    projects_sums,
)
from clustermonitor.web import listing
from clustermonitor.web.common import parse_year

COLUMNS = (
    ("ref", False),
    ("cluster", False),
    ("title", False),
    ("type", False),
    ("instrument", False),
    ("status", False),
    ("submitted_on", False),
    ("decided_on", False),
    ("total_cost", True),
    ("granted_support", True),
)
AMOUNTS = ("total_cost", "granted_support")


def project_list(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    how = listing.asked(request, PROJECT_SORTS)
    scope = permissions.cluster_scope(request.user)
    projects = projects_listed(
        scope=scope,
        year=parse_year(request, None),
        filters={key: request.GET.get(key, "") for key in ("cluster", "status", "type")},
        q=how.q,
        sort=how.sort,
        descending=how.descending,
    )
    sums = projects_sums(projects)
    if request.GET.get("format") == "xlsx":
        rows = [_row(project) for project in projects]
        return listing.list_xlsx(
            "projects", tuple(k for k, _ in COLUMNS), rows, {k: sums[k] for k in AMOUNTS}
        )
    page, pager = listing.paged(request, projects)
    context = {
        "page": page,
        "pager": pager,
        "columns": listing.headers(request, list(COLUMNS), how, PROJECT_SORTS),
        "sums": sums,
        "q": how.q,
        "export": listing.export_url(request),
        "statuses": ProjectStatusChoices.choices,
        "types": project_type_choices(),
        "clusters": [] if scope else cluster_choices(),
        "scope": scope,
    }
    return render(request, "web/projects.html", context)


def _row(project: Project) -> dict[str, Any]:
    return {
        "ref": project.ref,
        "cluster": project.cluster.code,
        "title": project.title,
        "type": project.type.code,
        "instrument": project.instrument,
        "status": project.status,
        "submitted_on": project.submitted_on,
        "decided_on": project.decided_on,
        "total_cost": project.total_cost,
        "granted_support": project.granted_support,
    }
