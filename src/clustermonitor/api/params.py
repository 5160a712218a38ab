"""The API's query parameters, checked as the CLI checks its options, named as in the URL.

Every refusal is a `BadParameter` (HTTP 400) naming the parameter, so a script knows
which part of its request to fix. A report's own option rules are the registry's
(`check_options`), spelled as URL parameters.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from rest_framework.exceptions import APIException

from clustermonitor.clusters.selectors import cluster_by_code
from clustermonitor.domain import dates
from clustermonitor.reports.registry import OPTIONS, OptionRefused, ReportSpec, check_options

REPORT_PARAMETERS = OPTIONS
ANSWER_PARAMETERS = ("year", "as_of", "lang", "format")


class BadParameter(APIException):
    """A query parameter the API refuses: 400, `{"detail": …, "parameter": …}`."""

    status_code = 400
    default_code = "bad_parameter"

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__({"detail": message, "parameter": parameter})


@dataclass(frozen=True)
class ReportQuery:
    year: int | None
    cluster: str | None
    as_of: date | None


def only_known(query: Mapping[str, str], known: Collection[str]) -> None:
    """A misspelt parameter (`asof=`) must not be ignored silently: the answer would be wrong."""
    for name in query:
        if name not in known:
            raise BadParameter(name, f"unknown parameter {name!r}: use {', '.join(known)}")


def report_query(spec: ReportSpec, query: Mapping[str, str]) -> ReportQuery:
    only_known(query, REPORT_PARAMETERS)
    year = parse_year(query)
    cluster = query.get("cluster")
    try:
        check_options(spec, year=year, cluster=cluster, spelled=str)
    except OptionRefused as refused:
        raise BadParameter(refused.option, str(refused)) from None
    if cluster is not None and cluster_by_code(cluster) is None:  # before the figures cache sees it
        raise BadParameter("cluster", f"unknown cluster: {cluster}")
    return ReportQuery(year=year, cluster=cluster, as_of=parse_as_of(query))


def parse_year(query: Mapping[str, str]) -> int | None:
    """The `year` given, or None when it is left out. A parameter given empty (`?year=`) is
    refused like any other value that is no year: the web's forms send empty fields, a
    script that does is missing a value, and an answer for "no year" would mislead it."""
    try:
        return dates.parse_year(query["year"]) if "year" in query else None
    except dates.BadDate as error:
        raise BadParameter("year", str(error)) from None


def parse_as_of(query: Mapping[str, str]) -> date | None:
    try:
        return dates.parse_date(query["as_of"]) if "as_of" in query else None
    except dates.BadDate as error:
        raise BadParameter("as_of", str(error)) from None


def parse_choice(query: Mapping[str, str], name: str, choices: Collection[str], default: str) -> str:
    value = query.get(name, default)
    if value not in choices:
        raise BadParameter(name, f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value
