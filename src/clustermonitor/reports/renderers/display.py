"""Figures as people read them in documents: grouped thousands, per language.

Dutch: `45.250.000,00`; English: `45,250,000.00`. Amounts keep two decimals and ratios
four, from the same rounding as the JSON (cells.py); counts and years print as integers.
"""

from decimal import Decimal
from fractions import Fraction
from typing import Any

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


def money(value: Decimal, lang: str = "en") -> str:
    """An amount in a sentence: `45.250.000,00 euro` / `EUR 45,250,000.00`."""
    text = grouped(cell_text(value), lang)
    return f"{text} euro" if lang == "nl" else f"EUR {text}"


def display(column: str, value: Any, lang: str = "en") -> str:
    """One table cell: amounts and ratios grouped, years plain, the rest as cells.py prints it."""
    if isinstance(value, bool) or value is None:
        return cell_text(value)
    if isinstance(value, int) and "year" in column:
        return str(value)
    if isinstance(value, Decimal | Fraction | int):
        return grouped(cell_text(value), lang)
    return cell_text(value)
