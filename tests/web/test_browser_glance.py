"""Safe entry, the dashboard at a glance and users & work in headless Chromium: the
allocation form shows its position on load and asks before replacing an amount typed
with thousand separators; the dashboard's headline, chart and work lists; the users
pages. Each page at 1440 and 390 px in Dutch and English into test-artifacts/
(w14c-<page>-<lang>-<width>.png), at both widths no sideways scroll and no axe-core
WCAG 2.1 A/AA violation (tests/web/browsing.py)."""

from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.budget.selectors import open_years
from clustermonitor.projects.models import Project
from clustermonitor.web.templatetags.web import money
from tests.web.browsing import at_both_widths, log_in, require_browser, screens

require_browser()
pytestmark = pytest.mark.slow


def test_replacing_an_allocation_in_the_browser(tab: Any, demo_site: str) -> None:
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
    screens(tab, url, "w14c-allocate")

    new = allocation.amount - Decimal("1000.01")  # lower: within the budget and the cap
    dutch = f"{new:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.234.567,89
    tab.fill("input[name=amount]", dutch)
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#confirm, .error")
    assert tab.locator(".error").count() == 0, tab.locator(".error").all_inner_texts()
    assert f"€ {dutch}" in tab.locator("#confirm").inner_text()
    at_both_widths(tab, "w14c-allocate-confirm-nl")
    tab.click("#confirm-button")
    tab.wait_for_load_state()
    allocation.refresh_from_db()
    assert allocation.amount == new


def test_the_live_position_follows_the_fields(tab: Any, demo_site: str) -> None:
    year = (
        Budget.objects.filter(year__in=open_years()).order_by("-year").values_list("year", flat=True).first()
    )
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/allocations/new/?year={year}")
    tab.select_option("select[name=envelope]", "ibn")
    tab.wait_for_selector("#remaining-budget")  # htmx on change
    screens(
        tab, f"{demo_site}/ledger/book/?year={year}&envelope=spearhead_projects&cluster=BLUE", "w14c-book"
    )


def money_nl(year: int, envelope: str) -> str:
    with translation.override("nl"):
        return money(Budget.objects.get(year=year, envelope=envelope).amount)


def test_the_budget_form_shows_the_envelopes_position_live(tab: Any, demo_site: str) -> None:
    year = (
        Budget.objects.filter(year__in=open_years()).order_by("-year").values_list("year", flat=True).first()
    )
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/budgets/new/")
    assert tab.locator("#budget-position").count() == 0  # nothing named yet
    tab.select_option("select[name=year]", str(year))
    tab.select_option("select[name=envelope]", "spearhead_projects")
    for envelope in ("spearhead_projects", "spearhead_operation"):
        tab.select_option("select[name=envelope]", envelope)
        expected = money_nl(year, envelope)  # htmx on change; each change answered in turn
        tab.wait_for_function(f"document.querySelector('#budget-now')?.innerText === {expected!r}")
    assert tab.locator("#budget-remaining").inner_text().startswith("€ ")
    screens(tab, f"{demo_site}/budgets/new/?year={year}&envelope=spearhead_projects", "w14c-budget")


def test_dashboard_at_a_glance_for_each_role(tab: Any, demo_site: str) -> None:
    year = Budget.objects.order_by("-year").values_list("year", flat=True).first()
    log_in(tab, demo_site, "analyst")
    tab.goto(f"{demo_site}/years/{year}/")
    assert tab.locator("#headline").is_visible() and tab.locator("#months-chart").is_visible()
    assert tab.locator("#pending").is_visible()

    def open_table(page: Any) -> None:
        page.click("details.chart-table summary")

    screens(tab, f"{demo_site}/years/{year}/", "w14c-dashboard-analyst", open_table)


def test_cluster_managers_dashboard_and_decision(tab: Any, demo_site: str) -> None:
    pending = Project.objects.filter(status="submitted", cluster__code="BLUE").order_by("ref").first()
    log_in(tab, demo_site, "cluster")
    tab.goto(f"{demo_site}/")
    assert tab.locator("#decisions").is_visible()
    screens(tab, f"{demo_site}/", "w14c-dashboard-cluster")
    if pending is not None:  # the decision form's confirmation when granting more than requested
        tab.context.clear_cookies()
        log_in(tab, demo_site, "admin")
        tab.goto(f"{demo_site}/projects/{pending.ref}/decide/")
        tab.select_option("select[name=status]", "approved")
        tab.fill("input[name=decided_on]", str(pending.submitted_on))
        tab.fill("input[name=granted_support]", str(pending.requested_support + 1))
        tab.click("form.entry button[type=submit]")
        tab.wait_for_selector("#confirm, #error-granted_support")
        at_both_widths(tab, "w14c-decide-confirm-nl")


def test_users_pages_and_closing_a_year(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "admin")
    screens(tab, f"{demo_site}/users/", "w14c-users")
    screens(tab, f"{demo_site}/users/new/", "w14c-user-new")
    tab.goto(f"{demo_site}/users/")
    tab.click("#users-table a[href$='/edit/'] >> nth=1")
    tab.wait_for_selector("select[name=role]")
    year = open_years()[0]
    tab.goto(f"{demo_site}/years/{year}/close/")
    tab.fill("input[name=closed_on]", f"{year + 1}-03-01")
    tab.click("form.entry button[type=submit]")
    tab.wait_for_selector("#confirm")
    assert "ongedaan" in tab.locator("#confirm").inner_text()
    at_both_widths(tab, "w14c-close-confirm-nl")
