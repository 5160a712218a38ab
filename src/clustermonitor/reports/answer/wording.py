"""Words that depend on a count or a list, in the active language (the one gettext catalogue).

A sentence comes in up to three forms: many and one (`ngettext`, so a draft never says
"1 projecten" or "1 were met") and none (`when_none`: the honest sentence that there is
nothing, instead of "0,00 euro"). The composer activates the answer's language
(`translation.override`) before any of these run.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clustermonitor.reports.renderers.display import grouped


def when_none(count: int | Decimal, none: str, otherwise: str) -> str:
    """`none` when there is nothing (an amount counts as nothing when it is zero)."""
    return none if count == 0 else otherwise


def number(count: int, lang: str) -> str:
    """A count in a sentence, thousands grouped the language's way (`1.234` / `1,234`)."""
    return grouped(str(count), lang)


def number_word(count: int) -> str:
    """Small counts in words, as formal writing has them (`zes speerpuntclusters`)."""
    # Translators: the words for 0 to 12, separated by spaces, as a count before a noun.
    words = pgettext("count in words", "no one two three four five six seven eight nine ten eleven twelve")
    found = words.split()
    return found[count] if 0 <= count < len(found) else str(count)


def listed(items: Iterable[str]) -> str:
    """`A, B en C` / `A, B and C`."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + _("and") + " " + items[-1]
