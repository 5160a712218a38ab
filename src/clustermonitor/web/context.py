"""Template context of every page: the user's role and bound cluster, the report names."""

from typing import Any

from django.http import HttpRequest

from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import REPORTS
from clustermonitor.web import permissions


def web(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"report_names": list(REPORTS)}
    role = permissions.role_of(user)
    return {
        "role": role,
        "role_label": label(role or "-"),
        "cluster_code": permissions.bound_cluster(user),
        "report_names": list(REPORTS),
    }
