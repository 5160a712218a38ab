"""The web app in a real headless Chromium (Playwright's sync API, Debian's chromium):
log in, drill down from a dashboard figure, submit and approve a project application,
see an overspending commitment refused, switch language. Screenshots of the main pages
go to test-artifacts/ (kept out of git), each at 1440 and 390 px, where the page may not
scroll sideways and axe-core finds no WCAG 2.1 A/AA violation.

Fixtures in tests/web/conftest.py, helpers in tests/web/browsing.py.
"""

from decimal import Decimal
from typing import Any

import pytest

from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project, ProjectType
from tests.web.browsing import at_both_widths, log_in, require_browser, shot
from tests.web.conftest import PASSWORD

require_browser()
pytestmark = pytest.mark.slow


def test_anonymous_sees_the_login_page(tab: Any, demo_site: str) -> None:
    tab.goto(f"{demo_site}/years/2019/")

    assert "/accounts/login/" in tab.url
    at_both_widths(tab, "login")


def test_dashboard_figure_drills_down_to_records_that_add_up(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "viewer")
    tab.goto(f"{demo_site}/years/2019/")
    assert tab.locator("#year-status").is_visible()
    at_both_widths(tab, "dashboard")

    figure = tab.locator("#budget-table-0 a.figure").nth(1)  # committed, spearhead operation
    value, shown = figure.get_attribute("data-value"), figure.inner_text()
    figure.click()
    tab.wait_for_selector("#drill-total")
    total = tab.locator("#drill-total")

    assert Decimal(total.get_attribute("data-value")) == Decimal(value)
    assert total.inner_text() == shown
    assert shown.startswith("€ ")
    at_both_widths(tab, "drill-down")

    tab.goto(f"{demo_site}/years/2019/")
    count = tab.locator("#clusters-table-0 a.figure[href*='measure=applications']").first
    expected = count.get_attribute("data-value")
    count.click()
    assert tab.locator("#drill-total").get_attribute("data-value") == expected


def test_report_pages_and_records(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "analyst")
    for name in ("budget-overview", "cluster-overview", "kpi-status"):
        tab.goto(f"{demo_site}/reports/{name}/?year=2019")
        assert tab.locator("table.report").count() >= 1
        at_both_widths(tab, f"report-{name}")
    tab.goto(f"{demo_site}/reports/cluster-overview/?year=2019")
    tab.click("#table-0 th >> text=vastgelegd projecten")
    assert "sort=committed_projects" in tab.url
    tab.goto(f"{demo_site}/clusters/BLUE/")
    assert tab.locator("svg[role=img]").count() >= 1
    at_both_widths(tab, "cluster")
    tab.goto(f"{demo_site}/ledger/?year=2019")
    at_both_widths(tab, "ledger")
    tab.goto(f"{demo_site}/import/")
    at_both_widths(tab, "import")


def test_project_application_submitted_then_approved(tab: Any, demo_site: str) -> None:
    kind = ProjectType.objects.filter(earmarked_eligible=True).order_by("code").first()
    log_in(tab, demo_site, "cluster")
    tab.goto(f"{demo_site}/projects/new/")
    tab.fill("input[name=ref]", "WEB.2020.1")
    tab.fill("input[name=title]", "Slimme sluizen")
    tab.select_option("select[name=type]", kind.code)  # the cluster list holds BLUE only, chosen
    tab.fill("input[name=submitted_on]", "2020-09-01")
    tab.fill("input[name=total_cost]", "500000")
    tab.fill("input[name=requested_support]", "250000")
    at_both_widths(tab, "project-application")
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#project-status")
    assert tab.locator("#project-status").inner_text() == "ingediend"

    tab.click("text=Afmelden")
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/projects/WEB.2020.1/decide/")
    tab.select_option("select[name=status]", "approved")
    tab.fill("input[name=decided_on]", "2020-09-20")
    tab.fill("input[name=granted_support]", "200000")
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#project-status")

    assert tab.locator("#project-status").inner_text() == "goedgekeurd"
    assert tab.locator("#granted").inner_text() == "€ 200.000,00"
    assert Project.objects.get(ref="WEB.2020.1").status == "approved"
    at_both_widths(tab, "project")


def test_overspending_commitment_is_refused(tab: Any, demo_site: str) -> None:
    year = BudgetYear.objects.filter(status="open").order_by("-year").first().year
    project = (
        Project.objects.filter(cluster__code="BLUE", status="approved", channel="earmarked")
        .order_by("-decided_on")
        .first()
    )
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/ledger/book/")
    tab.fill("input[name=ref]", "WEB-OVER-1")
    tab.fill("input[name=date]", f"{year}-10-01")
    tab.select_option("select[name=year]", str(year))
    tab.select_option("select[name=kind]", "commitment")
    tab.select_option("select[name=cluster]", "BLUE")
    tab.fill("input[name=project]", project.ref)
    tab.select_option("select[name=envelope]", "spearhead_projects")
    tab.wait_for_selector("#position-uncommitted")  # htmx: the envelope-year and the project, live
    assert tab.locator("#position-available").inner_text().startswith("beschikbaar € ")
    tab.fill("input[name=amount]", "900000000.00")
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#error-amount")

    assert "overschrijden" in tab.locator("#error-amount").inner_text()  # the service's message, in Dutch
    at_both_widths(tab, "booking-refused")


def test_switch_language(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "viewer")
    tab.goto(f"{demo_site}/years/2019/")
    assert tab.locator("html").get_attribute("lang") == "nl"

    tab.click("#lang-switch")
    tab.wait_for_load_state()

    assert tab.locator("html").get_attribute("lang") == "en"
    assert "Cluster policy 2019" in tab.locator("h1").inner_text()
    assert tab.locator("#budget-table-0 a.figure").first.inner_text().startswith("€")
    assert "," in tab.locator("#budget-table-0 a.figure").first.inner_text()
    at_both_widths(tab, "dashboard-en")
    tab.goto(f"{demo_site}/years/2019/?lang=nl")
    assert tab.locator("html").get_attribute("lang") == "nl"


FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e), box = e.getBoundingClientRect();
  return {id: e.id, tag: e.tagName, cls: e.className, href: e.getAttribute('href'),
          ring: s.outlineStyle !== 'none' && s.outlineWidth !== '0px', x: box.x, y: box.y};
}"""


def test_keyboard_only_login_and_dashboard(tab: Any, demo_site: str) -> None:
    """Tab through the login form and the dashboard without a mouse; every stop shows a
    focus ring; the skip link comes first and leads to the content; Enter opens a figure."""
    tab.goto(f"{demo_site}/accounts/login/?next=/years/2019/")
    assert tab.evaluate(FOCUSED)["id"] == "id_username"  # autofocus
    tab.keyboard.type("viewer")
    tab.keyboard.press("Tab")
    assert tab.evaluate(FOCUSED)["id"] == "id_password"
    tab.keyboard.type(PASSWORD)
    tab.keyboard.press("Tab")
    button = tab.evaluate(FOCUSED)
    assert (button["tag"], button["ring"]) == ("BUTTON", True)
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#year-status")

    tab.keyboard.press("Tab")
    skip = tab.evaluate(FOCUSED)
    assert (skip["cls"], skip["href"], skip["ring"]) == ("skip", "#main", True)
    assert skip["x"] >= 0 and skip["y"] >= 0  # shown on screen when focused
    shot(tab, "keyboard-skip-link")
    tab.keyboard.press("Enter")
    assert tab.evaluate(FOCUSED)["id"] == "main"

    for _ in range(80):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        assert stop["ring"], stop
        if "figure" in stop["cls"]:
            break
    else:
        pytest.fail("no figure of the budget table reached by keyboard")
    shot(tab, "keyboard-figure")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#drill-total")
