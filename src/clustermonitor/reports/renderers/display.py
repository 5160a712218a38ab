"""Figures as people read them in documents: grouped thousands, per language.

Dutch: `45.250.000,00`; English: `45,250,000.00`. Amounts keep two decimals, from the
same rounding as the JSON (cells.py); ratios are percentages with two decimals (`12,50 %`,
the JSON's four-decimal ratio times 100), on the pages as in the documents (`percent`);
counts and years print as integers.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from clustermonitor.domain.kpi import ratio_decimal
from clustermonitor.reports.renderers.cells import cell_text

SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def grouped(text: str, lang: str = "en") -> str:
    """A plain decimal text (`-1234567.50`) with thousands grouped in the language's way."""
    thousands, point = SEPARATORS[lang]
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + thousands.join(groups)
    return f"{result}{point}{fraction}" if fraction else result


def euro(value: Decimal, lang: str = "en") -> str:
    """An amount as the pages and messages show it: `€ 45.250.000,00` / `€45,250,000.00`."""
    return euro_text(cell_text(value), lang)


def euro_text(text: str, lang: str = "en") -> str:
    """`euro` of an amount already printed as its cell text (`45250000.00`)."""
    grouped_text = grouped(text, lang)
    return f"€ {grouped_text}" if lang == "nl" else f"€{grouped_text}"


def money(value: Decimal, lang: str = "en") -> str:
    """An amount in a sentence: `45.250.000,00 euro` / `EUR 45,250,000.00`."""
    text = grouped(cell_text(value), lang)
    return f"{text} euro" if lang == "nl" else f"EUR {text}"


def percent(value: Fraction | Decimal, lang: str = "en", places: int = 2) -> str:
    """A ratio as a percentage, the one format of pages and documents: 1/8 → `12,50 %`
    (nl), `12.50 %` (en). A Fraction is first rounded as the JSON rounds it (four decimals)."""
    ratio = ratio_decimal(value) if isinstance(value, Fraction) else value
    hundred = (ratio * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{grouped(f'{hundred:f}', lang)} %"


def display(column: str, value: Any, lang: str = "en") -> str:
    """One table cell: amounts grouped, ratios as percentages, years plain, the rest as cells.py prints it."""
    if isinstance(value, bool) or value is None:
        return cell_text(value)
    if isinstance(value, int) and "year" in column:
        return str(value)
    if isinstance(value, Fraction):
        return percent(value, lang)
    if isinstance(value, Decimal | Fraction | int):
        return grouped(cell_text(value), lang)
    return cell_text(value)
