"""Parsing one cell of the contract: text in, typed value out, or the reason it is wrong.

Values are never trimmed: " VIL" is not the code "VIL".
"""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache

from clustermonitor.datasets import contract
from clustermonitor.domain import dates
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import CODE_PATTERN

AMOUNT_RE = re.compile(r"[0-9]{1,13}(\.[0-9]{1,2})?")
NUMBER_RE = re.compile(r"-?[0-9]{1,22}(\.[0-9]{1,8})?")
UNSIGNED_RE = re.compile(r"[0-9]{1,13}(\.[0-9]{1,6})?")


class BadValue(ValueError):
    """The cell does not hold a value of its column's kind."""


def parse(column: contract.Column, text: str) -> object:
    """The typed value of a non-empty cell; raises BadValue with a readable reason."""
    if column.choices and text not in column.choices:
        raise BadValue(_("{text!r} is not one of {choices}", text=text, choices=", ".join(column.choices)))
    return PARSERS[column.kind](text)


NOT_CHOSEN = object()  # a cell that is none of its column's `parsed_choices`


def parsed_choices(column: contract.Column) -> dict[str, object]:
    """A column's choices, each parsed once (empty for a column without choices): an import
    looks a cell up here rather than parsing it again, and `parse`s only what is not found."""
    return {choice: parse(column, choice) for choice in column.choices or ()}


def parse_code(text: str) -> str:
    if not CODE_PATTERN.fullmatch(text):
        raise BadValue(_("{text!r} is not a code (letters, digits, _ . -; at most 40)", text=text))
    return text


# A dataset names a few thousand distinct years and dates in millions of cells: each is
# parsed once (a refused text raises, and is not kept).
@lru_cache(maxsize=4096)
def parse_year(text: str) -> int:
    try:
        return dates.parse_year(text)
    except dates.BadDate as error:
        raise BadValue(error.message) from None


@lru_cache(maxsize=16384)
def parse_date(text: str) -> date:
    try:
        return dates.parse_date(text)
    except dates.BadDate as error:
        raise BadValue(error.message) from None


def parse_amount(text: str) -> Decimal:
    if not AMOUNT_RE.fullmatch(text):
        raise BadValue(
            _(
                "{text!r} is not an amount (euros, not negative, '.' decimal point, at most 2 decimals)",
                text=text,
            )
        )
    return Decimal(text)


def parse_number(text: str) -> Decimal:
    if not NUMBER_RE.fullmatch(text):
        raise BadValue(
            _("{text!r} is not a number (at most 22 digits before and 8 after the point)", text=text)
        )
    return Decimal(text)


def parse_bool(text: str) -> bool:
    if text not in ("true", "false"):
        raise BadValue(_("{text!r} is not true or false", text=text))
    return text == "true"


def parse_parameter(text: str) -> Decimal:
    if not UNSIGNED_RE.fullmatch(text):
        raise BadValue(_("{text!r} is not a non-negative decimal number", text=text))
    return Decimal(text)


def parse_text(text: str) -> str:
    return text


PARSERS: dict[str, Callable[[str], object]] = {
    contract.CODE: parse_code,
    contract.TEXT: parse_text,
    contract.YEAR: parse_year,
    contract.DATE: parse_date,
    contract.AMOUNT: parse_amount,
    contract.NUMBER: parse_number,
    contract.BOOL: parse_bool,
    contract.RATE: parse_parameter,
}
