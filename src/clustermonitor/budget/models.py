"""Budget years, earmarked budgets, allocations, parameters, co-financing and the ledger.

Balances (committed, paid, available, pool) are never stored: they are derived from the
append-only ledger by the selectors and reports.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import Envelope, LedgerKind, YearStatus
from clustermonitor.kernel.fields import MONEY


class EnvelopeChoices(models.TextChoices):
    SPEARHEAD_OPERATION = Envelope.SPEARHEAD_OPERATION.value, _("spearhead cluster operation")
    SPEARHEAD_PROJECTS = Envelope.SPEARHEAD_PROJECTS.value, _("spearhead project budget")
    IBN = Envelope.IBN.value, _("IBN operation")


class YearStatusChoices(models.TextChoices):
    OPEN = YearStatus.OPEN.value, _("open (provisional figures)")
    CLOSED = YearStatus.CLOSED.value, _("closed (definitive figures)")


class LedgerKindChoices(models.TextChoices):
    COMMITMENT = LedgerKind.COMMITMENT.value, _("commitment")
    DECOMMITMENT = LedgerKind.DECOMMITMENT.value, _("decommitment")
    PAYMENT = LedgerKind.PAYMENT.value, _("payment")


def _envelope_valid(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(envelope__in=[e.value for e in Envelope]), name=name)


def _not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(**{f"{field}__gte": 0}), name=name)


class BudgetYear(models.Model):
    """A budget year given a status; a year without a row is open."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    status = models.CharField(_("status"), max_length=10, choices=YearStatusChoices.choices)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status=YearStatus.OPEN.value, closed_on__isnull=True)
                | models.Q(status=YearStatus.CLOSED.value, closed_on__isnull=False),
                name="budgetyear_closed_on_iff_closed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.status})"


class Budget(models.Model):
    """The earmarked budget (geoormerkte middelen) of one envelope in one year."""

    year = models.PositiveSmallIntegerField(_("year"))
    envelope = models.CharField(_("envelope"), max_length=30, choices=EnvelopeChoices.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    source = models.TextField(_("source"), default="Hermesfonds")

    class Meta:
        ordering = ["year", "envelope"]
        constraints = [
            models.UniqueConstraint(fields=["year", "envelope"], name="budget_unique_year_envelope"),
            _envelope_valid("budget_envelope_valid"),
            _not_negative("amount", "budget_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.envelope}: {self.amount}"


class Allocation(models.Model):
    """The yearly distribution (verdeling) of an envelope over the clusters."""

    year = models.PositiveSmallIntegerField(_("year"))
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="allocations")
    envelope = models.CharField(_("envelope"), max_length=30, choices=EnvelopeChoices.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        ordering = ["year", "cluster__code", "envelope"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "cluster", "envelope"],
                name="allocation_unique_year_cluster_envelope",
            ),
            _envelope_valid("allocation_envelope_valid"),
            _not_negative("amount", "allocation_amount_not_negative"),
        ]


class Parameter(models.Model):
    """A programme parameter (operation caps, support rate); defaults live in the domain."""

    key = models.CharField(_("key"), max_length=40, unique=True)
    value = models.DecimalField(_("value"), max_digits=21, decimal_places=6)

    class Meta:
        ordering = ["key"]


class Cofinancing(models.Model):
    """What the members contributed to the cluster organisation's operation in a year."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="cofinancing")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), **MONEY)

    class Meta:
        ordering = ["cluster__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year"], name="cofinancing_unique_cluster_year"),
            _not_negative("amount", "cofinancing_amount_not_negative"),
        ]


class LedgerEntryQuerySet(models.QuerySet["LedgerEntry"]):
    def update(self, **kwargs: object) -> int:
        raise LedgerImmutable("the ledger is append-only: book a correcting entry instead")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise LedgerImmutable("the ledger is append-only: book a correcting entry instead")


class LedgerImmutable(Exception):
    """Raised on any attempt to change or remove a stored ledger entry."""


class LedgerEntry(models.Model):
    """A movement on the earmarked budget (vastlegging, vereffening). Never changed."""

    ref = models.CharField(_("reference"), max_length=40, unique=True)
    date = models.DateField(_("booking date"))
    year = models.PositiveSmallIntegerField(_("budget year"))
    kind = models.CharField(_("kind"), max_length=20, choices=LedgerKindChoices.choices)
    envelope = models.CharField(_("envelope"), max_length=30, choices=EnvelopeChoices.choices)
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="ledger_entries")
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    note = models.TextField(_("note"), blank=True)
    booked_by = models.CharField(_("booked by"), max_length=150, blank=True)
    booked_at = models.DateTimeField(_("booked at"), auto_now_add=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name_plural = "ledger entries"
        indexes = [models.Index(fields=["year", "envelope", "kind"]), models.Index(fields=["date"])]
        constraints = [
            _envelope_valid("ledger_envelope_valid"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in LedgerKind]), name="ledger_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(envelope=Envelope.SPEARHEAD_PROJECTS.value, project__isnull=False)
                | (~models.Q(envelope=Envelope.SPEARHEAD_PROJECTS.value) & models.Q(project__isnull=True)),
                name="ledger_project_iff_projects_envelope",
            ),
        ]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise LedgerImmutable(f"ledger entry {self.ref} is stored and cannot change")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise LedgerImmutable(f"ledger entry {self.ref} is stored and cannot be removed")
