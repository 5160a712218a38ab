"""What every browser test shares (the fixtures themselves are in tests/web/conftest.py):
where Chromium is, where screenshots go, logging in, axe-core's WCAG 2.1 A/AA check and
the sideways-scroll check, and `screens`, which takes a page at 1440 and 390 px in Dutch
and English and checks both at each width.

Without /usr/bin/chromium the browser tests skip, saying so, unless REQUIRE_BROWSER=1
(CI), where they fail instead: a browser test module calls `require_browser()` first."""

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD

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
WIDTHS = (1440, 390)
LANGUAGES = ("nl", "en")
WCAG = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']"
AXE_RUN = f"async () => (await axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG}}}}})).violations"
SCROLL = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def require_browser() -> None:
    """Skip (or, with REQUIRE_BROWSER=1, fail) the calling test module without Chromium."""
    if CHROMIUM.exists():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: install chromium", pytrace=False)
    pytest.skip(
        f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)", allow_module_level=True
    )


def axe_script() -> Path:
    axe_package = pytest.importorskip("axe_playwright_python")
    return Path(str(axe_package.__file__)).parent / "axe.min.js"


def violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (the browser context
    bypasses the page's CSP so the script can be injected)."""
    page.add_script_tag(path=str(axe_script()))
    found = page.evaluate(AXE_RUN)
    return [f"{v['id']}: {json.dumps([n['target'] for n in v['nodes']][:3])}" for v in found]


def sideways(page: Any) -> int:
    """How many pixels the page is wider than the window (0: no sideways scroll)."""
    scroll, window = page.evaluate(SCROLL)
    return max(0, int(scroll) - int(window))


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


def with_lang(url: str, lang: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


def problems(page: Any, name: str, more: Callable[[Any], list[str]] | None = None) -> list[str]:
    """The page as it is now (also after a form was sent), at 1440 and at 390 px: a
    screenshot of each (test-artifacts/<name>-<width>.png) and what is wrong at each: a
    sideways scroll of the page (wide tables scroll in their own box), axe violations and
    what `more(page)` finds; back at 1440 px after."""
    found: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        shot(page, f"{name}-{width}")
        found += [f"{name} at {width}: {v}" for v in violations(page)]
        if wider := sideways(page):
            found.append(f"{name} at {width}: {wider} px wider than the window")
        found += [f"{name} at {width}: {problem}" for problem in (more(page) if more else [])]
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return found


def at_both_widths(page: Any, name: str) -> None:
    """`problems` at both widths: none."""
    found = problems(page, name)
    assert not found, "\n".join(found)


def screens(page: Any, url: str, name: str, before_shot: Callable[[Any], None] | None = None) -> None:
    """The page in Dutch and English (`?lang=`), each `at_both_widths`
    (test-artifacts/<name>-<lang>-<width>.png); left at 1440 px in Dutch."""
    for lang in LANGUAGES:
        page.goto(with_lang(url, lang))
        assert page.locator("html").get_attribute("lang") == lang, (name, lang)
        if before_shot:
            before_shot(page)
        at_both_widths(page, f"{name}-{lang}")
    page.goto(with_lang(url, "nl"))
