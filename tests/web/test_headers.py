"""Headers: a Content-Security-Policy without inline scripts on every page, and
`Cache-Control: no-store` on every page, download and API answer."""

import re
from pathlib import Path

import pytest

from tests.web.conftest import client_for

TEMPLATES = Path(__file__).resolve().parents[2] / "src/clustermonitor/templates"
ANSWERS = [
    "/",
    "/years/2018/",
    "/reports/budget-overview/?year=2018",
    "/reports/budget-overview/?year=2018&format=csv&table=0",
    "/reports/budget-overview/?year=2018&format=xlsx",
    "/clusters/VIL/",
    "/projects/V1/",
    "/ledger/",
    "/export/",
    "/history/",
    "/api/v1/reports/budget-overview/?year=2018",
    "/api/v1/answer/?year=2018",
    "/accounts/password/",
]


@pytest.mark.django_db
def test_every_answer_with_records_or_figures_is_not_stored(users: None) -> None:
    client = client_for("admin")
    for url in ANSWERS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    assert "no-store" in client_for(None).get("/accounts/login/")["Cache-Control"]


@pytest.mark.django_db
def test_pages_carry_a_policy_that_allows_no_inline_script(users: None) -> None:
    policy = client_for("analyst").get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())

    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"  # no 'unsafe-inline': see test_no_template_has_an_inline_style
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    handler = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
    found = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        if inline_script.search(text) or handler.search(text) or "javascript:" in text.lower():
            found.append(template.name)
    assert found == []


def test_no_template_has_an_inline_style() -> None:
    """The policy forbids inline style; a chart's colour is an SVG `fill`, not a `style`.
    The documents (templates/reports/: PDF, and HTML downloads sent as attachments) are
    self-contained files and keep their own <style>: they are not pages of the site."""
    inline_style = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
    pages = [t for t in TEMPLATES.rglob("*.html") if t.parent.name != "reports"]
    assert len(pages) > 30
    assert [t.name for t in pages if inline_style.search(t.read_text())] == []
