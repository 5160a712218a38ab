"""Clusters: spearhead clusters (speerpuntclusters) and innovative business networks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import ClusterType
from clustermonitor.kernel.fields import one_of, text_choices

ClusterTypeChoices = text_choices(
    "ClusterTypeChoices",
    ClusterType,
    {
        ClusterType.SPEARHEAD: _("spearhead cluster"),
        ClusterType.IBN: _("innovative business network"),
    },
)


class Cluster(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.TextField(_("name"))
    type = models.CharField(_("type"), max_length=20, choices=ClusterTypeChoices.choices)
    domain = models.TextField(_("domain"), blank=True)
    recognised_on = models.DateField(_("recognised on"))
    pact_start_year = models.PositiveSmallIntegerField(_("first pact year"))
    pact_end_year = models.PositiveSmallIntegerField(_("last pact year"))

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pact_end_year__gte=models.F("pact_start_year")),
                name="cluster_pact_end_after_start",
            ),
            models.CheckConstraint(
                condition=one_of("type", ClusterType),
                name="cluster_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def pact_covers(self, year: int) -> bool:
        return self.pact_start_year <= year <= self.pact_end_year


class DataRevision(models.Model):
    """One row whose token changes in every transaction that changes the programme data.

    Reports are cached under the token (`clusters.revision`): the cache goes stale
    exactly when a change commits, because the new token commits with it.
    """

    token = models.CharField(max_length=32)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="data_revision_single_row")]
