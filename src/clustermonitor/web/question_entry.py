"""Writes of written questions on the web (analysts and admins): take a question in by
pasting or uploading it; correct a mapping, write prose, approve, mark sent (with its
date) or withdrawn, assign it — each of these through the one form flow (web/formflow.py)
and `questions.services`; a refusal is shown beside its field, nothing is stored."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from clustermonitor.access import permissions
from clustermonitor.questions import services
from clustermonitor.questions.extract import KINDS, ExtractError, extract_text
from clustermonitor.questions.models import SubQuestion, WrittenQuestion
from clustermonitor.reports.renderers.said import translated
from clustermonitor.web.formflow import Flow, form_flow
from clustermonitor.web.question_forms import (
    ApproveForm,
    AssignForm,
    MappingForm,
    ProseForm,
    StatusForm,
)
from clustermonitor.web.questions import find

MAX_UPLOAD = 10 * 1024 * 1024
Save = Callable[[WrittenQuestion, dict[str, Any], str], Any]


def _back(session: str, number: int) -> HttpResponse:
    return redirect(reverse("question", args=[session, number]))


def question_new(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    error, values = "", request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            question = services.question_add(
                _text(request), actor=request.user.get_username(),
                number=_number(request.POST.get("number", "")), asked_on=_date(request.POST.get("date", "")),
                asker=request.POST.get("asker") or None, title=request.POST.get("title") or None,
                replace=request.POST.get("replace") == "on",
            )  # fmt: skip
        except (services.QuestionError, ExtractError) as refused:
            error = translated(refused.args[0])
        else:
            messages.success(request, _("Question %(number)s taken in.") % {"number": question.number})
            return _back(question.session, question.number)
    context = {"error": error, "values": values, "kinds": ", ".join(KINDS)}
    return render(request, "web/question_new.html", context, status=400 if error else 200)


def _text(request: HttpRequest) -> str:
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size is not None and upload.size > MAX_UPLOAD:
            raise services.QuestionError(_("the file is larger than 10 MB"))
        return extract_text(upload.name or "", upload.read())
    text = request.POST.get("text", "")
    if not text.strip():
        raise services.QuestionError(_("paste the question's text or choose a file"))
    return text


def _number(text: str) -> int | None:
    if not text.strip():
        return None
    if not text.strip().isdigit() or not 0 < int(text) < 100000:
        raise services.QuestionError(_("number: a whole number, e.g. 228"))
    return int(text)


def _date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise services.QuestionError(_("date: a date YYYY-MM-DD")) from None


def _flow(
    request: HttpRequest, question: WrittenQuestion, title: str, form: Form, save: Save, done: str
) -> HttpResponse:
    """One write of a question's page through the one form flow: back to the question with
    `done` on success; a refusal beside its field on the form's own page."""
    page = reverse("question", args=[question.session, question.number])
    flow = Flow(
        title=f"{title} · " + _("question %(number)s") % {"number": question.number},
        save=lambda data, actor: save(question, data, actor),
        done=lambda _saved, _data: (done, page),
        context={"note": question.title},
    )
    return form_flow(request, form, flow)


def _question(request: HttpRequest, session: str, number: int) -> WrittenQuestion:
    permissions.require(permissions.may_enter_data(request.user))  # first: no existence leak
    return find(session, number)


def _sub(question: WrittenQuestion, label: str) -> SubQuestion:
    sub = question.subquestions.filter(label=label).first()
    if sub is None:
        raise Http404("no such sub-question")
    return sub


def question_map(request: HttpRequest, session: str, number: int, label: str) -> HttpResponse:
    question = _question(request, session, number)
    mappings = list(_sub(question, label).mappings.all())
    initial = {
        "report": sorted({m.report for m in mappings}),
        "years": " ".join(str(year) for year in sorted({m.year for m in mappings if m.year})),
        "cluster": mappings[0].cluster if mappings else "",
    }

    def save(q: WrittenQuestion, data: dict[str, Any], actor: str) -> Any:
        years, cluster = data["years"], data["cluster"] or None
        return services.mapping_set(
            q, label, report=data["report"], years=years, cluster=cluster, actor=actor
        )

    form = MappingForm(request.POST or None, initial=initial)
    title = _("Correct the mapping of %(l)s") % {"l": label}
    return _flow(
        request, question, title, form, save, _("Mapping of %(label)s corrected.") % {"label": label}
    )


def question_prose(request: HttpRequest, session: str, number: int, label: str) -> HttpResponse:
    question = _question(request, session, number)
    form = ProseForm(request.POST or None, initial={"prose": _sub(question, label).prose})
    title = _("Text of the answer to %(l)s") % {"l": label}
    done = _("Text of %(label)s saved.") % {"label": label}
    return _flow(
        request,
        question,
        title,
        form,
        lambda q, d, a: services.prose_set(q, label, d["prose"], actor=a),
        done,
    )


def question_approve(request: HttpRequest, session: str, number: int) -> HttpResponse:
    question = _question(request, session, number)

    def save(q: WrittenQuestion, data: dict[str, Any], actor: str) -> Any:
        return services.question_approve(q, as_of=data["as_of"] or date.today(), actor=actor)

    form = ApproveForm(request.POST or None, initial={"as_of": date.today()})
    done = _("Answer approved; its figures are frozen.")
    return _flow(request, question, _("Approve the answer"), form, save, done)


def question_status(request: HttpRequest, session: str, number: int) -> HttpResponse:
    question = _question(request, session, number)

    def save(q: WrittenQuestion, data: dict[str, Any], actor: str) -> Any:
        return services.status_set(q, data["status"], sent_on=data["sent_on"], actor=actor)

    form = StatusForm(request.POST or None, initial={"sent_on": date.today()})
    done = _("Status saved.")
    return _flow(request, question, _("Withdraw, or mark as sent"), form, save, done)


def question_assign(request: HttpRequest, session: str, number: int) -> HttpResponse:
    question = _question(request, session, number)
    current = question.assignee.get_username() if question.assignee else ""
    form = AssignForm(request.POST or None, initial={"assignee": current})
    done = _("Assignment saved.")
    return _flow(
        request, question, _("Assign the question"), form,
        lambda q, d, a: services.assignee_set(q, d["assignee"] or None, actor=a), done,
    )  # fmt: skip
