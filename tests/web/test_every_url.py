"""Every URL in the URLconf, for every role and anonymous, with malformed parameters in
the path, the query and a posted form: never a server error (5xx)."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.web.conftest import ROLES, client_for

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    {
        "year": "²⁰¹⁸",
        "as_of": "2018-02-30",
        "page": "x",
        "table": "zz",
        "sort": "<script>",
        "order": "sideways",
        "cluster": "NOPE\x00",
        "format": "zzz",
        "lang": "xx",
        "kind": "?",
        "status": "\x00",
        "type": "'",
        "measure": "nope",
        "column": "\u202e",
        "envelope": "x" * 300,
    },
    {"year": "0", "as_of": "99999-01-01", "page": "-1", "table": "-99", "format": "csv"},
    {"year": "99999999999999999999", "as_of": "0000-00-00", "page": "99999999999999999999", "format": "xlsx"},
    {"year": "2018", "cluster": "VIL", "format": "pdf", "table": "99999999999999999999"},
]
BAD_FORM = {
    "year": "10000",
    "amount": "1e999",
    "date": "2018-02-30",
    "envelope": "\x00",
    "cluster": "<script>",
    "project": "x" * 500,
    "kind": "nope",
    "closed_on": "yesterday",
    "code": "",
    "dataset": "not a file",
    "replace": "maybe",
    "decided_on": "2018-13-01",
    "granted_support": "NaN",
}
# Each path parameter: a record that exists (so the page itself meets the bad query),
# then one that cannot exist or is beyond its type.
PATH_VALUES = {
    "code": ["VIL", "x" * 300],
    "ref": ["V1", "NOPE\x00"],
    "name": ["budget-overview", "x" * 300],
    "kind": ["ledger", "project"],
    "what": ["target", "result"],
    "pk": ["1", "99999999999999999999"],
    "year": ["2018", "9999"],
    "object_id": ["1", "NOPE"],
    "app_label": ["auth", "NOPE"],
}


def patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.pattern.converters


def concrete(route: str, converters: dict[str, Any]) -> list[str]:
    """The route with each converter filled in, once per value; regex routes as written."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
    urls = []
    for index in range(2):
        url = route
        for name, converter in converters.items():
            kind = next(k for k, c in _known().items() if isinstance(converter, c))
            values = PATH_VALUES.get(name, ["NOPE", "x" * 300])
            url = url.replace(f"<{kind}:{name}>", values[index]).replace(f"<{name}>", values[index])
        urls.append("/" + url)
    if "(?P<" in route or "(" in route:  # admin's regex routes: one plain stand-in
        urls = ["/" + route.split("(")[0]]
    return sorted(set(urls))


def _known() -> dict[str, type]:
    from django.urls.converters import get_converters

    return {name: type(converter) for name, converter in get_converters().items()}


def every_url() -> list[str]:
    return sorted(
        {url for route, converters in patterns(get_resolver()) for url in concrete(route, converters)}
    )


def test_the_list_covers_the_urlconf() -> None:
    urls = every_url()
    for expected in (
        "/",
        "/years/2018/",
        "/api/v1/reports/budget-overview/",
        "/admin/",
        "/accounts/password/",
    ):
        assert expected in urls, expected
    assert len(urls) > 60


@pytest.mark.parametrize("role", [*ROLES, None])
def test_no_url_answers_malformed_parameters_with_a_server_error(users: None, role: str | None) -> None:
    client = client_for(role) if role else Client()
    failures = []
    for url in every_url():
        for query in BAD_QUERIES:
            status = client.get(url, query).status_code
            if status >= 500:
                failures.append((url, "GET", sorted(query)[:3], status))
        status = client.post(url, BAD_FORM).status_code
        if status >= 500:
            failures.append((url, "POST", "form", status))
    assert failures == []
