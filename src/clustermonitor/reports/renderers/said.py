"""A rule's or service's message in the active language, for the web pages and the CLI's
`--lang`: a `Message` (domain/messages.py) is looked up by its English template in the one
gettext catalogue and filled in with its values as a reader says them (codes by their
names, amounts as `€ 3.100.000,00` in Dutch); other text is looked up as is."""

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext

from clustermonitor.domain.messages import Message
from clustermonitor.reports.labels import instrument_name, label
from clustermonitor.reports.renderers.display import euro
from clustermonitor.reports.renderers.names import lang, names

AMOUNT_TEXT = re.compile(r"-?[0-9]+\.[0-9]{2}")
CODED = {"envelope", "status", "kind", "channel", "type", "report"}  # message values that are codes
PLAIN = {"text", "number", "reason"}  # values quoted as the file holds them, never reformatted


def said(lang: str) -> Callable[[str], str]:
    """How the CLI says a message in `--lang`: Dutch translated, English the contract's
    text exactly as it always was (`FILE:LINE: column COLUMN: message`, plain amounts)."""
    return translated if lang == "nl" else str


def translated(message: str) -> str:
    """The message in the active language (the page's, or the CLI's `--lang`)."""
    if not isinstance(message, Message):
        return gettext(message) if message else message
    params = {
        name: translated(value) if isinstance(value, Message) else _said(name, value)
        for name, value in message.params.items()
    }
    text = gettext(message.template)
    return text.format(**params) if params else text


def _said(name: str, value: Any) -> Any:
    """One value of a message as a reader says it."""
    if name in PLAIN:
        return value
    if isinstance(value, Decimal) or (isinstance(value, str) and AMOUNT_TEXT.fullmatch(value)):
        return euro(Decimal(value), lang())
    if not isinstance(value, str):
        return value
    if name == "cluster":
        return names().clusters.get(value, value)
    if name == "instrument":
        return instrument_name(value)
    return label(value) if name in CODED else value
