"""What every app's writes consult: the status of each budget year and the programme
parameters (operation caps, support rate).

They belong to no single app: projects, KPIs, allocations and the ledger all refuse a
change in a closed year, and clusters and allocations both respect the operation caps.
Their tables keep the names they had in the budget app (`budget_budgetyear`,
`budget_parameter`): the move changed no data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from clustermonitor.domain.enums import YearStatus
from clustermonitor.kernel.fields import text_choices

YearStatusChoices = text_choices(
    "YearStatusChoices",
    YearStatus,
    {
        YearStatus.OPEN: _("open (provisional figures)"),
        YearStatus.CLOSED: _("closed (definitive figures)"),
    },
)


class BudgetYear(models.Model):
    """A budget year given a status; a year without a row is open."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    status = models.CharField(_("status"), max_length=10, choices=YearStatusChoices.choices)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        db_table = "budget_budgetyear"
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


class Parameter(models.Model):
    """A programme parameter (operation caps, support rate); defaults live in the domain."""

    key = models.CharField(_("key"), max_length=40, unique=True)
    value = models.DecimalField(_("value"), max_digits=21, decimal_places=6)

    class Meta:
        db_table = "budget_parameter"
        ordering = ["key"]
