"""The projects list (`/projects/`): filterable by year of submission, cluster, status and
type, 50 a page, like the ledger; a cluster manager sees their own cluster's projects only."""

from datetime import date

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project, ProjectStatusChoices, ProjectType
from clustermonitor.web import permissions

PAGE_SIZE = 50


def projects_filtered(request: HttpRequest) -> QuerySet[Project]:
    projects = Project.objects.select_related("cluster", "type").order_by("-submitted_on", "ref")
    scope = permissions.cluster_scope(request.user)
    if scope is not None:
        projects = projects.filter(cluster__code=scope)
    year = request.GET.get("year") or ""
    if year.isdigit() and 1 <= int(year) <= 9998:
        projects = projects.filter(
            submitted_on__gte=date(int(year), 1, 1), submitted_on__lt=date(int(year) + 1, 1, 1)
        )
    for param, lookup in (("cluster", "cluster__code"), ("status", "status"), ("type", "type__code")):
        value = request.GET.get(param)
        if value:
            projects = projects.filter(**{lookup: value})
    return projects


def project_list(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    page = Paginator(projects_filtered(request), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    scope = permissions.cluster_scope(request.user)
    context = {
        "page": page,
        "params": params.urlencode(),
        "statuses": ProjectStatusChoices.choices,
        "types": ProjectType.objects.values_list("code", flat=True),
        "clusters": [] if scope else Cluster.objects.values_list("code", flat=True),
        "scope": scope,
    }
    return render(request, "web/projects.html", context)
