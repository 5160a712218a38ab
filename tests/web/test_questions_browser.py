"""Written questions in a real headless Chromium, in Dutch and English: paste a question,
correct a mapping, write prose, approve, download the docx, see the diff, assign it, mark
it sent. Screenshots of the pages at 1440 and 390 px in both languages go to
test-artifacts/; axe-core finds no WCAG 2.1 A/AA violation on them."""

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from clustermonitor.datasets.services import dataset_import
from tests.web.conftest import make_users
from tests.web.test_browser import ARTIFACTS, browser, log_in  # noqa: F401 (the browser fixture)
from tests.web.test_browser_glance import violations

pytestmark = pytest.mark.slow
EXAMPLE = Path(__file__).parents[1] / "fixtures" / "flanders-small"
SEED = Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt"
PAGE = "/questions/2018-2019/228/"


@pytest.fixture
def site(transactional_db: None, live_server: Any, settings: Any) -> str:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    dataset_import(EXAMPLE)
    make_users("VIL")
    return str(live_server.url)


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:  # noqa: F811 (the fixture imported above)
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, accept_downloads=True, bypass_csp=True
    )
    context.set_default_timeout(180_000)  # long pages on a busy machine
    tab = context.new_page()
    yield tab
    tab.goto("about:blank")
    context.close()


def screens(page: Any, url: str, name: str) -> None:
    """Screenshots at 1440 and 390 px in nl and en, every folded form opened; no sideways
    scroll at 1440; axe clean."""
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in ("nl", "en"):
        for width in (1440, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{url}{'&' if '?' in url else '?'}lang={lang}")
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{lang}-{width}.png"), full_page=True)
            if width == 1440:
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
                assert violations(page) == [], (name, lang)
    page.set_viewport_size({"width": 1440, "height": 900})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_paste_map_write_approve_download_and_diff(page: Any, site: str, lang: str) -> None:
    log_in(page, site, "analyst")
    page.goto(f"{site}/questions/new/?lang={lang}")
    page.fill("#q-text", SEED.read_text(encoding="utf-8"))
    page.click("#q-submit")
    page.wait_for_load_state()
    assert page.url.endswith(PAGE)
    assert page.locator("#sub-2a mark", has_text="vastleggingen").count() == 1

    page.click("#sub-1b summary")
    page.check("#r-1b input[value=additional-resources]")
    page.fill("#y-1b", "2017")
    page.click("#sub-1b form.pickers button")
    page.wait_for_load_state()
    mapped = page.locator("#sub-1b").inner_text()  # the report by its name in the page's language
    assert {"nl": "Bijkomende middelen 2017", "en": "Additional resources 2017"}[lang] in mapped

    page.fill("#p-4", "De projectgeneratie ligt op schema.")
    page.click("#sub-4 form.entry button")
    page.wait_for_load_state()
    assert "De projectgeneratie ligt op schema." in page.locator("#answer-4").inner_text()

    page.fill("#approve-as-of", "2019-02-20")
    page.click("#approve")
    page.wait_for_load_state()
    assert page.locator("#question-status").inner_text() in ("goedgekeurd", "approved")
    with page.expect_download() as download:
        page.click("#download-docx")
    document = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert "De projectgeneratie ligt op schema." in "\n".join(p.text for p in document.paragraphs)
    diff = page.locator("#diff-table").inner_text()
    assert "provisional" in diff and "definitive" in diff

    page.select_option("#assignee", "admin")
    page.click("#assign")
    page.wait_for_load_state()
    assert page.locator("#question-assignee").inner_text() == "admin"
    page.fill("#sent-on", "2019-02-25")
    page.click("#mark-sent")
    page.wait_for_load_state()
    assert page.locator("#question-status").inner_text() in ("verzonden", "sent")
    assert page.locator("#question-sent-on").inner_text() == "2019-02-25"
    assert page.locator("#question-history li").count() >= 5
    if lang == "nl":
        screens(page, f"{site}{PAGE}", "question-sent")
        screens(page, f"{site}{PAGE}assign/", "question-assign")


def test_screens_of_the_register_the_intake_and_the_answer_page(page: Any, site: str) -> None:
    from clustermonitor.questions.services import question_add

    question_add(SEED.read_text(encoding="utf-8"), actor="test")
    log_in(page, site, "analyst")
    screens(page, f"{site}/questions/", "questions")
    screens(page, f"{site}/questions/new/", "question-new")
    screens(page, f"{site}{PAGE}", "question")
    screens(page, f"{site}{PAGE}4/map/", "question-map")
    screens(page, f"{site}/answer/?year=2018", "answer")
