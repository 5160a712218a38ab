"""The web app in a real headless Chromium (Playwright's sync API, Debian's chromium):
log in, drill down from a dashboard figure, submit and approve a project application,
see an overspending commitment refused, switch language. Screenshots of the main pages
go to test-artifacts/ (kept out of git).

Without /usr/bin/chromium the tests skip, saying so, unless REQUIRE_BROWSER=1 (CI),
where they fail instead.
"""

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clustermonitor.datasets.services import dataset_import
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project, ProjectType
from tests.web.conftest import PASSWORD, make_users

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: install chromium", pytrace=False)
    pytest.skip(
        f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)", allow_module_level=True
    )

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo_site(transactional_db: None, demo_dir: Path, live_server: Any, settings: Any) -> str:
    """The demo dataset and one user per role (cluster manager of BLUE) behind a live server."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    dataset_import(demo_dir)
    make_users("BLUE")
    return str(live_server.url)


@pytest.fixture
def page(browser: Any, demo_site: str) -> Iterator[Any]:
    """A fresh browser page; closed before the database is flushed (it depends on
    demo_site), so no request of the page is in flight while the tables are truncated."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-BE")
    tab = context.new_page()
    yield tab
    tab.goto("about:blank")
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def log_in(page: Any, url: str, role: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url


def test_anonymous_sees_the_login_page(page: Any, demo_site: str) -> None:
    page.goto(f"{demo_site}/years/2019/")

    assert "/accounts/login/" in page.url
    shot(page, "login")


def test_dashboard_figure_drills_down_to_records_that_add_up(page: Any, demo_site: str) -> None:
    log_in(page, demo_site, "viewer")
    page.goto(f"{demo_site}/years/2019/")
    assert page.locator("#year-status").is_visible()
    shot(page, "dashboard")

    figure = page.locator("#budget-table-0 a.figure").nth(1)  # committed, spearhead operation
    value, shown = figure.get_attribute("data-value"), figure.inner_text()
    figure.click()
    page.wait_for_selector("#drill-total")
    total = page.locator("#drill-total")

    assert Decimal(total.get_attribute("data-value")) == Decimal(value)
    assert total.inner_text() == shown
    assert shown.startswith("€ ")
    shot(page, "drill-down")

    page.goto(f"{demo_site}/years/2019/")
    count = page.locator("#clusters-table-0 a.figure[href*='measure=applications']").first
    expected = count.get_attribute("data-value")
    count.click()
    assert page.locator("#drill-total").get_attribute("data-value") == expected


def test_report_pages_and_records(page: Any, demo_site: str) -> None:
    log_in(page, demo_site, "analyst")
    for name in ("budget-overview", "cluster-overview", "kpi-status"):
        page.goto(f"{demo_site}/reports/{name}/?year=2019")
        assert page.locator("table.report").count() >= 1
        shot(page, f"report-{name}")
    page.goto(f"{demo_site}/reports/cluster-overview/?year=2019")
    page.click("#table-0 th >> text=vastgelegd projecten")
    assert "sort=committed_projects" in page.url
    page.goto(f"{demo_site}/clusters/BLUE/")
    assert page.locator("svg[role=img]").count() >= 1
    shot(page, "cluster")
    page.goto(f"{demo_site}/ledger/?year=2019")
    shot(page, "ledger")
    page.goto(f"{demo_site}/import/")
    shot(page, "import")


def test_project_application_submitted_then_approved(page: Any, demo_site: str) -> None:
    kind = ProjectType.objects.filter(earmarked_eligible=True).order_by("code").first()
    log_in(page, demo_site, "cluster")
    page.goto(f"{demo_site}/projects/new/")
    page.fill("input[name=ref]", "WEB.2020.1")
    page.fill("input[name=title]", "Slimme sluizen")
    page.select_option("select[name=type]", kind.code)  # the cluster list holds BLUE only, chosen
    page.fill("input[name=submitted_on]", "2020-09-01")
    page.fill("input[name=total_cost]", "500000")
    page.fill("input[name=requested_support]", "250000")
    shot(page, "project-application")
    page.click("form.entry button[type=submit]")
    page.wait_for_selector("#project-status")
    assert page.locator("#project-status").inner_text() == "ingediend"

    page.click("text=Afmelden")
    log_in(page, demo_site, "analyst")
    page.goto(f"{demo_site}/projects/WEB.2020.1/decide/")
    page.select_option("select[name=status]", "approved")
    page.fill("input[name=decided_on]", "2020-09-20")
    page.fill("input[name=granted_support]", "200000")
    page.click("form.entry button[type=submit]")
    page.wait_for_selector("#project-status")

    assert page.locator("#project-status").inner_text() == "goedgekeurd"
    assert page.locator("#granted").inner_text() == "€ 200.000,00"
    assert Project.objects.get(ref="WEB.2020.1").status == "approved"
    shot(page, "project")


def test_overspending_commitment_is_refused(page: Any, demo_site: str) -> None:
    year = BudgetYear.objects.filter(status="open").order_by("-year").first().year
    project = (
        Project.objects.filter(cluster__code="BLUE", status="approved", channel="earmarked")
        .order_by("-decided_on")
        .first()
    )
    log_in(page, demo_site, "analyst")
    page.goto(f"{demo_site}/ledger/book/")
    page.fill("input[name=ref]", "WEB-OVER-1")
    page.fill("input[name=date]", f"{year}-10-01")
    page.select_option("select[name=year]", str(year))
    page.select_option("select[name=kind]", "commitment")
    page.select_option("select[name=cluster]", "BLUE")
    page.fill("input[name=project]", project.ref)
    page.select_option("select[name=envelope]", "spearhead_projects")
    page.wait_for_selector("#position-uncommitted")  # htmx: the envelope-year and the project, live
    assert page.locator("#position-available").inner_text().startswith("beschikbaar € ")
    page.fill("input[name=amount]", "900000000.00")
    page.click("form.entry button[type=submit]")
    page.wait_for_selector("#error-amount")

    assert "overschrijden" in page.locator("#error-amount").inner_text()  # the service's message, in Dutch
    shot(page, "booking-refused")


def test_switch_language(page: Any, demo_site: str) -> None:
    log_in(page, demo_site, "viewer")
    page.goto(f"{demo_site}/years/2019/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.click("#lang-switch")
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "en"
    assert "Cluster policy 2019" in page.locator("h1").inner_text()
    assert page.locator("#budget-table-0 a.figure").first.inner_text().startswith("€")
    assert "," in page.locator("#budget-table-0 a.figure").first.inner_text()
    shot(page, "dashboard-en")
    page.goto(f"{demo_site}/years/2019/?lang=nl")
    assert page.locator("html").get_attribute("lang") == "nl"


FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e), box = e.getBoundingClientRect();
  return {id: e.id, tag: e.tagName, cls: e.className, href: e.getAttribute('href'),
          ring: s.outlineStyle !== 'none' && s.outlineWidth !== '0px', x: box.x, y: box.y};
}"""


def test_keyboard_only_login_and_dashboard(page: Any, demo_site: str) -> None:
    """Tab through the login form and the dashboard without a mouse; every stop shows a
    focus ring; the skip link comes first and leads to the content; Enter opens a figure."""
    page.goto(f"{demo_site}/accounts/login/?next=/years/2019/")
    assert page.evaluate(FOCUSED)["id"] == "id_username"  # autofocus
    page.keyboard.type("viewer")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["id"] == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    button = page.evaluate(FOCUSED)
    assert (button["tag"], button["ring"]) == ("BUTTON", True)
    page.keyboard.press("Enter")
    page.wait_for_selector("#year-status")

    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert (skip["cls"], skip["href"], skip["ring"]) == ("skip", "#main", True)
    assert skip["x"] >= 0 and skip["y"] >= 0  # shown on screen when focused
    shot(page, "keyboard-skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "main"

    for _ in range(80):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        assert stop["ring"], stop
        if "figure" in stop["cls"]:
            break
    else:
        pytest.fail("no figure of the budget table reached by keyboard")
    shot(page, "keyboard-figure")
    page.keyboard.press("Enter")
    page.wait_for_selector("#drill-total")
