"""What the entry forms show beside their fields (the position a booking or an allocation
enters, server-rendered on load and refreshed by HTMX while typing) and what they ask the
reader to confirm before a weighty write (see web/formflow.py)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from clustermonitor.budget import selectors as budget_selectors
from clustermonitor.clusters.selectors import cluster_by_code
from clustermonitor.domain.dates import year_or_none
from clustermonitor.domain.enums import OPERATION_ENVELOPES, Envelope, operation_cap_key
from clustermonitor.kernel.selectors import parameter_value
from clustermonitor.projects.models import Project, ProjectStatusChoices
from clustermonitor.projects.selectors import project_by_ref
from clustermonitor.reports.labels import label
from clustermonitor.web.templatetags.web import money

ENVELOPE_VALUES = frozenset(envelope.value for envelope in Envelope)


def booking_position(
    *, year: object, envelope: object, cluster: object, project: object
) -> dict[str, object]:
    """What a booking would enter: the envelope-year's budget and net commitments, the
    cluster's operation under its cap, the project's granted support, commitments and
    payments. Parts that the values typed so far do not name are left out."""
    position: dict[str, object] = {}
    year_number, envelope = year_or_none(year), str(envelope)
    if year_number is not None and envelope in ENVELOPE_VALUES:
        budget = budget_selectors.budget_amount(year=year_number, envelope=envelope)
        net = budget_selectors.envelope_year_tally(year=year_number, envelope=envelope).net
        position["envelope"] = {"budget": budget, "committed": net, "available": budget - net}
        the_cluster = cluster_by_code(cluster)
        if the_cluster is not None and envelope in OPERATION_ENVELOPES:
            cap = parameter_value(operation_cap_key(envelope))
            used = budget_selectors.operation_year_tally(
                cluster=the_cluster, envelope=envelope, year=year_number
            ).net
            position["operation"] = {"cap": cap, "committed": used, "available": cap - used}
    the_project = project_by_ref(project)
    if the_project is not None:
        tally = budget_selectors.scope_tally(
            cluster=the_project.cluster, envelope=envelope, project=the_project
        )
        granted = the_project.granted_support
        position["project"] = {
            "ref": the_project.ref,
            "status": str(ProjectStatusChoices(the_project.status).label),
            "granted": granted,
            "committed": tally.net,
            "paid": tally.paid,
            "uncommitted": None if granted is None else granted - tally.net,
            "unpaid": tally.net - tally.paid,
        }
    return position


def remaining_budget(*, year: object, envelope: object, cluster: object) -> dict[str, object] | None:
    """What the envelope-year still has to allocate if this cluster's allocation is replaced,
    and the cluster's allocation now (None: it has none)."""
    year_number, envelope = year_or_none(year), str(envelope)
    if year_number is None or envelope not in ENVELOPE_VALUES:
        return None
    other = cluster_by_code(cluster)
    budget = budget_selectors.budget_amount(year=year_number, envelope=envelope)
    allocated = budget_selectors.allocated_total(year=year_number, envelope=envelope, exclude_cluster=other)
    current = (
        None
        if other is None
        else budget_selectors.allocation_amount(year=year_number, cluster=other.code, envelope=envelope)
    )
    return {"budget": budget, "allocated": allocated, "remaining": budget - allocated, "current": current}


def budget_position(*, year: object, envelope: object) -> dict[str, object] | None:
    """The envelope-year a budget is set for: its budget now (None: none yet), what is
    allocated of it to clusters, and what remains to allocate (None: nothing named yet)."""
    year_number, envelope = year_or_none(year), str(envelope)
    if year_number is None or envelope not in ENVELOPE_VALUES:
        return None
    budget = budget_selectors.budget_stored(year=year_number, envelope=envelope)
    allocated = budget_selectors.allocated_total(year=year_number, envelope=envelope)
    remaining = None if budget is None else budget - allocated
    return {"budget": budget, "allocated": allocated, "remaining": remaining}


def replacing(old: Decimal | None, new: Decimal, what: str) -> list[str]:
    """A warning when a stored amount is replaced by a different one."""
    if old is None or old == new:
        return []
    return [
        _("This replaces the %(what)s of %(old)s by %(new)s.")
        % {"what": what, "old": money(old), "new": money(new)}
    ]


def allocation_warnings(data: dict[str, Any]) -> list[str]:
    old = budget_selectors.allocation_amount(
        year=data["year"], cluster=data["cluster"], envelope=data["envelope"]
    )
    what = _("allocation of %(cluster)s for %(envelope)s %(year)s") % {
        "cluster": data["cluster"],
        "envelope": label(data["envelope"]),
        "year": data["year"],
    }
    return replacing(old, data["amount"], what)


def budget_warnings(data: dict[str, Any]) -> list[str]:
    old = budget_selectors.budget_stored(year=data["year"], envelope=data["envelope"])
    what = _("budget of %(envelope)s %(year)s") % {"envelope": label(data["envelope"]), "year": data["year"]}
    return replacing(old, data["amount"], what)


def decision_warnings(project: Project, data: dict[str, Any]) -> list[str]:
    """Approving more support than was requested is allowed, but never by a slip."""
    granted = data.get("granted_support")
    if data.get("status") != "approved" or granted is None or granted <= project.requested_support:
        return []
    return [
        _("The granted support %(granted)s is more than the %(requested)s requested.")
        % {"granted": money(granted), "requested": money(project.requested_support)}
    ]


def close_warnings(year: int, closed_on: date) -> list[str]:
    return [
        _(
            "Closing %(year)s on %(date)s cannot be undone: its figures become definitive and "
            "nothing can be entered on the year afterwards."
        )
        % {"year": year, "date": closed_on.isoformat()}
    ]
