"""Template filters: amounts the Flemish way in Dutch (`€ 45.250.000,00`), the English
way in English (`€45,250,000.00`); report cells by their type; column labels."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django import template
from django.utils.translation import get_language

from clustermonitor.domain.kpi import ratio_decimal
from clustermonitor.domain.money import quantize
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers.names import kpi_figure, names

register = template.Library()


def _grouped(value: Decimal, places: int, thousands: str, decimal_mark: str) -> str:
    text = f"{abs(value):,.{places}f}"
    text = text.replace(",", "\x00").replace(".", decimal_mark).replace("\x00", thousands)
    return ("-" if value < 0 else "") + text


def _dutch() -> bool:
    return (get_language() or "nl").startswith("nl")


@register.filter
def money(value: Any) -> str:
    if value is None or value == "":
        return ""
    amount = quantize(Decimal(value))
    if _dutch():
        return "€ " + _grouped(amount, 2, ".", ",")
    return "€" + _grouped(amount, 2, ",", ".")


@register.filter
def number(value: Any, places: int = 0) -> str:
    if value is None or value == "":
        return ""
    if _dutch():
        return _grouped(Decimal(value), places, ".", ",")
    return _grouped(Decimal(value), places, ",", ".")


@register.filter
def cell(value: Any) -> str:
    """A report value for an HTML table: amounts as money, ratios as percentages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return label("yes" if value else "no")
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, Fraction):
        return number(ratio_decimal(value) * 100, 2) + " %"
    if isinstance(value, int):
        return number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(label(str(value)))


@register.filter
def in_unit(value: Any, unit: str) -> str:
    """A KPI target or value in the KPI's unit: `170`, `40 %`, `€ 12.500,00`."""
    if value is None or value == "":
        return ""
    return kpi_figure(Decimal(value), unit)


@register.filter
def in_kpi_unit(value: Any, kpi: str) -> str:
    """A KPI target or value in the unit of the KPI with code `kpi`."""
    if value is None or value == "":
        return ""
    return kpi_figure(Decimal(value), names().unit_of({"kpi": kpi}))


@register.filter
def named(value: Any, column: str) -> str:
    """A code by its name as the column holds it (`VIL` as cluster: its name; a KPI: `C-1 …`)."""
    if value is None:
        return ""
    text = names().text(column, str(value))
    return str(value) if text is None else text


@register.filter(name="label")
def label_filter(value: Any) -> str:
    return str(label(str(value)))


@register.filter
def is_number(value: Any) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)
