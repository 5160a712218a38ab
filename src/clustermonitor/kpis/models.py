"""KPI definitions of the cluster agreements, their yearly targets and reported results."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import ComputedFrom, Direction, KpiKind
from clustermonitor.kernel.fields import DecimalOptions, text_choices

NUMBER: DecimalOptions = {"max_digits": 30, "decimal_places": 8}


KpiKindChoices = text_choices(
    "KpiKindChoices",
    KpiKind,
    {
        KpiKind.OUTPUT: _("output"),
        KpiKind.IMPACT: _("impact"),
    },
)


DirectionChoices = text_choices(
    "DirectionChoices",
    Direction,
    {
        Direction.UP: _("higher is better"),
        Direction.DOWN: _("lower is better"),
    },
)


ComputedFromChoices = text_choices(
    "ComputedFromChoices",
    ComputedFrom,
    {
        ComputedFrom.APPROVED_PROJECTS: _("approved projects"),
        ComputedFrom.APPLICATIONS: _("applications"),
        ComputedFrom.OTHER_PUBLIC_FUNDING: _("other public funding"),
    },
)


class Kpi(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.TextField(_("name"))
    unit = models.TextField(_("unit"))
    kind = models.CharField(_("kind"), max_length=10, choices=KpiKindChoices.choices)
    direction = models.CharField(_("direction"), max_length=4, choices=DirectionChoices.choices)
    computed_from = models.CharField(
        _("computed from"), max_length=30, choices=ComputedFromChoices.choices, blank=True
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "KPI"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class KpiTarget(models.Model):
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="kpi_targets")
    kpi = models.ForeignKey(Kpi, on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.DecimalField(_("target"), **NUMBER)

    class Meta:
        ordering = ["cluster__code", "kpi__code", "year"]
        constraints = [models.UniqueConstraint(fields=["cluster", "kpi", "year"], name="kpitarget_unique")]
        indexes = [models.Index(fields=["year"])]  # the yearly reports read one year of every cluster


class KpiResult(models.Model):
    """A realisation from a progress report (voortgangsverslag)."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="kpi_results")
    kpi = models.ForeignKey(Kpi, on_delete=models.PROTECT, related_name="results")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), **NUMBER)
    reported_on = models.DateField(_("reported on"))
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["cluster__code", "kpi__code", "year"]
        constraints = [models.UniqueConstraint(fields=["cluster", "kpi", "year"], name="kpiresult_unique")]
        indexes = [models.Index(fields=["year"])]  # the yearly reports read one year of every cluster
