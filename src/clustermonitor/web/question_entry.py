"""Writes of written questions on the web (analysts and admins): take a question in by
pasting or uploading it, correct a mapping, write prose, approve, mark sent or withdrawn.
Each goes through `questions.services`; a refusal is shown, nothing is stored."""

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clustermonitor.access import permissions
from clustermonitor.questions import services
from clustermonitor.questions.extract import KINDS, ExtractError, extract_text
from clustermonitor.web.questions import find

MAX_UPLOAD = 10 * 1024 * 1024


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
            error = str(refused)
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


def _refused(request: HttpRequest, error: Exception) -> None:
    messages.error(request, str(error))


@require_POST
def question_map(request: HttpRequest, session: str, number: int, label: str) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    question = find(session, number)
    report = request.POST.get("report") or None
    try:
        years = [int(y) for y in request.POST.get("years", "").replace(",", " ").split() if y.isdigit()]
        if report and any(not w.isdigit() for w in request.POST.get("years", "").replace(",", " ").split()):
            raise services.QuestionError(_("years: four-digit years, e.g. 2017 2018"))
        services.mapping_set(
            question, label, report=None if report == "prose" else report, years=years,
            cluster=request.POST.get("cluster") or None, actor=request.user.get_username(),
        )  # fmt: skip
        messages.success(request, _("Mapping of %(label)s corrected.") % {"label": label})
    except services.QuestionError as error:
        _refused(request, error)
    return _back(session, number)


@require_POST
def question_prose(request: HttpRequest, session: str, number: int, label: str) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    question = find(session, number)
    try:
        services.prose_set(question, label, request.POST.get("prose", ""), actor=request.user.get_username())
        messages.success(request, _("Text of %(label)s saved.") % {"label": label})
    except services.QuestionError as error:
        _refused(request, error)
    return _back(session, number)


@require_POST
def question_approve(request: HttpRequest, session: str, number: int) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    question = find(session, number)
    try:
        as_of = _date(request.POST.get("as_of", "")) or date.today()
        services.question_approve(question, as_of=as_of, actor=request.user.get_username())
        messages.success(request, _("Answer approved; its figures are frozen."))
    except services.QuestionError as error:
        _refused(request, error)
    return _back(session, number)


@require_POST
def question_status(request: HttpRequest, session: str, number: int) -> HttpResponse:
    permissions.require(permissions.may_enter_data(request.user))
    question = find(session, number)
    try:
        services.status_set(question, request.POST.get("status", ""), actor=request.user.get_username())
    except (services.QuestionError, ValueError) as error:
        _refused(request, error)
    return _back(session, number)
