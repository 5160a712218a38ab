"""Column definitions every app shares: the money column (euros with cents, 13 digits
before them) and the choices of a vocabulary column, derived from the domain enum."""

from collections.abc import Mapping
from enum import StrEnum
from typing import TypedDict, cast

from django.core.exceptions import ImproperlyConfigured
from django.db.models import TextChoices
from django.utils.functional import Promise

StrOrPromise = str | Promise


class DecimalOptions(TypedDict):
    max_digits: int
    decimal_places: int


MONEY: DecimalOptions = {"max_digits": 15, "decimal_places": 2}


def text_choices(
    name: str, vocabulary: type[StrEnum], labels: Mapping[str, StrOrPromise]
) -> type[TextChoices]:
    """The model choices of a domain vocabulary: its values, each with its label.

    The enum is the one definition; a value without a label (or a label without a value)
    stops the app from loading instead of silently missing from a form."""
    if set(labels) != set(vocabulary):
        raise ImproperlyConfigured(
            f"{name}: labels for exactly {', '.join(vocabulary)}, not {', '.join(labels)}"
        )
    members = [(member.name, (member.value, labels[member])) for member in vocabulary]
    return cast("type[TextChoices]", TextChoices(name, members))  # type: ignore[call-overload]
