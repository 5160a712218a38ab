"""What the pages share: the year and as-of picked, the years known, a link's query
(the report tables laid out for HTML: tables.py)."""

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import BadRequest
from django.http import HttpRequest

from clustermonitor.budget.selectors import years_with_status
from clustermonitor.domain import dates
from clustermonitor.reports.renderers.said import translated
from clustermonitor.reports.selectors import latest_year


def parse_as_of(request: HttpRequest) -> date | None:
    """`?as_of=`: absent or empty is none; anything else must be a date (else 400)."""
    try:
        return dates.optional_date(request.GET.get("as_of"))
    except dates.BadDate as error:
        raise BadRequest(translated(error.message)) from None


def parse_year(request: HttpRequest, default: int | None) -> int | None:
    """`?year=`: absent or empty is `default`; anything else must be a four-digit year."""
    try:
        return dates.optional_year(request.GET.get("year")) or default
    except dates.BadDate as error:
        raise BadRequest(translated(error.message)) from None


class YearConverter:
    """`<year:year>` in a URL: four digits, so /years/99999999999999999999/ is a 404."""

    regex = dates.YEAR_PATTERN.pattern

    def to_python(self, value: str) -> int:
        return dates.parse_year(value)

    def to_url(self, value: int) -> str:
        return str(value)


def years_known() -> list[dict[str, Any]]:
    """Every year with a budget or a status, with its status (a year without one is open)."""
    return [{"year": year, "closed": closed} for year, closed in years_with_status()]


def default_year() -> int | None:
    """The latest open year with data; else the latest year."""
    open_years = [y["year"] for y in years_known() if not y["closed"]]
    return max(open_years) if open_years else latest_year()


def query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})
