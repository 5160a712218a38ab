"""No dead ends: for every role, no link on a page it may open leads to a page it may
not open (a 403), nor to an error (404, 500). Pages are those of the permission matrix
that the role may open; their links are followed one step."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from django.test import Client

from tests.web.test_permissions import MATRIX

pytestmark = pytest.mark.django_db

SKIP = ("/static/", "/admin/", "/accounts/logout/", "/i18n/")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_on(html: str, base: str) -> set[str]:
    parser = Links()
    parser.feed(html)
    found = set()
    for href in parser.hrefs:
        href = urldefrag(href)[0]
        if not href or href.startswith(("http", "mailto:")):
            continue
        if href.startswith("?"):
            href = base.split("?")[0] + href
        if href.startswith("/") and not href.startswith(SKIP):
            found.add(href)
    return found


def shape(link: str) -> tuple[str, ...]:
    """Links that differ only in a record number or a figure's filters are alike; the
    cluster they lead to is what a permission depends on, so it stays apart."""
    parts = urlsplit(link)
    params = dict(parse_qsl(parts.query))
    return (re.sub(r"\d+", "N", parts.path), *sorted(params), params.get("cluster", ""))


@pytest.mark.parametrize("role", ["admin", "analyst", "cluster", "viewer"])
def test_no_link_leads_to_a_refusal_or_an_error(clients: dict[str | None, Client], role: str) -> None:
    client = clients[role]
    pages = [url for url, allowed in MATRIX if role in allowed and "format=" not in url]
    pages += ["/reports/additional-resources/?year=2018", "/reports/project-generation/?year=2018"]
    seen: dict[tuple[str, ...], int] = {}
    bad = []
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for link in sorted(links_on(response.content.decode(), page)):
            key = shape(link)
            if key not in seen:
                seen[key] = client.get(link).status_code
                if seen[key] not in (200, 302):
                    bad.append((page, link, seen[key]))
    assert len(seen) > 20
    assert not bad, bad
