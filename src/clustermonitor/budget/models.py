"""Earmarked budgets, allocations, co-financing and the ledger (years and parameters: `kernel.models`).

The append-only ledger is the only truth. `LedgerBalance` holds its sums per cluster,
year, envelope, kind and booking month, kept by every write of an entry in the same transaction
(budget/balances.py); reports read those instead of the entries, and
`clustermonitor balances --verify` recomputes them from the ledger and compares.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import connections, models, transaction
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import Envelope, LedgerKind
from clustermonitor.kernel.fields import MONEY, one_of, text_choices

EnvelopeChoices = text_choices(
    "EnvelopeChoices",
    Envelope,
    {
        Envelope.SPEARHEAD_OPERATION: _("spearhead cluster operation"),
        Envelope.SPEARHEAD_PROJECTS: _("spearhead project budget"),
        Envelope.IBN: _("IBN operation"),
    },
)


LedgerKindChoices = text_choices(
    "LedgerKindChoices",
    LedgerKind,
    {
        LedgerKind.COMMITMENT: _("commitment"),
        LedgerKind.DECOMMITMENT: _("decommitment"),
        LedgerKind.PAYMENT: _("payment"),
    },
)


def _envelope_valid(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=one_of("envelope", Envelope), name=name)


def _not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(**{f"{field}__gte": 0}), name=name)


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

    def bulk_create(self, objs: Iterable["LedgerEntry"], *args: Any, **kwargs: Any) -> list["LedgerEntry"]:
        with transaction.atomic():
            created = super().bulk_create(objs, *args, **kwargs)
            LedgerBalance.objects.add(entry.balance_key() for entry in created)
        return created


class LedgerImmutable(Exception):
    """Raised on any attempt to change or remove a stored ledger entry."""


class LedgerEntry(models.Model):
    """A movement on the earmarked budget (vastlegging, vereffening). Never changed."""

    ref = models.CharField(_("reference"), max_length=40)  # unique: Meta.constraints
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
            # a constraint, not `unique=True`: PostgreSQL would add a LIKE index on the
            # refs, a seventh index for every imported entry to keep up (no query uses it)
            models.UniqueConstraint(fields=["ref"], name="ledger_unique_ref"),
            _envelope_valid("ledger_envelope_valid"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(condition=one_of("kind", LedgerKind), name="ledger_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(envelope=Envelope.SPEARHEAD_PROJECTS.value, project__isnull=False)
                | (~models.Q(envelope=Envelope.SPEARHEAD_PROJECTS.value) & models.Q(project__isnull=True)),
                name="ledger_project_iff_projects_envelope",
            ),
        ]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise LedgerImmutable(f"ledger entry {self.ref} is stored and cannot change")
        with transaction.atomic():
            super().save(*args, **kwargs)
            LedgerBalance.objects.add([self.balance_key()])

    def balance_key(self) -> "BalanceKey":
        """(cluster_id, year, envelope, kind, date, amount): what this entry adds to a balance."""
        return (self.cluster_id, self.year, self.envelope, self.kind, self.date, self.amount)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise LedgerImmutable(f"ledger entry {self.ref} is stored and cannot be removed")


BalanceKey = tuple[int, int, str, str, dt.date, Decimal]  # cluster_id, year, envelope, kind, date, amount


MonthKey = tuple[int, int, str, str, dt.date]  # cluster_id, year, envelope, kind, first day of the month


class MonthSums:
    """Stored entries added up per balance row, in memory: (cents, entries) per month key.

    A writer that stores many entries (the import) adds them here batch by batch and
    writes the sums once (`LedgerBalance.objects.add_sums`), in the same transaction.
    """

    def __init__(self) -> None:
        self.sums: dict[MonthKey, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, entries: Iterable[BalanceKey]) -> None:
        sums = self.sums
        for cluster_id, year, envelope, kind, day, amount in entries:
            total = sums[(cluster_id, year, envelope, kind, day.replace(day=1))]
            total[0] += int(amount.scaleb(2))
            total[1] += 1

    def __len__(self) -> int:
        return len(self.sums)


class LedgerBalanceManager(models.Manager["LedgerBalance"]):
    def add(self, entries: Iterable[BalanceKey]) -> None:
        """Add stored entries to their month's balance, in the caller's transaction."""
        sums = MonthSums()
        sums.add(entries)
        self.add_sums(sums)

    def add_sums(self, sums: MonthSums) -> None:
        """Add month sums to the kept rows, in the caller's transaction.

        One upsert per (cluster, year, envelope, kind, month), in key order: the database
        adds to the row under its own row lock, so concurrent writers of one month never
        lose a sum. PostgreSQL gets them all as arrays in one statement.
        """
        if not sums:
            return
        connection = connections[self.db]
        table = connection.ops.quote_name(self.model._meta.db_table)
        rows = sorted((*key, cents, count) for key, (cents, count) in sums.sums.items())
        update = (
            "ON CONFLICT (cluster_id, year, envelope, kind, month) DO UPDATE SET "
            f"cents = {table}.cents + excluded.cents, entries = {table}.entries + excluded.entries"
        )
        columns = "cluster_id, year, envelope, kind, month, cents, entries"
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                types = ("bigint", "integer", "text", "text", "date", "bigint", "bigint")
                arrays = ", ".join(f"%s::{kind}[]" for kind in types)
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays}) {update}",
                    [list(column) for column in zip(*rows, strict=True)],
                )
            else:
                adapt = connection.ops.adapt_datefield_value
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s) {update}",
                    [(*row[:4], adapt(row[4]), *row[5:]) for row in rows],
                )


class LedgerBalance(models.Model):
    """The ledger's sum per cluster, year, envelope, kind and booking month, in whole cents.

    Derived, never entered: added to whenever an entry is stored (`objects.add`). A report
    sums a year's month rows instead of its entries; as of a date D it takes the months
    before D's month from here and the days of D's month up to D from the entries.
    """

    # A cluster with ledger entries cannot go (they PROTECT it); its balances then are empty.
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("budget year"))
    envelope = models.CharField(_("envelope"), max_length=30, choices=EnvelopeChoices.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=LedgerKindChoices.choices)
    month = models.DateField(_("booking month"))  # its first day
    cents = models.BigIntegerField(_("amount in cents"))
    entries = models.PositiveIntegerField(_("entries"))

    objects = LedgerBalanceManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "year", "envelope", "kind", "month"], name="ledgerbalance_unique_month"
            )
        ]
        indexes = [models.Index(fields=["year", "envelope"])]
