"""Template filters: amounts the Flemish way in Dutch (`€ 45.250.000,00`), the English
way in English (`€45,250,000.00`); report cells by their type; column labels. Every number
is formatted by reports/renderers/display.py, as in the documents."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django import template
from django.utils.translation import gettext_lazy

from clustermonitor.domain.money import quantize
from clustermonitor.reports.labels import instrument_name, label
from clustermonitor.reports.renderers.cells import cell_text
from clustermonitor.reports.renderers.display import euro, euro_text, grouped, percent
from clustermonitor.reports.renderers.names import Names, kpi_figure, lang

register = template.Library()


@register.filter
def money(value: Any) -> str:
    if value is None or value == "":
        return ""
    return euro(quantize(Decimal(value)), lang())


@register.filter
def number(value: Any, places: int = 0) -> str:
    return number_in(value, places, lang())


def number_in(value: Any, places: int, language: str) -> str:
    """`number` in a language given (`nl`, `en`)."""
    if value is None or value == "":
        return ""
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return grouped(f"{rounded:f}", language)


@register.filter
def figure(value: Any) -> str:
    """A chart's count or measured value: whole numbers without decimals (2, not 2,00),
    others with two."""
    if value is None or value == "":
        return ""
    whole = Decimal(value) == Decimal(value).to_integral_value()
    return number(value, 0 if whole else 2)


@register.filter
def cell(value: Any) -> str:
    """A report value for an HTML table: amounts as money, ratios as percentages."""
    return cell_in(value, lang())


def cell_texts(value: Any, language: str) -> tuple[str, str]:
    """A report value's (`cell_text`, `cell_in`): its raw text and what a page shows, an
    amount rounded and printed once for both (the dashboard has some 1,500)."""
    raw = cell_text(value)
    if isinstance(value, Decimal):  # cell_in's amount (`euro`), from the text already printed
        return raw, euro_text(raw, language)
    return raw, cell_in(value, language)


def cell_in(value: Any, language: str) -> str:
    """`cell` in a language given (`nl`, `en`): the report tables ask it once per table,
    not once per figure."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return label("yes" if value else "no")
    if isinstance(value, Decimal):
        return euro(value, language)  # rounded to the cent by its cell text
    if isinstance(value, Fraction):
        return percent(value, language)
    if isinstance(value, int):
        return grouped(str(value), language)  # a count: its digits grouped
    if isinstance(value, date):
        return value.isoformat()
    return str(label(str(value)))


@register.filter
def in_unit(value: Any, unit: str) -> str:
    """A KPI target or value in the KPI's unit: `170`, `40 %`, `€ 12.500,00`."""
    if value is None or value == "":
        return ""
    return kpi_figure(Decimal(value), unit)


CHANGES = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}


@register.filter
def change(row: Any) -> str:
    """What a historical row did (created, changed, deleted), in the page's language."""
    found = CHANGES.get(getattr(row, "history_type", ""))
    return "" if found is None else str(found)


@register.filter
def instrument(code: Any) -> str:
    """An instrument by its name in the page's language (the catalogue's; else its code)."""
    return "" if code is None else instrument_name(str(code))


@register.filter
def cluster_name(known: Names, code: Any) -> str:
    """`{{ names|cluster_name:code }}`: a cluster by its name (`names` is in every page's context)."""
    return known.clusters.get(str(code), str(code))


@register.filter
def type_name(known: Names, code: Any) -> str:
    return known.types.get(str(code), str(code))


@register.filter
def kpi_title(known: Names, code: Any) -> str:
    """`C-1 Aantal actieve clusterleden`."""
    return known.kpi_title(str(code))


@register.filter
def kpi_unit(known: Names, code: Any) -> str:
    return known.unit_of({"kpi": str(code)}) or ""


@register.filter(name="label")
def label_filter(value: Any) -> str:
    return str(label(str(value)))


@register.filter
def is_number(value: Any) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)
