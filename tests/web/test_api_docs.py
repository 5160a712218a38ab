"""The API documentation served by the app itself (Swagger UI from the sidecar's static
files, nothing from a CDN, no inline script) and the index at /api/v1/."""

import re
from html import unescape

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_index_lists_the_apis_addresses(clients: dict[str | None, Client]) -> None:
    response = clients["viewer"].get("/api/v1/")

    assert response.status_code == 200
    links = response.json()["links"]
    assert links["docs"] == "/api/v1/docs/" and links["schema"] == "/api/v1/schema/"
    assert clients["viewer"].get(links["reports"]).status_code == 200
    assert clients[None].get("/api/v1/").status_code == 401


def test_docs_are_served_locally_without_inline_script(clients: dict[str | None, Client]) -> None:
    response = clients["viewer"].get("/api/v1/docs/?lang=en")
    html = response.content.decode()

    assert response.status_code == 200
    sources = [unescape(s) for s in re.findall(r'<script src="([^"]+)"', html)]
    assert any("swagger-ui-bundle.js" in s for s in sources)
    assert all(s.startswith("/") for s in sources)  # this app's own files: no CDN
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
    assert "https://" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="/projects/"' in html  # in the site's layout
    for source in sources:
        assert clients["viewer"].get(source).status_code == 200, source
    script = clients["viewer"].get(next(s for s in sources if "script" in s))
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def test_docs_ask_an_anonymous_visitor_to_log_in(clients: dict[str | None, Client]) -> None:
    response = clients[None].get("/api/v1/docs/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
