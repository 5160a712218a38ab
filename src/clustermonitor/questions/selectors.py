"""Reads of written questions: find one, the register, full-text search, the show JSON."""

from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from clustermonitor.questions.models import Status, WrittenQuestion
from clustermonitor.questions.services import QuestionError

ORDERS = {
    "date": ("-asked_on", "-number"),
    "number": ("session", "number"),
    "deadline": ("deadline", "number"),
    "status": ("status", "-asked_on"),
    "asker": ("asker", "-asked_on"),
}


def question_find(number: int, session: str | None = None) -> WrittenQuestion:
    """Question `number` (of `session`); a number alone when only one session has it."""
    found = list(WrittenQuestion.objects.filter(number=number, **({"session": session} if session else {})))
    if not found:
        where = f" in session {session}" if session else ""
        raise QuestionError(f"no question {number}{where}")
    if len(found) > 1:
        sessions = ", ".join(q.session for q in found)
        raise QuestionError(f"question {number} exists in several sessions ({sessions}): give --session")
    return found[0]


def question_asked(number: int, asked_on: date) -> WrittenQuestion | None:
    """The question with this number asked on this day, if it is stored."""
    return WrittenQuestion.objects.filter(number=number, asked_on=asked_on).first()


def question_sessions() -> list[str]:
    """The sessions that have questions, the latest first."""
    sessions = WrittenQuestion.objects.values_list("session", flat=True).distinct().order_by("-session")
    return list(sessions)


def question_list(
    *, status: str | None = None, session: str | None = None, search: str = "", order: str = "date"
) -> QuerySet[WrittenQuestion]:
    """The register: filtered by status and session, searched, sorted by `order`."""
    if status and status not in Status.values:
        raise QuestionError(f"unknown status {status!r}: choose one of {', '.join(Status.values)}")
    if order not in ORDERS:
        raise QuestionError(f"unknown order {order!r}: choose one of {', '.join(ORDERS)}")
    questions = WrittenQuestion.objects.all()
    if status:
        questions = questions.filter(status=status)
    if session:
        questions = questions.filter(session=session)
    if search.strip():
        questions = questions.filter(pk__in=_search(search.strip()))
    return questions.order_by(*ORDERS[order])


def _search(words: str) -> QuerySet[Any]:
    """Question text, title, asker, prose and official answer: PostgreSQL's Dutch full-text
    search (stemmed: "vastlegging" finds "vastleggingen"); elsewhere every word as a substring."""
    fields = ("title", "text", "asker", "official_answer", "subquestions__prose")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="dutch")
        query = SearchQuery(words, config="dutch", search_type="websearch")
        return WrittenQuestion.objects.annotate(search=vector).filter(search=query).values("pk")
    condition = Q()
    for word in words.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return WrittenQuestion.objects.filter(condition).values("pk")


def days_left(question: WrittenQuestion, today: date | None = None) -> int | None:
    if question.deadline is None:
        return None
    return (question.deadline - (today or date.today())).days


def earlier(question: WrittenQuestion) -> list[WrittenQuestion]:
    """The earlier questions it names that are in the database (linked by number and date)."""
    found = []
    for reference in question.references:
        day = date.fromisoformat(reference["date"])
        linked = WrittenQuestion.objects.filter(number=reference["number"], asked_on=day).first()
        if linked is not None:
            found.append(linked)
    return found


def question_json(question: WrittenQuestion) -> dict[str, Any]:
    """The question as `question show --format json` and the API give it."""
    snapshot = getattr(question, "snapshot", None)
    return {
        "number": question.number,
        "session": question.session,
        "date": question.asked_on.isoformat(),
        "asker": question.asker,
        "title": question.title,
        "status": question.status,
        "refers_to": [{"number": r["number"], "date": r["date"]} for r in question.references],
        "subquestions": [
            {
                "label": sub.label,
                "parent": sub.parent or None,
                "text": sub.text,
                "answered_by": [
                    {"report": m.report, "year": m.year, "cluster": m.cluster or None}
                    for m in sub.mappings.all()
                ],
                "matched": sub.matched,
            }
            for sub in question.subquestions.prefetch_related("mappings")
        ],
        "snapshot": None
        if snapshot is None
        else {
            "as_of": snapshot.as_of.isoformat() if snapshot.as_of else None,
            "revision": snapshot.revision,
            "approved_at": snapshot.approved_at.isoformat(),
            "approved_by": snapshot.approved_by,
            "sent_on": question.sent_on.isoformat() if question.sent_on else None,
            "reports": sorted(snapshot.reports_json()),
        },
    }
