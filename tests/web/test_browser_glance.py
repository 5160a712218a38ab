"""Safe entry, the dashboard at a glance and users & work in headless Chromium: the
allocation form shows its position on load and asks before replacing an amount typed
with thousand separators; the dashboard's headline, chart and work lists; the users
pages. Each page at 1440 and 390 px in Dutch and English into test-artifacts/
(w14c-<page>-<lang>-<width>.png), no sideways scroll at 1440 px and no axe-core
WCAG 2.1 A/AA violation."""

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.budget.selectors import open_years
from clustermonitor.projects.models import Project
from tests.web.test_browser import ARTIFACTS, browser, demo_site, log_in  # noqa: F401

pytestmark = pytest.mark.slow
axe_package = pytest.importorskip("axe_playwright_python")
AXE = Path(axe_package.__file__).parent / "axe.min.js"


@pytest.fixture
def tab(browser: Any, demo_site: str) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    context.set_default_timeout(120_000)  # a machine shared by many test runs
    page = context.new_page()
    yield page
    page.goto("about:blank")
    context.close()


def violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
    )
    return [f"{v['id']}: {json.dumps([n['target'] for n in v['nodes']][:3])}" for v in found]


WIDEST = "(selector) => Math.max(0, ...[...document.querySelectorAll(selector)].map(e => e.getBoundingClientRect().right))"
MINE = "main h1, #headline, #months-chart, #pending, #decisions, form.entry, #users-table"


def screens(page: Any, url: str, name: str, before_shot: Any = None) -> None:
    """Screenshots; at 1440 px none of this work's parts is wider than the window (the
    whole page's sideways check is tests/web/test_pages_screens.py's) and axe is clean."""
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in ("nl", "en"):
        for width in (1440, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{url}{'&' if '?' in url else '?'}lang={lang}")
            if before_shot:
                before_shot(page)
            page.screenshot(path=str(ARTIFACTS / f"w14c-{name}-{lang}-{width}.png"), full_page=True)
            if width == 1440:
                assert page.evaluate(WIDEST, MINE) <= width, name
                assert violations(page) == [], (name, lang)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{url}{'&' if '?' in url else '?'}lang=nl")


def test_replacing_an_allocation_in_the_browser(tab: Any, demo_site: str) -> None:  # noqa: F811
    allocation = (
        Allocation.objects.filter(year__in=open_years(), cluster__code="BLUE")
        .select_related("cluster")
        .first()
    )
    assert allocation is not None
    log_in(tab, demo_site, "analyst")
    url = f"{demo_site}/allocations/new/?year={allocation.year}&envelope={allocation.envelope}&cluster=BLUE"
    tab.goto(url)
    assert tab.locator("#remaining-budget").is_visible()  # the position at once, without typing
    assert tab.locator("#current-allocation").is_visible()
    screens(tab, url, "allocate")

    new = allocation.amount - Decimal("1000.01")  # lower: within the budget and the cap
    dutch = f"{new:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.234.567,89
    tab.fill("input[name=amount]", dutch)
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#confirm, .error")
    assert tab.locator(".error").count() == 0, tab.locator(".error").all_inner_texts()
    assert f"€ {dutch}" in tab.locator("#confirm").inner_text()
    tab.screenshot(path=str(ARTIFACTS / "w14c-allocate-confirm-nl-1440.png"), full_page=True)
    assert violations(tab) == []
    tab.click("#confirm-button")
    tab.wait_for_load_state()
    allocation.refresh_from_db()
    assert allocation.amount == new


def test_the_live_position_follows_the_fields(tab: Any, demo_site: str) -> None:  # noqa: F811
    year = (
        Budget.objects.filter(year__in=open_years()).order_by("-year").values_list("year", flat=True).first()
    )
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/allocations/new/?year={year}")
    tab.select_option("select[name=envelope]", "ibn")
    tab.wait_for_selector("#remaining-budget")  # htmx on change
    screens(tab, f"{demo_site}/ledger/book/?year={year}&envelope=spearhead_projects&cluster=BLUE", "book")


def test_dashboard_at_a_glance_for_each_role(tab: Any, demo_site: str) -> None:  # noqa: F811
    year = Budget.objects.order_by("-year").values_list("year", flat=True).first()
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/years/{year}/")
    assert tab.locator("#headline").is_visible() and tab.locator("#months-chart").is_visible()
    assert tab.locator("#pending").is_visible()

    def open_table(page: Any) -> None:
        page.click("details.chart-table summary")

    screens(tab, f"{demo_site}/years/{year}/", "dashboard-analyst", open_table)


def test_cluster_managers_dashboard_and_decision(tab: Any, demo_site: str) -> None:  # noqa: F811
    pending = Project.objects.filter(status="submitted", cluster__code="BLUE").order_by("ref").first()
    log_in(tab, demo_site, "cluster")
    tab.goto(f"{demo_site}/")
    assert tab.locator("#decisions").is_visible()
    screens(tab, f"{demo_site}/", "dashboard-cluster")
    if pending is not None:  # the decision form's confirmation when granting more than requested
        tab.context.clear_cookies()
        log_in(tab, demo_site, "admin")
        tab.goto(f"{demo_site}/projects/{pending.ref}/decide/")
        tab.select_option("select[name=status]", "approved")
        tab.fill("input[name=decided_on]", str(pending.submitted_on))
        tab.fill("input[name=granted_support]", str(pending.requested_support + 1))
        tab.click("form.entry button[type=submit]")
        tab.wait_for_selector("#confirm, #error-granted_support")
        tab.screenshot(path=str(ARTIFACTS / "w14c-decide-confirm-nl-1440.png"), full_page=True)
        assert violations(tab) == []


def test_users_pages_and_closing_a_year(tab: Any, demo_site: str) -> None:  # noqa: F811
    log_in(tab, demo_site, "admin")
    screens(tab, f"{demo_site}/users/", "users")
    screens(tab, f"{demo_site}/users/new/", "user-new")
    tab.goto(f"{demo_site}/users/")
    tab.click("#users-table a[href$='/edit/'] >> nth=1")
    tab.wait_for_selector("select[name=role]")
    year = open_years()[0]
    tab.goto(f"{demo_site}/years/{year}/close/")
    tab.fill("input[name=closed_on]", f"{year + 1}-03-01")
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#confirm")
    assert "ongedaan" in tab.locator("#confirm").inner_text()
    tab.screenshot(path=str(ARTIFACTS / "w14c-close-confirm-nl-1440.png"), full_page=True)
    assert violations(tab) == []
