"""Written questions on the web: the register (filter, sort, full-text search), a question's
page (sub-questions, mappings, the drafted answer, downloads, diff) and the drafted answer
to 228 for a year (`/answer/`), all through the one answer builder."""

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from clustermonitor.access import permissions
from clustermonitor.clusters.selectors import cluster_names
from clustermonitor.questions import selectors
from clustermonitor.questions.assignees import assignable
from clustermonitor.questions.draft import answer_diff, question_answer
from clustermonitor.questions.models import Status, WrittenQuestion
from clustermonitor.questions.services import NEXT, QuestionError
from clustermonitor.reports.answer.data import answer_build
from clustermonitor.reports.answer.model import LANGUAGES, Answer
from clustermonitor.reports.answer.render import RENDERERS, answer_context
from clustermonitor.reports.registry import REPORTS
from clustermonitor.web.common import parse_as_of, parse_year
from clustermonitor.web.question_history import question_history

TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
EDITABLE = (Status.RECEIVED, Status.DRAFTING)


def question_register(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    status = request.GET.get("status") or None
    order = request.GET.get("order") or "date"
    try:
        found = selectors.question_list(
            status=status, session=request.GET.get("session") or None, search=request.GET.get("q", ""),
            order=order,
        )  # fmt: skip
    except QuestionError as error:
        raise Http404(str(error)) from None
    rows = [{"q": q, "days_left": selectors.days_left(q)} for q in found.select_related("assignee")]
    context = {
        "rows": rows,
        "statuses": Status.choices,
        "sessions": selectors.question_sessions(),
        "orders": list(selectors.ORDERS),
        "order": order,
        "may_write": permissions.may_enter_data(request.user),
    }
    return render(request, "web/questions.html", context)


def find(session: str, number: int) -> WrittenQuestion:
    try:
        return selectors.question_find(number, session)
    except QuestionError as error:
        raise Http404(str(error)) from None


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang") or (get_language() or "nl")[:2]
    if lang not in LANGUAGES:
        raise Http404("lang must be nl or en")
    return lang


def question_page(request: HttpRequest, session: str, number: int) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    question = find(session, number)
    lang, as_of = _lang(request), parse_as_of(request)
    answer = question_answer(question, as_of=as_of, lang=lang)
    snapshot = getattr(question, "snapshot", None)
    query = urlencode({k: v for k, v in (("lang", lang), ("as_of", as_of or "")) if v})
    base = reverse("question", args=[question.session, question.number])
    subs = list(question.subquestions.prefetch_related("mappings"))
    for sub in subs:  # what the mapping form shows: the reports ticked, the years once each
        sub.mapped = {m.report for m in sub.mappings.all()}  # type: ignore[attr-defined]
        sub.years = " ".join(str(y) for y in sorted({m.year for m in sub.mappings.all() if m.year}))  # type: ignore[attr-defined]
    earlier = selectors.earlier(question)
    may_assign = permissions.may_enter_data(request.user) and question.status != Status.WITHDRAWN
    context: dict[str, Any] = {
        "question": question,
        "subs": subs,
        "days_left": selectors.days_left(question),
        "earlier": earlier,
        "earlier_diffs": [(e, answer_diff(e)) for e in earlier if getattr(e, "snapshot", None)],
        "answer": answer_context(answer),
        "lang": lang,
        "as_of": as_of,
        "downloads": [(fmt, f"{base}answer.{fmt}?{query}") for fmt in ("docx", "pdf", "md")],
        "snapshot": snapshot,
        "diff": answer_diff(question) if snapshot is not None else None,
        "editable": question.status in EDITABLE and permissions.may_enter_data(request.user),
        "may_write": permissions.may_enter_data(request.user),
        "reports": list(REPORTS),
        "yearly": [name for name, spec in REPORTS.items() if spec.yearly],
        "clusters": cluster_names(),
        "next_statuses": _next(question),
        "may_assign": may_assign,
        "assignees": assignable() if may_assign else [],
        "history": question_history(question),
        "today": date.today().isoformat(),
    }
    return render(request, "web/question.html", context)


def _next(question: WrittenQuestion) -> list[tuple[str, str]]:
    allowed = NEXT.get(Status(question.status), set()) - {Status.DRAFTING}
    return [(s.value, str(s.label)) for s in Status if s in allowed]


def _document(answer: Answer, fmt: str, stem: str) -> HttpResponse:
    render_answer, _binary = RENDERERS[fmt]
    response = HttpResponse(render_answer(answer), content_type=TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}-{answer.lang}.{fmt}"'
    return response


def question_download(request: HttpRequest, session: str, number: int, fmt: str) -> HttpResponse:
    permissions.require(permissions.may_read(request.user))
    if fmt not in TYPES:
        raise Http404("format: docx, pdf, md or html")
    question = find(session, number)
    answer = question_answer(question, as_of=parse_as_of(request), lang=_lang(request))
    return _document(answer, fmt, f"antwoord-{question.number}-{question.session}")


def answer_page(request: HttpRequest) -> HttpResponse:
    """The drafted answer to 228 for a year (issue 14.12): its question page when 228 is
    stored (one builder), else the 228 shortcut for the year, with the same downloads."""
    permissions.require(permissions.may_read(request.user))
    stored = selectors.question_asked(228, date(2019, 1, 23))
    year = parse_year(request, None)
    if stored is not None and year is None:
        return redirect(reverse("question", args=[stored.session, stored.number]) + _query(request))
    year = year or date.today().year - 1
    lang, as_of = _lang(request), parse_as_of(request)
    answer = answer_build(year=year, as_of=as_of, lang=lang)
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in TYPES:
            raise Http404("format: docx, pdf, md or html")
        return _document(answer, fmt, f"antwoord-228-{year}")
    query = urlencode({k: v for k, v in (("year", year), ("lang", lang), ("as_of", as_of or "")) if v})
    context = {
        "answer": answer_context(answer),
        "year": year,
        "lang": lang,
        "as_of": as_of,
        "stored": stored,
        "downloads": [(fmt, f"{reverse('answer')}?{query}&format={fmt}") for fmt in ("docx", "pdf", "md")],
    }
    return render(request, "web/answer.html", context)


def _query(request: HttpRequest) -> str:
    kept = {k: v for k, v in request.GET.items() if k in ("lang", "as_of") and v}
    return f"?{urlencode(kept)}" if kept else ""
