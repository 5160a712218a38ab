"""Accessibility rules checked on every page: each form field has a label, each table a
caption (or an aria-label) and scoped header cells, a skip link to the content; and the
stylesheet's text colours reach a contrast of 4.5:1 on their backgrounds (WCAG AA)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clustermonitor.budget.models import Allocation
from clustermonitor.clusters.models import Cluster
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "src/clustermonitor/static/web/site.css"
PAGES = [
    "/accounts/login/",
    "/years/2018/",
    "/reports/cluster-overview/?year=2018",
    "/reports/pact-resources/",
    "/drill/ledger/?year=2018&measure=committed",
    "/drill/allocations/?year=2018&measure=allocated",
    "/drill/projects/?year=2018&measure=approved",
    "/drill/kpis/?year=2018&cluster=VIL&status=met",
    "/clusters/VIL/",
    "/clusters/new/",
    "/clusters/VIL/edit/",
    "/projects/",
    "/projects/V1/",
    "/projects/new/",
    "/projects/V9/decide/",
    "/ledger/",
    "/ledger/book/",
    "/allocations/new/",
    "/budgets/new/",
    "/kpis/target/new/",
    "/kpis/result/new/",
    "/import/",
    "/history/",
    "/history/cluster/{vil}/",
    "/history/allocation/{allocation}/",
]


class Page(HTMLParser):
    """What the rules need from a page: fields, labels, tables, header cells, links."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.label_depth = 0
        self.tables: list[dict[str, str | None]] = []
        self.captions = 0
        self.headers_without_scope: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.labelled.add(str(a["for"]))
        elif tag in ("input", "select", "textarea"):
            if a.get("type") not in ("hidden", "submit", "button"):
                self.fields.append({**a, "wrapped": "yes" if self.label_depth else None})
        elif tag == "table":
            self.tables.append(a)
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and a.get("scope") not in ("col", "row"):
            self.headers_without_scope.append(self.getpos().__repr__())
        elif tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_every_field_labelled_every_table_captioned_and_scoped(users: None) -> None:
    ids = {
        "vil": Cluster.objects.get(code="VIL").pk,
        "allocation": Allocation.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
    }
    client = client_for("admin")
    for url in PAGES:
        response = client.get(url.format(**ids))
        assert response.status_code == 200, url
        page = parsed(response.content.decode())

        unlabelled = [
            f
            for f in page.fields
            if not f.get("wrapped") and not f.get("aria-label") and f.get("id") not in page.labelled
        ]
        assert not unlabelled, (url, unlabelled)
        bare = [t for t in page.tables if not t.get("aria-label") and not t.get("aria-labelledby")]
        assert len(bare) <= page.captions, (url, "a table without caption or aria-label")
        assert not page.headers_without_scope, (url, page.headers_without_scope)
        assert page.links and page.links[0] == "#main", (url, "the skip link comes first")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_have_a_contrast_of_at_least_4_5() -> None:
    css = CSS.read_text()
    var = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    white = "#ffffff"
    pairs = {
        "text": (var["ink"], white),
        "muted text": (var["muted"], white),
        "muted text on grey": (var["muted"], var["bg"]),
        "links": (var["accent"], white),
        "links on grey": (var["accent"], var["bg"]),
        "header and buttons": (white, var["accent"]),
        "errors": (var["error"], white),
        "status chip": (var["ink"], "#e4e8ee"),
        "definitive": ("#1e4d1e", "#d7ecd7"),
        "provisional": ("#6b4400", "#fbe7c6"),
        "rejected": (var["ink"], "#f4d4d2"),
    }
    for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", css):
        assert any(colour.lower() == fg.lower() for fg, _ in pairs.values()), (
            f"unchecked text colour {colour}"
        )

    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < 4.5}
    assert not low, low
    # the focus ring (a non-text indicator: 3:1) against the page and the header
    assert contrast(var["focus"], var["ink"]) >= 3
    assert contrast(var["focus"], var["accent"]) >= 3
