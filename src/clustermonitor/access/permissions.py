"""Who may do what: the four roles and every object-level check, in this one module.

- `admin`: a superuser; everything, user management, closing a year, `/admin/`.
- `analyst`: reads everything, enters and changes data of open years.
- `cluster`: a cluster manager bound to one cluster (`Profile.cluster_code`): sees that
  cluster's records and the public aggregates (reports, dashboards), submits its
  project applications and KPI results; never books ledger entries.
- `viewer`: reads reports, dashboards and records; changes nothing.

Views call `require(...)` with one of the predicates below; a refusal is a 403. A record
of another cluster is refused with `require_visible(...)`: a 404, the same answer as for a
record that does not exist.
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404

ADMIN, ANALYST, CLUSTER, VIEWER = "admin", "analyst", "cluster", "viewer"
ROLES = (ADMIN, ANALYST, CLUSTER, VIEWER)
READ_ALL = frozenset({ADMIN, ANALYST, VIEWER})
WRITERS = frozenset({ADMIN, ANALYST})


def role_of(user: Any) -> str | None:
    """The user's role (cached on the user object), None for anonymous or role-less users."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_clustermonitor_role"):
        names = set(user.groups.values_list("name", flat=True))
        role = ADMIN if user.is_superuser else next((r for r in ROLES if r in names), None)
        user._clustermonitor_role = role
    return user._clustermonitor_role  # type: ignore[no-any-return]


def bound_cluster(user: Any) -> str | None:
    """The code of the cluster a cluster manager is bound to (cached on the user object)."""
    if role_of(user) != CLUSTER:
        return None
    if not hasattr(user, "_clustermonitor_cluster"):
        # The binding is the web app's `Profile`, reached by its reverse accessor so that
        # this module (and the API through it) imports nothing from `web`.
        try:
            code = user.clustermonitor_profile.cluster_code
        except ObjectDoesNotExist:
            code = ""
        user._clustermonitor_cluster = code or None
    return user._clustermonitor_cluster  # type: ignore[no-any-return]


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def require_visible(allowed: bool) -> None:
    """A record the user may not see is answered as one that does not exist (404), so a
    cluster manager cannot learn which other clusters' records exist."""
    if not allowed:
        raise Http404("no such record")


def may_read(user: Any) -> bool:
    """Reports and dashboards (public aggregates): every role."""
    return role_of(user) is not None


def may_read_all(user: Any) -> bool:
    """Every cluster's records (projects, ledger, allocations, KPI rows)."""
    return role_of(user) in READ_ALL


def may_see_cluster(user: Any, code: str | None) -> bool:
    """A cluster's own records; `code=None` means records of all clusters together."""
    if may_read_all(user):
        return True
    return role_of(user) == CLUSTER and code is not None and code == bound_cluster(user)


def may_enter_data(user: Any) -> bool:
    """Budgets, allocations, ledger bookings, project decisions, KPI targets, clusters."""
    return role_of(user) in WRITERS


def may_submit_project(user: Any, code: str | None) -> bool:
    """Submit a project application (or a KPI result) for cluster `code`."""
    return may_enter_data(user) or (
        role_of(user) == CLUSTER and code is not None and code == bound_cluster(user)
    )


def may_close_year(user: Any) -> bool:
    return role_of(user) == ADMIN


def may_manage_users(user: Any) -> bool:
    """Bind users to a role and a cluster (the users pages)."""
    return role_of(user) == ADMIN


def may_import(user: Any) -> bool:
    return role_of(user) in WRITERS


def cluster_scope(user: Any) -> str | None:
    """The cluster a record list must be limited to (a cluster manager's), else None."""
    return None if may_read_all(user) else bound_cluster(user) or "-"
