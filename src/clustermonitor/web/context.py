"""Template context of every page: the user's role and bound cluster, the report names, and
the names of the stored codes (`names`, read at most once per page)."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from clustermonitor.access import permissions
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import REPORTS
from clustermonitor.reports.renderers.names import names


def web(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"report_names": list(REPORTS)}
    role = permissions.role_of(user)
    return {
        "names": SimpleLazyObject(names),  # codes by their names: read once, when a page uses it
        "role": role,
        "role_label": label(role or "-"),
        "cluster_code": permissions.bound_cluster(user),
        "report_names": list(REPORTS),
    }
