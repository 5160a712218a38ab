"""Reads of KPIs: the lists data-entry forms choose from."""

from clustermonitor.kpis.models import Kpi


def kpi_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") of every KPI, by code."""
    return [
        (code, f"{code} — {name}") for code, name in Kpi.objects.order_by("code").values_list("code", "name")
    ]
