"""Years and dates as the outside world types them: the one parser for CLI, web, API and
import, with one message each.

A year is four ASCII digits (1000-9999): "²⁰¹⁸", "0", "10000" and "2018.0" are refused, so
nothing downstream meets a year it cannot store or turn into a date. A date is ISO
YYYY-MM-DD and must exist (2018-02-30 does not).
"""

import re
from datetime import date

from clustermonitor.domain.messages import Message, _

FIRST_YEAR, LAST_YEAR = 1000, 9999
YEAR_PATTERN = re.compile(r"[1-9][0-9]{3}")  # [0-9], not \d: no superscript or Arabic-Indic digits
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadDate(ValueError):
    """A year or date refused; `str()` and `.message` are the one message for it."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def year_message(value: object) -> Message:
    """'18' is not a four-digit year (text is quoted, a number is not)."""
    return _("{year} is not a four-digit year", year=repr(value) if isinstance(value, str) else value)


def date_message(value: object) -> Message:
    return _("{date} is not a date YYYY-MM-DD", date=repr(value) if isinstance(value, str) else value)


def is_year(year: int) -> bool:
    """A number that is a four-digit year."""
    return FIRST_YEAR <= year <= LAST_YEAR


def parse_year(text: str) -> int:
    """The year four ASCII digits name; raises BadDate."""
    if not isinstance(text, str) or not YEAR_PATTERN.fullmatch(text) or not is_year(int(text)):
        raise BadDate(year_message(text))
    return int(text)


def parse_date(text: str) -> date:
    """The date an ISO YYYY-MM-DD text names; raises BadDate."""
    if not isinstance(text, str) or not DATE_PATTERN.fullmatch(text):
        raise BadDate(date_message(text))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadDate(date_message(text)) from None


def year_or_none(value: object) -> int | None:
    """The year `value` names, or None when it names none (yet): for a live preview of a
    half-typed form, which ignores what is not a year instead of refusing it."""
    try:
        return parse_year(str(value))
    except BadDate:
        return None


def optional_year(text: str | None) -> int | None:
    """An absent or empty value is no year; anything else must be one."""
    return parse_year(text) if text else None


def optional_date(text: str | None) -> date | None:
    return parse_date(text) if text else None
