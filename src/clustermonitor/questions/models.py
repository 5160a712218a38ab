"""Written questions of the Flemish Parliament and the answers drafted to them.

The key is session + number (numbers restart every parliamentary session). A question
has sub-questions (label "1", "1a", …; `parent` the numbered item a lettered part
belongs to), each answered by report mappings (report, year, cluster) or by prose only.
Approving stores a `Snapshot`: from then on the answer is rendered from it alone.
"""

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from clustermonitor.kernel.fields import one_of


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    DRAFTING = "drafting", _("drafting")
    APPROVED = "approved", _("approved")
    SENT = "sent", _("sent")
    WITHDRAWN = "withdrawn", _("withdrawn")


class WrittenQuestion(models.Model):
    session = models.CharField(_("session"), max_length=9)  # "2018-2019"
    number = models.PositiveIntegerField(_("number"))
    asked_on = models.DateField(_("date"))
    asker = models.CharField(_("asker"), max_length=200)
    addressee = models.CharField(_("addressee"), max_length=300, blank=True)
    title = models.TextField(_("title"))
    text = models.TextField(_("full text"))
    lead = models.TextField(_("lead"), blank=True)
    official_answer = models.TextField(_("official answer"), blank=True)
    references = models.JSONField(default=list)  # earlier questions named: [{"number", "date"}]
    reconstruction = models.BooleanField(_("reconstruction"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)  # set when it goes to `sent`
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-asked_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="question_session_number_unique"),
            models.CheckConstraint(condition=one_of("status", Status), name="question_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.session}) {self.title}"


class SubQuestion(models.Model):
    question = models.ForeignKey(WrittenQuestion, on_delete=models.CASCADE, related_name="subquestions")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("label"), max_length=10)
    parent = models.CharField(_("parent"), max_length=10, blank=True)
    context = models.TextField(blank=True)  # the parent's text when the parent asks nothing itself
    text = models.TextField(_("text"))
    matched = models.JSONField(default=list)
    prose = models.TextField(_("prose"), blank=True)
    support = models.JSONField(default=list)  # prose only: the nearest report's mappings
    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "label"], name="subquestion_label_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.question.number}/{self.label}"


class Mapping(models.Model):
    """One report that answers a sub-question: report, year (None for a whole-pact report),
    cluster code (the sub-question's subject, None for all clusters)."""

    subquestion = models.ForeignKey(SubQuestion, on_delete=models.CASCADE, related_name="mappings")
    position = models.PositiveSmallIntegerField()
    report = models.CharField(_("report"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    cluster = models.CharField(_("cluster"), max_length=40, blank=True)  # "": all clusters
    by_hand = models.BooleanField(default=False)

    class Meta:
        ordering = ["subquestion", "position"]


class Snapshot(models.Model):
    """The frozen answer: as-of date, data revision, every report used (JSON) and the prose."""

    question = models.OneToOneField(WrittenQuestion, on_delete=models.CASCADE, related_name="snapshot")
    as_of = models.DateField(null=True, blank=True)
    revision = models.CharField(max_length=32, blank=True)
    # {"report|year|cluster": report JSON} as JSON text, not a JSONField: PostgreSQL's jsonb
    # sorts an object's keys, and a report's objects keyed by code (instruments) are in the
    # order the answer lists them; text keeps the answer the same as when it was approved.
    reports = models.TextField()
    prose = models.JSONField()  # {label: prose}
    approved_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.CharField(max_length=150)

    def reports_json(self) -> dict[str, Any]:
        """The reports as approved, in the order they were made."""
        found: dict[str, Any] = json.loads(self.reports)
        return found
