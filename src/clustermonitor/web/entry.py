"""Data entry through the core's service functions: book ledger entries (the envelope-year's
and the project's position shown while typing), set allocations (the remaining budget shown
while typing), submit and decide project applications, KPI figures, create and change
clusters, close a year. A refusal shows every problem beside its field, in the page's
language; nothing is written. Clusters, years, project types and KPIs are chosen from lists
(a cluster manager's list holds their cluster only)."""

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from clustermonitor.budget import selectors as budget_selectors
from clustermonitor.budget.services import allocation_set, budget_set, ledger_entry_book, year_close
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.services import cluster_create, cluster_update
from clustermonitor.domain.enums import OPERATION_ENVELOPES, Envelope, operation_cap_key
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.kpis.services import kpi_figure_set
from clustermonitor.projects.models import Project
from clustermonitor.projects.services import project_decide, project_submit
from clustermonitor.web import permissions
from clustermonitor.web.forms import (
    AllocationForm,
    BookingForm,
    BudgetForm,
    ClusterForm,
    DecisionForm,
    KpiFigureForm,
    ProjectForm,
    YearCloseForm,
    add_problems,
)

ENVELOPE_VALUES = frozenset(envelope.value for envelope in Envelope)


def book(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    source = request.POST if request.method == "POST" else request.GET
    position = booking_position(
        year=source.get("year", ""),
        envelope=source.get("envelope", ""),
        cluster=source.get("cluster", ""),
        project=source.get("project", ""),
    )
    if request.htmx and request.method == "GET":
        return render(request, "web/_booking_position.html", {"position": position})
    form = BookingForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = ledger_entry_book(
                **{**data, "project": data["project"] or None}, actor=request.user.username
            )
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Booked %(ref)s.") % {"ref": entry.ref})
            return redirect(f"/ledger/?year={entry.year}")
    context = {
        "form": form,
        "title": _("Book a ledger entry"),
        "live": {"url": "/ledger/book/", "id": "position", "template": "web/_booking_position.html"},
        "position": position,
    }
    return render(request, "web/form.html", context)


def booking_position(
    *, year: object, envelope: object, cluster: object, project: object
) -> dict[str, object]:
    """What a booking would enter: the envelope-year's budget and net commitments, the
    cluster's operation under its cap, the project's granted support, commitments and
    payments. Parts that the values typed so far do not name are left out."""
    position: dict[str, object] = {}
    try:
        year_number = int(str(year))
    except ValueError:
        year_number = 0
    envelope = str(envelope)
    if 1000 <= year_number <= 9999 and envelope in ENVELOPE_VALUES:
        budget = budget_selectors.budget_amount(year=year_number, envelope=envelope)
        net = budget_selectors.envelope_year_tally(year=year_number, envelope=envelope).net
        position["envelope"] = {"budget": budget, "committed": net, "available": budget - net}
        the_cluster = Cluster.objects.filter(code=str(cluster)).first() if cluster else None
        if the_cluster is not None and envelope in OPERATION_ENVELOPES:
            cap = budget_selectors.parameter_value(operation_cap_key(envelope))
            used = budget_selectors.operation_year_tally(
                cluster=the_cluster, envelope=envelope, year=year_number
            ).net
            position["operation"] = {"cap": cap, "committed": used, "available": cap - used}
    the_project = (
        Project.objects.filter(ref=str(project)).select_related("cluster").first() if project else None
    )
    if the_project is not None:
        tally = budget_selectors.scope_tally(
            cluster=the_project.cluster, envelope=envelope, project=the_project
        )
        granted = the_project.granted_support
        position["project"] = {
            "ref": the_project.ref,
            "status": the_project.get_status_display(),
            "granted": granted,
            "committed": tally.net,
            "paid": tally.paid,
            "uncommitted": None if granted is None else granted - tally.net,
            "unpaid": tally.net - tally.paid,
        }
    return position


def remaining_budget(*, year: object, envelope: object, cluster: object) -> dict[str, object] | None:
    """What the envelope-year still has to allocate if this cluster's allocation is replaced."""
    try:
        year = int(str(year))
    except ValueError:
        return None
    if not envelope:
        return None
    other = Cluster.objects.filter(code=str(cluster)).first()
    budget = budget_selectors.budget_amount(year=year, envelope=str(envelope))
    allocated = budget_selectors.allocated_total(year=year, envelope=str(envelope), exclude_cluster=other)
    return {"budget": budget, "allocated": allocated, "remaining": budget - allocated}


def allocate(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    source = request.POST if request.method == "POST" else request.GET
    remaining = remaining_budget(
        year=source.get("year", ""), envelope=source.get("envelope", ""), cluster=source.get("cluster", "")
    )
    if request.htmx and request.method == "GET":
        return render(request, "web/_remaining.html", {"remaining": remaining})
    form = AllocationForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            allocation = allocation_set(**form.cleaned_data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Allocation saved."))
            return redirect(f"/years/{allocation.year}/")
    context = {
        "form": form,
        "title": _("Set an allocation"),
        "remaining": remaining,
        "live": {"url": "/allocations/new/", "id": "remaining", "template": "web/_remaining.html"},
    }
    return render(request, "web/form.html", context)


def project_new(request: HttpRequest) -> HttpResponse:
    bound = permissions.bound_cluster(request.user)
    permissions.require(permissions.may_enter_data(request.user) or bound is not None)
    initial = {"cluster": bound or request.GET.get("cluster", ""), "channel": "earmarked"}
    if request.method == "POST":  # another cluster's code in the request: refused, not "invalid"
        permissions.require(permissions.may_submit_project(request.user, request.POST.get("cluster")))
    form = ProjectForm(request.POST or None, initial=initial, cluster=bound)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = project_submit(**data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Application %(ref)s submitted.") % {"ref": project.ref})
            return redirect(f"/projects/{project.ref}/")
    return render(request, "web/form.html", {"form": form, "title": _("Submit a project application")})


def project_decision(request: HttpRequest, ref: str) -> HttpResponse:
    project = get_object_or_404(Project.objects.select_related("cluster"), ref=ref)
    permissions.require(permissions.may_enter_data(request.user))
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project_decide(ref=ref, **form.cleaned_data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Decision on %(ref)s saved.") % {"ref": ref})
            return redirect(f"/projects/{ref}/")
    title = _("Decide on application %(ref)s") % {"ref": project.ref}
    return render(request, "web/form.html", {"form": form, "title": title, "project": project})


def close_year(request: HttpRequest, year: int) -> HttpResponse:
    permissions.require(permissions.may_close_year(request.user))
    form = YearCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            year_close(year=year, closed_on=form.cleaned_data["closed_on"], actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(
                request, _("Year %(year)s is closed: its figures are definitive.") % {"year": year}
            )
            return redirect(f"/years/{year}/")
    return render(
        request, "web/form.html", {"form": form, "title": _("Close year %(year)s") % {"year": year}}
    )


def budget(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    form = BudgetForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            saved = budget_set(**form.cleaned_data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Budget saved."))
            return redirect(f"/years/{saved.year}/")
    return render(request, "web/form.html", {"form": form, "title": _("Set a budget")})


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
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            kpi_figure_set(what=what, **data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("KPI figure saved."))
            return redirect(f"/clusters/{data['cluster']}/")
    title = _("Report a KPI result") if what == "result" else _("Set a KPI target")
    return render(request, "web/form.html", {"form": form, "title": title})


def cluster_new(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    form = ClusterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cluster = cluster_create(**form.cleaned_data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Cluster %(code)s created.") % {"code": cluster.code})
            return redirect(f"/clusters/{cluster.code}/")
    return render(request, "web/form.html", {"form": form, "title": _("New cluster")})


def cluster_edit(request: HttpRequest, code: str) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    cluster = get_object_or_404(Cluster, code=code)
    stored = model_to_dict(cluster, fields=[name for name in ClusterForm.base_fields if name != "code"])
    form = ClusterForm(request.POST or None, initial=stored)
    del form.fields["code"]
    if request.method == "POST" and form.is_valid():
        try:
            cluster_update(code=code, **form.cleaned_data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Cluster %(code)s saved.") % {"code": code})
            return redirect(f"/clusters/{code}/")
    title = _("Change cluster %(code)s") % {"code": code}
    return render(request, "web/form.html", {"form": form, "title": title})
