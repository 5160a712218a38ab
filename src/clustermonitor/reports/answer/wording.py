"""Words that depend on a count: one, many or none, in the answer's language.

A sentence in texts.py may come in up to three forms: `key` (many, the default),
`key_one` (exactly one) and `key_zero` (none). `counted` picks the form a count needs, so
a draft never says "1 projecten" or "1 were met", nor states "0,00 euro" where the
honest sentence is that there is nothing.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from clustermonitor.reports.renderers.display import grouped


def counted(texts: Mapping[str, str], key: str, count: int | Decimal) -> str:
    """The form of text `key` for `count` (an amount counts as none when it is zero)."""
    if count == 0 and f"{key}_zero" in texts:
        return texts[f"{key}_zero"]
    if count == 1 and isinstance(count, int) and f"{key}_one" in texts:
        return texts[f"{key}_one"]
    return texts[key]


def number(count: int, lang: str) -> str:
    """A count in a sentence, thousands grouped the language's way (`1.234` / `1,234`)."""
    return grouped(str(count), lang)


def listed(items: Iterable[str], texts: Mapping[str, str]) -> str:
    """`A, B en C` / `A, B and C`."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {texts['and']} {items[-1]}"
