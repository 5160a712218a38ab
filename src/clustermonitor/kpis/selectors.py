"""Reads of KPIs: the lists data-entry forms choose from, the KPIs by code and by key."""

from clustermonitor.kpis.models import Kpi


def kpi_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") of every KPI, by code."""
    return [
        (code, f"{code} — {name}") for code, name in Kpi.objects.order_by("code").values_list("code", "name")
    ]


def kpis_by_code() -> dict[str, Kpi]:
    """Every KPI, by its code."""
    return {kpi.code: kpi for kpi in Kpi.objects.all()}


def kpi_codes_and_units() -> dict[int, tuple[str, str]]:
    """(code, unit) of every KPI, by primary key (the history names records by them)."""
    return {pk: (code, unit) for pk, code, unit in Kpi.objects.values_list("id", "code", "unit")}
