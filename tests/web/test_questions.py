"""Written questions on the web (Django's test client; the browser flow is in
test_questions_browser.py): register, take in, map, prose, approve, downloads, diff."""

import io
from pathlib import Path

import pytest
from django.test import Client
from docx import Document

from clustermonitor.questions.models import WrittenQuestion

pytestmark = pytest.mark.django_db
SEED = Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt"
PAGE = "/questions/2018-2019/228/"


@pytest.fixture
def seeded(clients: dict[str | None, Client]) -> dict[str | None, Client]:
    response = clients["analyst"].post("/questions/new/", {"text": SEED.read_text(encoding="utf-8")})
    assert response.status_code == 302 and response["Location"] == PAGE
    return clients


def test_register_lists_filters_and_searches(seeded: dict[str | None, Client]) -> None:
    viewer = seeded["viewer"]
    page = viewer.get("/questions/").content.decode()
    assert "Budgetten (2)" in page and "Daniëlle Vanwesenbeeck" in page and "2018-2019" in page
    assert (
        "Budgetten (2)"
        in viewer.get("/questions/?q=vastleggingen&status=received&order=deadline").content.decode()
    )
    assert "Budgetten (2)" not in viewer.get("/questions/?q=zeppelin").content.decode()
    assert "Budgetten (2)" not in viewer.get("/questions/?status=sent").content.decode()
    assert viewer.get("/questions/?status=lost").status_code == 404
    assert viewer.get("/questions/?order=colour").status_code == 404


def test_question_page_shows_sub_questions_mappings_and_the_draft(seeded: dict[str | None, Client]) -> None:
    page = seeded["cluster"].get(PAGE).content.decode()
    for label in ("1a", "1b", "2", "2a", "2b", "3", "4", "5", "6"):
        assert f'id="sub-{label}"' in page
    assert "<mark>vastleggingen</mark>" in page
    assert 'id="answer-2a"' in page
    assert "Correct the mapping" not in page and "Corrigeer" not in page  # read only for a cluster manager


def test_correct_a_mapping_write_prose_approve_and_download(seeded: dict[str | None, Client]) -> None:
    analyst = seeded["analyst"]
    analyst.post(f"{PAGE}1b/map/", {"report": "additional-resources", "years": "2017", "cluster": ""})
    analyst.post(f"{PAGE}4/prose/", {"prose": "De projectgeneratie ligt op schema."})
    stored = WrittenQuestion.objects.get(number=228)
    assert [(m.report, m.year) for m in stored.subquestions.get(label="1b").mappings.all()] == [
        ("additional-resources", 2017)
    ]
    assert stored.status == "drafting"
    refused = analyst.post(f"{PAGE}1b/map/", {"report": "kpi-status", "years": ""}, follow=True)
    assert "needs a year" in refused.content.decode()
    assert seeded["viewer"].post(f"{PAGE}4/prose/", {"prose": "x"}).status_code == 403

    analyst.post(f"{PAGE}approve/", {"as_of": "2019-02-20"})
    stored.refresh_from_db()
    assert stored.status == "approved"
    page = analyst.get(PAGE).content.decode()
    assert 'id="diff-table"' in page and "provisional" in page and "definitive" in page
    docx = analyst.get(f"{PAGE}answer.docx?lang=nl")
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith('.docx"')
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "De projectgeneratie ligt op schema." in text and "Vraag 2a" in text
    md = analyst.get(f"{PAGE}answer.md?lang=en").content.decode()
    assert "## Question 2a" in md
    assert analyst.get(f"{PAGE}answer.exe").status_code == 404


def test_bad_input_is_shown_and_nothing_stored(clients: dict[str | None, Client]) -> None:
    response = clients["analyst"].post("/questions/new/", {"text": "Geen vraag, geen nummer."})
    assert response.status_code == 400 and "no numbered sub-questions" in response.content.decode()
    response = clients["analyst"].post("/questions/new/", {"text": SEED.read_text(), "date": "23-01-2019"})
    assert response.status_code == 400
    assert not WrittenQuestion.objects.exists()


def test_the_answer_page_for_a_year_and_its_downloads(clients: dict[str | None, Client]) -> None:
    viewer = clients["viewer"]
    page = viewer.get("/answer/?year=2018&lang=en").content.decode()
    assert "Question 2a" in page and 'href="/answer/?year=2018&amp;lang=en&amp;format=docx"' in page
    pdf = viewer.get("/answer/?year=2018&format=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert viewer.get("/answer/?year=2018&format=exe").status_code == 404
