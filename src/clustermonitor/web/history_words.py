"""How the history pages name a record and its changes, in the page's language: "vastlegging
VIL 2018 projectbudget speerpuntclusters € 3.100.000,00", never "LedgerEntry object (1177)";
a changed field's values by their names (choices, related records) and amounts in the
page's format. Works on the historical rows, so a deleted record is named too."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Field, Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.selectors import cluster_codes
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.kpis.selectors import kpi_codes_and_units
from clustermonitor.projects.models import Project
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers.names import kpi_figure
from clustermonitor.web.templatetags.web import money

KIND_NAMES: dict[type[Model], Promise] = {
    Cluster: _("cluster"),
    BudgetYear: _("budget year"),
    Budget: _("budget"),
    Allocation: _("allocation"),
    LedgerEntry: _("ledger entry"),
    Project: _("project"),
    KpiTarget: _("KPI target"),
    KpiResult: _("KPI result"),
}


def kind_name(model: type[Model]) -> str:
    return str(KIND_NAMES.get(model, model._meta.verbose_name))


class Words:
    """Names of the records a history page shows; the clusters and KPIs are read once."""

    def __init__(self) -> None:
        self.clusters = cluster_codes()
        self.kpis = kpi_codes_and_units()

    def record(self, model: type[Model], row: Any) -> str:
        """The record as a reader names it (the historical row or the live record)."""
        cluster = self.clusters.get(getattr(row, "cluster_id", None) or 0, "")  # 0: no cluster
        if model is Cluster:
            return f"{row.code} — {row.name}"
        if model is BudgetYear:
            return f"{row.year} ({row.get_status_display()})"
        if model is Budget:
            return f"{row.year} {label(row.envelope)} {money(row.amount)}"
        if model is Allocation:
            return f"{cluster} {row.year} {label(row.envelope)} {money(row.amount)}"
        if model is LedgerEntry:
            return f"{row.get_kind_display()} {cluster} {row.year} {label(row.envelope)} {money(row.amount)}"
        if model is Project:
            return f"{row.ref} — {row.title}"
        if model in (KpiTarget, KpiResult):
            code, unit = self.kpis.get(row.kpi_id, ("?", ""))
            figure = row.target if model is KpiTarget else row.value
            return f"{cluster} {code} {row.year}: {kpi_figure(Decimal(figure), unit)}"
        return str(row)

    def value(self, model: type[Model], field: "Field[Any, Any]", row: Any, value: Any) -> str:
        """A field's value as the page says it: a choice by its label, an amount as money, a
        KPI figure in the KPI's unit, a related record by its name."""
        if value is None or value == "":
            return "—"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if field.name == "cluster" or field.attname == "cluster_id":
            return str(self.clusters.get(value, value))
        if field.name == "kpi" or field.attname == "kpi_id":
            return self.kpis.get(value, (str(value), ""))[0]
        if model in (KpiTarget, KpiResult) and isinstance(value, Decimal):
            return kpi_figure(value, self.kpis.get(row.kpi_id, ("", ""))[1])
        if isinstance(value, Decimal):
            return money(value)
        if isinstance(value, bool):
            return label("yes" if value else "no")
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return str(value)
