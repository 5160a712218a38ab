"""Written questions in a real headless Chromium, in Dutch and English: paste a question,
correct a mapping, write prose, approve, download the docx, see the diff, assign it, mark
it sent. Screenshots of the pages at 1440 and 390 px in both languages (every folded form
opened) go to test-artifacts/; at both widths no sideways scroll and no axe-core WCAG 2.1
A/AA violation (tests/web/browsing.py)."""

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from clustermonitor.datasets.services import dataset_import
from tests.web.browsing import log_in, require_browser, screens
from tests.web.conftest import make_users

require_browser()
pytestmark = pytest.mark.slow
EXAMPLE = Path(__file__).parents[1] / "fixtures" / "flanders-small"
SEED = Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt"
PAGE = "/questions/2018-2019/228/"


def open_folds(tab: Any) -> None:
    tab.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def question_screens(tab: Any, url: str, name: str) -> None:
    screens(tab, url, name, before_shot=open_folds)


@pytest.fixture
def site(transactional_db: None, live_server: Any) -> str:
    dataset_import(EXAMPLE)
    make_users("VIL")
    return str(live_server.url)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_paste_map_write_approve_download_and_diff(tab: Any, site: str, lang: str) -> None:
    log_in(tab, site, "analyst")
    tab.goto(f"{site}/questions/new/?lang={lang}")
    tab.fill("#q-text", SEED.read_text(encoding="utf-8"))
    tab.click("#q-submit")
    tab.wait_for_load_state()
    assert tab.url.endswith(PAGE)
    assert tab.locator("#sub-2a mark", has_text="vastleggingen").count() == 1

    tab.click("#sub-1b summary")
    tab.check("#r-1b input[value=additional-resources]")
    tab.fill("#y-1b", "2017")
    tab.click("#sub-1b form.pickers button")
    tab.wait_for_load_state()
    mapped = tab.locator("#sub-1b").inner_text()  # the report by its name in the page's language
    assert {"nl": "Bijkomende middelen 2017", "en": "Additional resources 2017"}[lang] in mapped

    tab.fill("#p-4", "De projectgeneratie ligt op schema.")
    tab.click("#sub-4 form.entry button")
    tab.wait_for_load_state()
    assert "De projectgeneratie ligt op schema." in tab.locator("#answer-4").inner_text()

    tab.fill("#approve-as-of", "2019-02-20")
    tab.click("#approve")
    tab.wait_for_load_state()
    assert tab.locator("#question-status").inner_text() in ("goedgekeurd", "approved")
    with tab.expect_download() as download:
        tab.click("#download-docx")
    document = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert "De projectgeneratie ligt op schema." in "\n".join(p.text for p in document.paragraphs)
    diff = tab.locator("#diff-table").inner_text()
    assert "provisional" in diff and "definitive" in diff

    tab.select_option("#assignee", "admin")
    tab.click("#assign")
    tab.wait_for_load_state()
    assert tab.locator("#question-assignee").inner_text() == "admin"
    tab.fill("#sent-on", "2019-02-25")
    tab.click("#mark-sent")
    tab.wait_for_load_state()
    assert tab.locator("#question-status").inner_text() in ("verzonden", "sent")
    assert tab.locator("#question-sent-on").inner_text() == "2019-02-25"
    assert tab.locator("#question-history li").count() >= 5
    if lang == "nl":
        question_screens(tab, f"{site}{PAGE}", "question-sent")
        question_screens(tab, f"{site}{PAGE}assign/", "question-assign")


def test_screens_of_the_register_the_intake_and_the_answer_page(tab: Any, site: str) -> None:
    from clustermonitor.questions.services import question_add

    question_add(SEED.read_text(encoding="utf-8"), actor="test")
    log_in(tab, site, "analyst")
    screens(tab, f"{site}/questions/", "questions")
    screens(tab, f"{site}/questions/new/", "question-new")
    question_screens(tab, f"{site}{PAGE}", "question")
    screens(tab, f"{site}{PAGE}4/map/", "question-map")
    screens(tab, f"{site}/answer/?year=2018", "answer")
