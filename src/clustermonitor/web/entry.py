"""Data entry through the core's service functions: book ledger entries (the envelope-year's
and the project's position shown while typing), set budgets and allocations (the remaining
budget shown while typing; a replaced amount confirmed first), submit and decide project
applications (more than requested confirmed first), KPI figures, create and change
clusters, close a year (confirmed first: it cannot be undone). Every page runs the one
flow of web/formflow.py; the lists to choose from hold a cluster manager's cluster only."""

from typing import Any

from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from clustermonitor.access import permissions
from clustermonitor.budget.services import allocation_set, budget_set, ledger_entry_book, year_close
from clustermonitor.clusters.selectors import cluster_by_code
from clustermonitor.clusters.services import cluster_create, cluster_update
from clustermonitor.kpis.services import kpi_figure_set
from clustermonitor.projects.selectors import project_by_ref
from clustermonitor.projects.services import project_decide, project_submit
from clustermonitor.web import positions
from clustermonitor.web.formflow import Flow, Live, form_flow
from clustermonitor.web.forms import (
    AllocationForm,
    BookingForm,
    BudgetForm,
    ClusterForm,
    DecisionForm,
    KpiFigureForm,
    ProjectForm,
    YearCloseForm,
)
from clustermonitor.web.notify import decision_notify
from clustermonitor.web.templatetags.web import money


def year_url(year: int) -> str:
    return reverse("year", args=[year])


def book(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    source = request.POST if request.method == "POST" else request.GET
    position = positions.booking_position(
        year=source.get("year", ""),
        envelope=source.get("envelope", ""),
        cluster=source.get("cluster", ""),
        project=source.get("project", ""),
    )

    def save(data: dict[str, Any], actor: str) -> Any:
        return ledger_entry_book(**{**data, "project": data["project"] or None}, actor=actor)

    flow = Flow(
        title=_("Book a ledger entry"),
        save=save,
        done=lambda entry, _data: (
            _("Booked %(ref)s.") % {"ref": entry.ref},
            f"{reverse('ledger')}?year={entry.year}",
        ),
        live=Live(reverse("book"), "position", "web/_booking_position.html", "position", position),
    )
    return form_flow(request, BookingForm(request.POST or None, initial=request.GET.dict()), flow)


def allocate(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    source = request.POST if request.method == "POST" else request.GET
    remaining = positions.remaining_budget(
        year=source.get("year", ""), envelope=source.get("envelope", ""), cluster=source.get("cluster", "")
    )
    flow = Flow(
        title=_("Set an allocation"),
        save=lambda data, actor: allocation_set(**data, actor=actor),
        done=lambda allocation, _data: (_("Allocation saved."), year_url(allocation.year)),
        warnings=positions.allocation_warnings,
        live=Live(reverse("allocate"), "remaining", "web/_remaining.html", "remaining", remaining),
    )
    return form_flow(request, AllocationForm(request.POST or None, initial=request.GET.dict()), flow)


def budget(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    source = request.POST if request.method == "POST" else request.GET
    position = positions.budget_position(year=source.get("year", ""), envelope=source.get("envelope", ""))
    flow = Flow(
        title=_("Set a budget"),
        save=lambda data, actor: budget_set(**data, actor=actor),
        done=lambda saved, _data: (_("Budget saved."), year_url(saved.year)),
        warnings=positions.budget_warnings,
        live=Live(reverse("budget"), "budget-live", "web/_budget_position.html", "budget_position", position),
    )
    return form_flow(request, BudgetForm(request.POST or None, initial=request.GET.dict()), flow)


def project_new(request: HttpRequest) -> HttpResponse:
    bound = permissions.bound_cluster(request.user)
    permissions.require(permissions.may_enter_data(request.user) or bound is not None)
    initial = {"cluster": bound or request.GET.get("cluster", ""), "channel": "earmarked"}
    if request.method == "POST":  # another cluster's code in the request: refused, not "invalid"
        permissions.require(permissions.may_submit_project(request.user, request.POST.get("cluster")))
    flow = Flow(
        title=_("Submit a project application"),
        save=lambda data, actor: project_submit(**data, actor=actor),
        done=lambda project, _data: (
            _("Application %(ref)s submitted.") % {"ref": project.ref},
            reverse("project", args=[project.ref]),
        ),
    )
    return form_flow(request, ProjectForm(request.POST or None, initial=initial, cluster=bound), flow)


def project_decision(request: HttpRequest, ref: str) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))  # first: no existence leak
    project = project_by_ref(ref)
    if project is None:
        raise Http404("no such project")

    def save(data: dict[str, Any], actor: str) -> Any:
        decided = project_decide(ref=ref, **data, actor=actor)
        decision_notify(ref)  # on commit: a refused decision tells no one
        return decided

    flow = Flow(
        title=_("Decide on application %(ref)s") % {"ref": project.ref},
        save=save,
        done=lambda _saved, _data: (
            _("Decision on %(ref)s saved.") % {"ref": ref},
            reverse("project", args=[ref]),
        ),
        warnings=lambda data: positions.decision_warnings(project, data),
        context={
            "project": project,
            "note": _("%(title)s: %(requested)s support requested, total cost %(cost)s.")
            % {
                "title": project.title,
                "requested": money(project.requested_support),
                "cost": money(project.total_cost),
            },
        },
    )
    return form_flow(request, DecisionForm(request.POST or None), flow)


def close_year(request: HttpRequest, year: int) -> HttpResponse:
    permissions.require(permissions.may_close_year(request.user))
    flow = Flow(
        title=_("Close year %(year)s") % {"year": year},
        save=lambda data, actor: year_close(year=year, closed_on=data["closed_on"], actor=actor),
        done=lambda _saved, _data: (
            _("Year %(year)s is closed: its figures are definitive.") % {"year": year},
            year_url(year),
        ),
        warnings=lambda data: positions.close_warnings(year, data["closed_on"]),
        context={"note": _("Closing a year cannot be undone: you are asked to confirm first.")},
    )
    return form_flow(request, YearCloseForm(request.POST or None), flow)


def kpi_figure(request: HttpRequest, what: str) -> HttpResponse:
    """A KPI target (analysts) or a reported result (analysts, the cluster's manager)."""
    if what not in ("result", "target"):
        raise Http404("a KPI target or result")
    bound = permissions.bound_cluster(request.user)
    may_result = permissions.may_enter_data(request.user) or bound is not None
    permissions.require(may_result if what == "result" else permissions.may_enter_data(request.user))
    if request.method == "POST" and what == "result":  # another cluster's code: refused
        permissions.require(permissions.may_submit_project(request.user, request.POST.get("cluster")))
    initial = {"cluster": bound or "", **request.GET.dict()}
    form = KpiFigureForm(request.POST or None, initial=initial, cluster=bound)
    if what == "target":
        del form.fields["reported_on"], form.fields["source"]
    flow = Flow(
        title=_("Report a KPI result") if what == "result" else _("Set a KPI target"),
        save=lambda data, actor: kpi_figure_set(what=what, **data, actor=actor),
        done=lambda _saved, data: (_("KPI figure saved."), reverse("cluster", args=[data["cluster"]])),
    )
    return form_flow(request, form, flow)


def cluster_new(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    flow = Flow(
        title=_("New cluster"),
        save=lambda data, actor: cluster_create(**data, actor=actor),
        done=lambda cluster, _data: (
            _("Cluster %(code)s created.") % {"code": cluster.code},
            reverse("cluster", args=[cluster.code]),
        ),
    )
    return form_flow(request, ClusterForm(request.POST or None), flow)


def cluster_edit(request: HttpRequest, code: str) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    cluster = cluster_by_code(code)
    if cluster is None:
        raise Http404("no such cluster")
    stored = model_to_dict(cluster, fields=[name for name in ClusterForm.base_fields if name != "code"])
    form = ClusterForm(request.POST or None, initial=stored)
    del form.fields["code"]
    flow = Flow(
        title=_("Change cluster %(code)s") % {"code": code},
        save=lambda data, actor: cluster_update(code=code, **data, actor=actor),
        done=lambda _saved, _data: (
            _("Cluster %(code)s saved.") % {"code": code},
            reverse("cluster", args=[code]),
        ),
    )
    return form_flow(request, form, flow)
