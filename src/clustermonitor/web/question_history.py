"""A written question's audit trail on its page: who did what and when, from the history
rows django-simple-history keeps of the question and its sub-questions. The services
record each change's reason in English ("assigned to ann by bob"); the page says it in
its own language."""

import re
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from clustermonitor.questions.models import Status, SubQuestion, WrittenQuestion

LIMIT = 100
WHO = r"(?P<who>\S+?)(?: at .+)?"  # "approved by ann at 2019-02-20 10:00": the time is the row's own
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"taken in by {WHO}"), "taken"),
    (re.compile(rf"assigned to (?P<whom>\S+) by {WHO}"), "assigned"),
    (re.compile(rf"unassigned by {WHO}"), "unassigned"),
    (re.compile(rf"mapped by hand by {WHO}"), "mapped"),
    (re.compile(rf"prose by {WHO}"), "prose"),
    (re.compile(rf"(?P<status>{'|'.join(Status.values)}) by {WHO}"), "status"),
]


def _said(kind: str, found: dict[str, str], label: str) -> str:
    who = found["who"]
    if kind == "taken":
        return _("taken in by %(who)s") % {"who": who}
    if kind == "assigned":
        return _("assigned to %(whom)s by %(who)s") % {"whom": found["whom"], "who": who}
    if kind == "unassigned":
        return _("assignment withdrawn by %(who)s") % {"who": who}
    if kind == "mapped":
        return _("mapping of %(label)s corrected by %(who)s") % {"label": label, "who": who}
    if kind == "prose":
        return _("text of %(label)s written by %(who)s") % {"label": label, "who": who}
    status = Status(found["status"]).label
    return _("%(status)s by %(who)s") % {"status": status, "who": who}


def said(reason: str | None, label: str = "") -> str:
    """A recorded reason in the page's language; one the page does not know, as recorded."""
    reason = reason or ""
    for pattern, kind in PATTERNS:
        found = pattern.fullmatch(reason)
        if found:
            return _said(kind, found.groupdict(), label)
    return reason


def question_history(question: WrittenQuestion) -> list[dict[str, Any]]:
    """The question's changes and its sub-questions', newest first (at most LIMIT)."""
    history: Any = WrittenQuestion.history  # django-simple-history's manager
    sub_history: Any = SubQuestion.history
    rows: list[tuple[datetime, str, str]] = [
        (row.history_date, row.history_change_reason, "")
        for row in history.filter(id=question.pk).order_by("-history_date")[:LIMIT]
    ]
    rows += [
        (row.history_date, row.history_change_reason, row.label)
        for row in sub_history.filter(question_id=question.pk)
        .exclude(history_type="+")  # sub-questions are created with the question: "taken in"
        .order_by("-history_date")[:LIMIT]
    ]
    rows.sort(key=lambda row: row[0], reverse=True)
    return [{"when": when, "what": said(reason, label)} for when, reason, label in rows[:LIMIT]]
