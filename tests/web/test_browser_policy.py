"""The Content-Security-Policy as the browser enforces it, and the account pages a user
meets when something goes wrong with a password.

- Every main page, with the policy enforced (no `bypass_csp`), raises no
  `securitypolicyviolation` event: no inline style or script is blocked, so nothing the
  page needs is missing.
- The password-change page and the lockout page, at 1440 and 390 px in Dutch and English:
  no sideways scroll, no axe-core WCAG 2.1 A/AA violation; screenshots in test-artifacts/
  (`account-<page>-<lang>-<width>.png`).
"""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browsing import at_both_widths, log_in, require_browser
from tests.web.conftest import PASSWORD

require_browser()
pytestmark = pytest.mark.slow

PAGES = [
    "/years/2019/",
    "/reports/budget-overview/?year=2019",
    "/reports/pact-resources/",
    "/clusters/BLUE/",
    "/projects/",
    "/ledger/",
    "/questions/",
    "/history/",
    "/import/",
    "/accounts/password/",
    "/api/v1/docs/",
]
# Records every violation from the first script on, before the page's own run.
RECORD_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => "
    "window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"
)


@pytest.fixture
def context(browser: Any, demo_site: str) -> Iterator[Any]:
    made = browser.new_context(viewport={"width": 1440, "height": 900})
    made.set_default_timeout(120_000)  # a machine shared by many test runs
    yield made
    made.close()


def test_no_page_breaks_the_content_security_policy(context: Any, demo_site: str) -> None:
    tab = context.new_page()
    tab.add_init_script(RECORD_VIOLATIONS)
    log_in(tab, demo_site, "admin")
    broken = {}
    for address in PAGES:
        tab.goto(f"{demo_site}{address}")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("document.title"), address
        found = tab.evaluate("window.__violations")
        if found:
            broken[address] = found
    assert broken == {}


def _screens(tab: Any, name: str, show: Any) -> None:
    """`show(tab, lang)` brings the page up in each language; then `at_both_widths`
    (test-artifacts/account-<name>-<lang>-<width>.png): no sideways scroll, axe clean."""
    for lang in ("nl", "en"):
        show(tab, lang)
        assert tab.locator("html").get_attribute("lang") == lang
        at_both_widths(tab, f"account-{name}-{lang}")


def test_the_password_change_page_reads_well(tab: Any, demo_site: str) -> None:
    log_in(tab, demo_site, "analyst")

    def too_short(tab: Any, lang: str) -> None:
        tab.goto(f"{demo_site}/accounts/password/?lang={lang}")
        tab.fill("input[name=old_password]", PASSWORD)
        tab.fill("input[name=new_password1]", "kort")
        tab.fill("input[name=new_password2]", "kort")
        tab.click("main button[type=submit]")
        assert tab.locator("#error-new_password2").is_visible()  # the validators speak

    _screens(tab, "password", too_short)


def test_the_lockout_page_reads_well(tab: Any, demo_site: str, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 2

    def locked_out(tab: Any, lang: str) -> None:
        for _ in range(3):
            tab.goto(f"{demo_site}/accounts/login/?lang={lang}")
            tab.fill("input[name=username]", "viewer")
            tab.fill("input[name=password]", "wrong password")
            tab.click("main button[type=submit]")
        assert tab.locator("#error-title").is_visible()

    _screens(tab, "locked-out", locked_out)
