"""Project types, the project applications that clusters generate, and their kept tallies."""

from collections.abc import Iterable
from typing import Any

from django.db import connections, models, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import EARMARKED_INSTRUMENT, Channel, ProjectStatus
from clustermonitor.kernel.fields import MONEY, one_of, text_choices
from clustermonitor.projects.tally_sql import (
    TALLIED_FIELDS,
    TALLY_FIGURES,
    TALLY_KEY,
    UNIQUE_KEY,
    Figures,
    Tallies,
    TallyEvent,
    TallySpan,
    changes,
    stored,
)

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


class ProjectQuerySet(models.QuerySet["Project"]):
    """Every write of projects keeps their tallies, in the same transaction.

    The import writes its rows with plain SQL and rebuilds the tallies once its rules pass
    (`tallies.tallies_rebuild`); every other writer comes through here or `Project.save`.
    """

    def bulk_create(self, objs: Iterable["Project"], *args: Any, **kwargs: Any) -> list["Project"]:
        if kwargs.get("ignore_conflicts") or kwargs.get("update_conflicts"):
            raise TypeError("projects are bulk-created without conflicts: which rows changed is kept")
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            after = stored(self.model._meta.db_table, [project.pk for project in created])
            ProjectTally.objects.add(changes(before={}, after=after))
        return created

    def update(self, **kwargs: Any) -> int:
        if not TALLIED_FIELDS & kwargs.keys():
            return super().update(**kwargs)
        table = self.model._meta.db_table
        with transaction.atomic(using=self.db):
            pks = list(self.values_list("pk", flat=True))
            before = stored(table, pks)
            updated = super().update(**kwargs)
            ProjectTally.objects.add(changes(before=before, after=stored(table, pks)))
        return updated

    def delete(self) -> tuple[int, dict[str, int]]:
        with transaction.atomic(using=self.db):
            before = stored(self.model._meta.db_table, list(self.values_list("pk", flat=True)))
            deleted = super().delete()
            ProjectTally.objects.add(changes(before=before, after={}))
        return deleted


class Project(models.Model):
    ref = models.CharField(_("reference"), max_length=40)  # unique: Meta.constraints
    # no index of its own: the (cluster, channel, status) index below starts with it
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.PROTECT, related_name="projects", db_index=False
    )
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

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["ref"]
        # The yearly reports read a year's kept tallies (ProjectTally); only the days of an
        # as-of date's own month are read from the projects, by submission or decision
        # date. Every index here is one more for an import to keep up (a unique `ref` is a
        # constraint, not `unique=True`, which adds PostgreSQL a second, LIKE index).
        indexes = [
            models.Index(fields=["submitted_on"], name="project_submitted_on"),
            models.Index(fields=["decided_on"], name="project_decided_on"),
            models.Index(fields=["cluster", "channel", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["ref"], name="project_unique_ref"),
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        table = self._meta.db_table
        with transaction.atomic():
            before = stored(table, [self.pk]) if self.pk is not None else {}
            super().save(*args, **kwargs)
            ProjectTally.objects.add(changes(before=before, after=stored(table, [self.pk])))

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        with transaction.atomic():
            before = stored(self._meta.db_table, [self.pk])
            deleted = super().delete(*args, **kwargs)
            ProjectTally.objects.add(changes(before=before, after={}))
        return deleted


class ProjectTallyManager(models.Manager["ProjectTally"]):
    def add(self, changes: Tallies) -> None:
        """Add (projects, total cost cents, granted cents) to the rows of their keys, in
        the caller's transaction, in key order; the database adds under each row's lock,
        so concurrent writers never lose a count. A count that grows is an upsert; one
        that shrinks updates its row, which must be there (a CHECK keeps counts ≥ 0, and
        the database checks an upsert's proposed row before it finds the conflict)."""
        connection = connections[self.db]
        table = connection.ops.quote_name(self.model._meta.db_table)
        adapt = connection.ops.adapt_datefield_value
        growing: list[tuple[tuple[Any, ...], Figures]] = []
        shrinking: list[tuple[tuple[Any, ...], Figures]] = []
        for key, figures in sorted(changes.items()):
            if any(figures):
                event, cluster, span, starts_on, *rest = key
                row: tuple[Any, ...] = (event, cluster, span, adapt(starts_on), *rest)
                (growing if figures[0] >= 0 else shrinking).append((row, figures))
        with connection.cursor() as cursor:
            if growing:
                names = (*TALLY_KEY, *TALLY_FIGURES)
                plus = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in TALLY_FIGURES)
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))}) "
                    f"ON CONFLICT ({', '.join(UNIQUE_KEY)}) DO UPDATE SET {plus}",
                    [(*row, *figures) for row, figures in growing],
                )
            plus = ", ".join(f"{name} = {name} + %s" for name in TALLY_FIGURES)
            where = " AND ".join(f"{name} = %s" for name in UNIQUE_KEY)
            for row, figures in shrinking:
                *named, kind = row
                cursor.execute(f"UPDATE {table} SET {plus} WHERE {where}", (*figures, *named, kind or 0))
                if cursor.rowcount != 1:
                    raise ProjectTallyMissing(row)


class ProjectTallyMissing(Exception):
    """A write would take projects from a tally row that is not there: the kept tallies
    are out of step with the projects (`clustermonitor balances --verify` shows where)."""


class ProjectTally(models.Model):
    """Projects counted per event, cluster, period (a month, and its year again as a whole),
    channel, instrument and type, with their total cost and granted support in whole cents;
    an event keeps only the instrument and type the reports ask of it (`tally_sql.KEPT`:
    '' and no type where it does not).

    Derived, never entered: kept by every write of a project (`tally_sql`, `tallies`). The
    yearly reports add up a year's row instead of its projects; as of a date D inside the
    year they take the months before D's month from here and the days of D's month up to
    D from the projects themselves. A row whose projects all went counts 0 and stays.
    """

    event = models.CharField(max_length=10, choices=[(event.value, event.value) for event in TallyEvent])
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    span = models.CharField(max_length=5, choices=[(span.value, span.value) for span in TallySpan])
    starts_on = models.DateField()  # the first day of its month, or of its year
    channel = models.CharField(max_length=20, choices=ChannelChoices.choices)
    instrument = models.CharField(max_length=40)
    type = models.ForeignKey(ProjectType, on_delete=models.CASCADE, related_name="+", null=True)
    projects = models.PositiveIntegerField()
    total_cost_cents = models.BigIntegerField()
    granted_cents = models.BigIntegerField()

    objects = ProjectTallyManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(  # tally_sql.UNIQUE_KEY: no type is one value, not NULLs apart
                *(F(name) for name in ("event", "cluster", "span", "starts_on", "channel", "instrument")),
                Coalesce(F("type"), Value(0)),
                name="projecttally_unique_key",
            ),
            models.CheckConstraint(condition=one_of("event", TallyEvent), name="projecttally_event_valid"),
            models.CheckConstraint(condition=one_of("span", TallySpan), name="projecttally_span_valid"),
        ]
        indexes = [models.Index(fields=["event", "span", "starts_on"])]
