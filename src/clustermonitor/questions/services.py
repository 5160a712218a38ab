"""Writes of written questions: intake, mappings by hand, prose, status, approval.

Every write names its actor; django-simple-history keeps who changed what and when.
A refusal is a `QuestionError` (a `WriteRefused`: the form field it concerns and a
message the web shows in Dutch, the CLI and API in English); nothing is written then.
"""

import json
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_revision
from clustermonitor.domain.messages import _
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.questions.assignees import assignable
from clustermonitor.questions.draft import reports_used
from clustermonitor.questions.mapping import map_question
from clustermonitor.questions.models import Mapping, Snapshot, Status, SubQuestion, WrittenQuestion
from clustermonitor.questions.parser import ParseError, parse_question
from clustermonitor.reports.registry import REPORTS

ANSWER_DAYS = 30  # days a minister has to answer (deadline = date asked + 30 days)
NEXT = {  # allowed status changes; approving goes through `question_approve`
    Status.RECEIVED: {Status.DRAFTING, Status.WITHDRAWN},
    Status.DRAFTING: {Status.WITHDRAWN},
    Status.APPROVED: {Status.SENT},
}


class QuestionError(WriteRefused, ValueError):
    """A write was refused (bad text, duplicate number, unknown report…); nothing stored.
    `column` names the form field it concerns ("__all__": the form as a whole)."""

    def __init__(self, message: str, column: str = "__all__") -> None:
        super().__init__([(column, message)])
        self.args = (message,)

    def __str__(self) -> str:
        return str(self.args[0])


def session_of(day: date) -> str:
    """The Flemish Parliament's session a date falls in: it opens on the fourth Monday of
    September (23 January 2019 → "2018-2019")."""
    first = date(day.year, 9, 1)
    opening = first + timedelta(days=(0 - first.weekday()) % 7 + 21)
    start = day.year if day >= opening else day.year - 1
    return f"{start}-{start + 1}"


def cluster_names() -> dict[str, str]:
    return dict(Cluster.objects.values_list("code", "name"))


def question_add(
    text: str,
    *,
    actor: str,
    number: int | None = None,
    asked_on: date | None = None,
    asker: str | None = None,
    title: str | None = None,
    replace: bool = False,
    reconstruction: bool = False,
) -> WrittenQuestion:
    """Take a question in: parse, map every sub-question, store; options override the text."""
    try:
        parsed = parse_question(text)
    except ParseError as error:
        raise QuestionError(error.args[0]) from None
    number = number if number is not None else parsed.number
    asked_on = asked_on or parsed.asked_on
    if number is None:
        raise QuestionError(_("the text names no question number: give one (--number)"))
    if asked_on is None:
        raise QuestionError(_("the text names no date: give one (--date YYYY-MM-DD)"))
    session = session_of(asked_on)
    mappings = map_question(parsed, cluster_names(), asked_on)
    with transaction.atomic():
        existing = WrittenQuestion.objects.filter(session=session, number=number).first()
        if existing and existing.status == Status.SENT:
            raise QuestionError(
                _(
                    "question {number} of session {session} was sent: a sent answer is kept",
                    number=number,
                    session=session,
                )
            )
        if existing and not replace:
            raise QuestionError(
                _(
                    "question {number} of session {session} already exists: replace it (--replace)",
                    number=number,
                    session=session,
                )
            )
        if existing:
            existing.delete()
        question = WrittenQuestion(
            session=session,
            number=number,
            asked_on=asked_on,
            asker=asker or parsed.asker,
            addressee=parsed.addressee,
            title=title or parsed.title,
            text=text.strip(),
            lead=parsed.lead,
            official_answer=parsed.official_answer,
            references=[{"number": n, "date": d.isoformat()} for n, d in parsed.references],
            reconstruction=reconstruction,
            deadline=asked_on + timedelta(days=ANSWER_DAYS),
        )
        question._change_reason = f"taken in by {actor}"  # type: ignore[attr-defined]
        question.save()
        for position, (sub, found) in enumerate(zip(parsed.subs, mappings, strict=True)):
            row = SubQuestion.objects.create(
                question=question,
                position=position,
                label=sub.label,
                parent=sub.parent,
                context=sub.context,
                text=sub.text,
                matched=found.matched,
                support=[{"report": t.report, "year": t.year, "cluster": t.cluster} for t in found.support],
            )
            Mapping.objects.bulk_create(
                Mapping(subquestion=row, position=i, report=t.report, year=t.year, cluster=t.cluster or "")
                for i, t in enumerate(found.targets)
            )
    return question


def _editable(question: WrittenQuestion) -> None:
    if question.status not in (Status.RECEIVED, Status.DRAFTING):
        raise QuestionError(
            _(
                "question {number} is {status}: its answer is frozen",
                number=question.number,
                status=question.status,
            )
        )


def _sub(question: WrittenQuestion, label: str) -> SubQuestion:
    sub = question.subquestions.filter(label=label).first()
    if sub is None:
        labels = ", ".join(question.subquestions.values_list("label", flat=True))
        raise QuestionError(
            _(
                "question {number} has no sub-question '{label}' (it has {labels})",
                number=question.number,
                label=label,
                labels=labels,
            )
        )
    return sub


def mapping_set(
    question: WrittenQuestion,
    label: str,
    *,
    report: str | list[str] | None,
    years: list[int],
    cluster: str | None,
    actor: str,
) -> SubQuestion:
    """Correct a sub-question's mapping by hand: its report(s), the year(s) of the yearly
    ones (a whole-pact report takes none) and the cluster; no report (None or []) marks it
    for prose. Several reports and years give one mapping per report and year."""
    _editable(question)
    sub = _sub(question, label)
    reports = [report] if isinstance(report, str) else list(report or [])
    _check_mapping(reports, years, cluster)
    with transaction.atomic():
        sub.mappings.all().delete()
        Mapping.objects.bulk_create(
            Mapping(subquestion=sub, position=i, report=name, year=year, cluster=cluster or "", by_hand=True)
            for i, (name, year) in enumerate(
                (name, year) for name in reports for year in (years if REPORTS[name].yearly else [None])
            )
        )
        sub.matched = []
        sub._change_reason = f"mapped by hand by {actor}"  # type: ignore[attr-defined]
        sub.save()
        _drafting(question, actor)
    return sub


def _check_mapping(reports: list[str], years: list[int], cluster: str | None) -> None:
    for name in reports:
        if name not in REPORTS:
            raise QuestionError(
                _(
                    "unknown report {report}: choose one of {reports}",
                    report=name,
                    reports=", ".join(REPORTS),
                ),
                "report",
            )
        if REPORTS[name].yearly and not years:
            raise QuestionError(_("{report} needs a year", report=name), "years")
    if years and reports and not any(REPORTS[name].yearly for name in reports):
        raise QuestionError(_("{report} covers the whole pact and takes no year", report=reports[0]), "years")
    if cluster is not None and not Cluster.objects.filter(code=cluster).exists():
        raise QuestionError(_("unknown cluster {cluster}", cluster=cluster), "cluster")


def prose_set(question: WrittenQuestion, label: str, prose: str, *, actor: str) -> SubQuestion:
    _editable(question)
    sub = _sub(question, label)
    with transaction.atomic():
        sub.prose = prose.strip()
        sub._change_reason = f"prose by {actor}"  # type: ignore[attr-defined]
        sub.save()
        _drafting(question, actor)
    return sub


def _drafting(question: WrittenQuestion, actor: str) -> None:
    if question.status == Status.RECEIVED:
        status_set(question, Status.DRAFTING, actor=actor)


def status_set(
    question: WrittenQuestion, status: str, *, actor: str, sent_on: date | None = None
) -> WrittenQuestion:
    """Move the question on (NEXT); going to `sent` records the day it was sent (default
    today). A sent answer stays as frozen as the approved one: rendered from its snapshot."""
    if status not in NEXT.get(Status(question.status), set()):
        raise QuestionError(
            _(
                "question {number} cannot go from {status} to {new}",
                number=question.number,
                status=question.status,
                new=status,
            ),
            "status",
        )
    if status == Status.SENT:
        sent_on = sent_on or date.today()
        if sent_on < question.asked_on:
            raise QuestionError(_("an answer cannot be sent before its question was asked"), "sent_on")
        question.sent_on = sent_on
    question.status = status
    question._change_reason = f"{status} by {actor}"  # type: ignore[attr-defined]
    question.save()
    return question


def assignee_set(question: WrittenQuestion, username: str | None, *, actor: str) -> WrittenQuestion:
    """Assign the question to an analyst or admin (None: to no one); the history says who
    assigned it to whom and when. Any state but withdrawn: a sent question keeps its owner."""
    if question.status == Status.WITHDRAWN:
        raise QuestionError(_("question {number} is withdrawn", number=question.number), "assignee")
    user = None
    if username:
        if username not in dict(assignable()):
            raise QuestionError(
                _("{user} is not an analyst or admin: only they draft answers", user=username), "assignee"
            )
        user = get_user_model().objects.get(username=username)
    question.assignee = user
    reason = f"assigned to {username} by {actor}" if username else f"unassigned by {actor}"
    question._change_reason = reason  # type: ignore[attr-defined]
    question.save()
    return question


def question_approve(question: WrittenQuestion, *, as_of: date | None, actor: str) -> Snapshot:
    """Freeze the answer: the as-of date, the data revision, every report used, the prose."""
    if question.status not in (Status.RECEIVED, Status.DRAFTING):
        raise QuestionError(
            _(
                "question {number} is {status}: it cannot be approved",
                number=question.number,
                status=question.status,
            )
        )
    with transaction.atomic():
        snapshot = Snapshot.objects.create(
            question=question,
            as_of=as_of,
            revision=data_revision() or "",
            reports=json.dumps(reports_used(question, as_of), ensure_ascii=False),
            prose={sub.label: sub.prose for sub in question.subquestions.all()},
            approved_by=actor,
        )
        question.status = Status.APPROVED
        question._change_reason = f"approved by {actor} at {timezone.now():%Y-%m-%d %H:%M}"  # type: ignore[attr-defined]
        question.save()
    return snapshot
