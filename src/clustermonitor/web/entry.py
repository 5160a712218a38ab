"""Data entry through the core's service functions: book ledger entries, set allocations
(with the remaining budget shown while typing), submit and decide project applications,
close a year. A refusal shows every problem beside its field; nothing is written."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from clustermonitor.budget import selectors as budget_selectors
from clustermonitor.budget.errors import WriteRefused
from clustermonitor.budget.services import allocation_set, budget_set, ledger_entry_book, year_close
from clustermonitor.clusters.models import Cluster
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import Project, ProjectType
from clustermonitor.web import permissions
from clustermonitor.web.forms import (
    AllocationForm,
    BookingForm,
    BudgetForm,
    DecisionForm,
    KpiFigureForm,
    ProjectForm,
    YearCloseForm,
    add_problems,
)
from clustermonitor.web.services import kpi_figure_set, project_decide, project_submit


def book(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
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
    return render(request, "web/form.html", {"form": form, "title": _("Book a ledger entry")})


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
    context = {"form": form, "title": _("Set an allocation"), "remaining": remaining, "allocation": True}
    return render(request, "web/form.html", context)


def project_new(request: HttpRequest) -> HttpResponse:
    bound = permissions.bound_cluster(request.user)
    permissions.require(permissions.may_enter_data(request.user) or bound is not None)
    initial = {"cluster": bound or request.GET.get("cluster", ""), "channel": "earmarked"}
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        permissions.require(permissions.may_submit_project(request.user, data["cluster"]))
        try:
            project = project_submit(**data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("Application %(ref)s submitted.") % {"ref": project.ref})
            return redirect(f"/projects/{project.ref}/")
    context = {
        "form": form,
        "title": _("Submit a project application"),
        "types": ProjectType.objects.values_list("code", "name"),
        "hint_title": _("Project types"),
    }
    return render(request, "web/form.html", context)


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
    form = KpiFigureForm(request.POST or None, initial={"cluster": bound or "", **request.GET.dict()})
    if what == "target":
        del form.fields["reported_on"], form.fields["source"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        permissions.require(
            permissions.may_submit_project(request.user, data["cluster"])
            if what == "result"
            else permissions.may_enter_data(request.user)
        )
        try:
            kpi_figure_set(what=what, **data, actor=request.user.username)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
        else:
            messages.success(request, _("KPI figure saved."))
            return redirect(f"/clusters/{data['cluster']}/")
    title = _("Report a KPI result") if what == "result" else _("Set a KPI target")
    types = Kpi.objects.values_list("code", "name")
    return render(
        request, "web/form.html", {"form": form, "title": title, "types": types, "hint_title": _("KPIs")}
    )
