"""The web app's own data: which cluster a cluster manager is bound to, and the audit trail.

Roles are Django groups (see `permissions`); a `cluster` user also has a `Profile` naming
their cluster by code, so the binding survives a `demo --fresh` or a re-import.

The audit trail: django-simple-history records who changed what and when for the
cluster-policy models; their historical tables live in this app (one migration here,
none in the core apps). The ledger is append-only, so its history is its creation.
The bulk importer writes no historical rows; each confirmed import is one `DatasetImport`
instead (who, when, which file by name and sha256, what it created/updated per file).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register

from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.projects.models import Project


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clustermonitor_profile"
    )
    cluster_code = models.CharField(_("cluster"), max_length=40, blank=True)
    # the language the user last chose (`?lang=`); blank: not known. Their mails are in it.
    language = models.CharField(_("language"), max_length=8, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.user} → {self.cluster_code or '-'}"


AUDITED = (Cluster, BudgetYear, Budget, Allocation, LedgerEntry, Project, KpiTarget, KpiResult)
for _model in AUDITED:
    register(_model, app="clustermonitor.web")


class DatasetImport(models.Model):
    """One confirmed dataset import (web upload or `clustermonitor import`): the audit
    record of rows written in bulk, which have no historical rows of their own."""

    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.CharField(_("imported by"), max_length=150)
    channel = models.CharField(_("channel"), max_length=10)  # "web" or "cli"
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField("sha256", max_length=64)
    replace = models.BooleanField(_("replace"), default=False)
    counts = models.JSONField(_("counts"), default=dict)  # {"projects.csv": {"created": 3, …}, …}

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M}, {self.imported_by})"
