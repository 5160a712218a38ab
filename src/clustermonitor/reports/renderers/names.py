"""Codes as people read them, for the human-facing renderings only (web pages, xlsx, pdf,
html): clusters, KPIs, project types, instruments and the contract's vocabularies by their
names in the active language, and each KPI figure in the KPI's own unit. JSON, CSV,
Markdown and the import's error lines keep the codes (docs/decisions.md, "Names, not codes").
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import get_language

from clustermonitor.clusters.models import ClusterTypeChoices
from clustermonitor.clusters.revision import cached
from clustermonitor.reports import selectors
from clustermonitor.reports.labels import UNITS, instrument_name, label
from clustermonitor.reports.renderers.display import grouped
from clustermonitor.reports.tables import TOTAL_LABELS

KPI_FIGURES = ("target", "value", "reported_value")  # kpi-status columns in the KPI's unit
CLUSTER_TYPES = dict(ClusterTypeChoices.choices)  # a `type` column of clusters (spearhead, ibn)


def lang() -> str:
    """The active language as the renderers know it (`nl` or `en`)."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@dataclass(frozen=True)
class Names:
    """The names of the stored codes: clusters, project types, KPIs (name and unit)."""

    clusters: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    kpis: dict[str, tuple[str, str]] = field(default_factory=dict)

    def text(self, column: str, value: Any, columns: tuple[str, ...] | list[str] = ()) -> str | None:
        """A code cell's human text, or None for a cell that is not a code."""
        if not isinstance(value, str):
            return None
        if column == "type" and value in CLUSTER_TYPES:  # first: `spearhead` is a type and a subtotal
            return str(CLUSTER_TYPES[value])
        if value in TOTAL_LABELS:
            return label(value)
        if column == "cluster":
            # beside a `name` column the code stays: the name is already shown next to it
            return value if "name" in columns else self.clusters.get(value, value)
        if column == "kpi":
            return self.kpi_title(value)
        if column == "instrument":
            return instrument_name(value)
        if column == "type" and value in self.types:
            return self.types[value]
        return label(value)

    def kpi_title(self, code: str) -> str:
        """`C-1 Aantal actieve clusterleden`: the code with the name beside it."""
        found = self.kpis.get(code)
        return f"{code} {found[0]}" if found else code

    def unit_of(self, row: dict[str, Any]) -> str | None:
        found = self.kpis.get(row.get("kpi") or "")
        return found[1] if found else None


def names() -> Names:
    """The names of every stored code (three small queries, cached under the data revision)."""
    return cached("code-names", lambda: Names(*selectors.code_names()))


def kpi_figure(value: Decimal | None, unit: str | None, language: str | None = None) -> str:
    """A KPI target or value in the KPI's unit: `170`, `40 %`, `€ 12.500,00`, `3,5 miljoen euro`."""
    if value is None:
        return ""
    language = language or lang()
    if unit in ("EUR", "€"):
        text = grouped(f"{value.quantize(Decimal('0.01')):f}", language)
        return f"€ {text}" if language == "nl" else f"€{text}"
    text = grouped(plain(value), language)
    if unit == "%":
        return f"{text} %"
    if not unit or unit == "count":
        return text
    return f"{text} {label_of_unit(unit)}"


def plain(value: Decimal) -> str:
    """A number without trailing zeros and never in exponent form: `170`, `3.5`."""
    text = f"{value.normalize():f}"
    return text


def label_of_unit(unit: str) -> str:
    found = UNITS.get(unit)
    return str(found) if found is not None else unit
