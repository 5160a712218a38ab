"""Amounts typed the reader's way, parsed in this one place, exactly (Decimal).

Dutch pages take `3.100.000,00`, `3100000,00`, `3.100.000` and, as machines write it,
`3100000.00`; English pages take `3,100,000.00`, `3100000.00` and `3,100,000`. A space,
a no-break space and a leading `€` are ignored. Dots in Dutch (commas in English) count as
thousand separators only in groups of three; anything else is refused, never guessed.
"""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clustermonitor.kernel.fields import MONEY
from clustermonitor.web.templatetags.web import number

GROUPED = re.compile(r"^\d{1,3}(X\d{3})+$")  # X: the thousand separator
PLAIN = re.compile(r"^\d+$")


def _dutch() -> bool:
    return (get_language() or "nl").startswith("nl")


def parse_amount(text: str, *, dutch: bool | None = None) -> Decimal:
    """The amount `text` means on a Dutch (or English) page; ValueError when it is none."""
    dutch = _dutch() if dutch is None else dutch
    thousands, mark = (".", ",") if dutch else (",", ".")
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    sign = ""
    if cleaned[:1] in "-+" and cleaned:
        sign, cleaned = cleaned[0].replace("+", ""), cleaned[1:]
    if dutch and mark not in cleaned and cleaned.count(".") == 1 and not _grouped(cleaned, "."):
        whole, fraction = cleaned.split(".")  # `3100000.00` as machines write it
    elif cleaned.count(mark) > 1:
        raise ValueError(text)
    else:
        whole, _sep, fraction = cleaned.partition(mark)
    if thousands in whole:
        if not _grouped(whole, thousands):
            raise ValueError(text)
        whole = whole.replace(thousands, "")
    if not PLAIN.match(whole) or (fraction and not PLAIN.match(fraction)):
        raise ValueError(text)
    try:
        return Decimal(f"{sign}{whole}.{fraction or '0'}")
    except InvalidOperation:
        raise ValueError(text) from None


def _grouped(text: str, thousands: str) -> bool:
    return bool(GROUPED.match(text.replace(thousands, "X")))


def format_amount(value: Any) -> str:
    """An amount for an input field: `3.100.000,00` on Dutch pages, `3,100,000.00` on English."""
    if value in (None, ""):
        return ""
    return number(Decimal(value), MONEY["decimal_places"])


class AmountInput(forms.TextInput):
    """A text box (not type=number: that refuses separators) with a decimal keyboard."""

    def __init__(self) -> None:
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", "class": "amount"})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal | int):
            return format_amount(value)
        return super().format_value(value)


class AmountField(forms.DecimalField):
    """A money amount typed with or without thousand separators; the money column's digits
    and decimal places (`kernel.fields.MONEY`) at most."""

    widget = AmountInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", MONEY["max_digits"])
        kwargs.setdefault("decimal_places", MONEY["decimal_places"])
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_amount(str(value).strip())
        except ValueError:
            example = "3.100.000,00" if _dutch() else "3,100,000.00"
            raise forms.ValidationError(
                _("Enter an amount, e.g. %(example)s.") % {"example": example}, code="invalid"
            ) from None

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no min/max/step: the text box takes separators
