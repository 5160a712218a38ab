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
    assert "termijn verstreken" in page  # 2019's deadline is long past
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
    several = {"report": ["project-generation", "kpi-status"], "years": "2017, 2018", "cluster": "VIL"}
    assert analyst.post(f"{PAGE}5/map/", several).status_code == 302
    assert [(m.report, m.year, m.cluster) for m in stored.subquestions.get(label="5").mappings.all()] == [
        ("project-generation", 2017, "VIL"),
        ("project-generation", 2018, "VIL"),
        ("kpi-status", 2017, "VIL"),
        ("kpi-status", 2018, "VIL"),
    ]
    form = analyst.get(f"{PAGE}5/map/").content.decode()
    for shown in ('value="project-generation" selected', 'value="kpi-status" selected', 'value="2017 2018"'):
        assert shown in form  # the form shows the mapping
    refused = analyst.post(f"{PAGE}1b/map/?lang=en", {"report": "kpi-status", "years": ""}).content.decode()
    assert 'id="error-years"' in refused and "KPI status needs a year" in refused  # beside its field
    refused = analyst.post(f"{PAGE}1b/map/?lang=nl", {"report": "kpi-status", "years": "18"}).content.decode()
    assert 'id="error-years"' in refused and "jaartallen van vier cijfers" in refused
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


NO_NUMBER = "Titel\n\n1. Hoeveel projecten zijn er?\n\n2. Welke clusters?\n"  # no number, no date


def test_bad_input_is_shown_and_nothing_stored(clients: dict[str | None, Client]) -> None:
    response = clients["analyst"].post("/questions/new/", {"text": "Geen vraag, geen nummer."})
    assert response.status_code == 400 and "geen genummerde deelvragen" in response.content.decode()
    response = clients["analyst"].post("/questions/new/?lang=en", {"text": "Geen vraag, geen nummer."})
    assert response.status_code == 400 and "no numbered sub-questions" in response.content.decode()
    response = clients["analyst"].post("/questions/new/?lang=nl", {"text": NO_NUMBER})
    assert "de tekst noemt geen vraagnummer" in response.content.decode()
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


def test_the_page_names_reports_and_clusters_in_its_language(seeded: dict[str | None, Client]) -> None:
    dutch = seeded["viewer"].get(PAGE).content.decode()
    english = seeded["viewer"].get(f"{PAGE}?lang=en").content.decode()
    assert (
        "<strong>Budgetoverzicht</strong> 2018" in dutch
        and "<strong>Budget overview</strong> 2018" in english
    )
    assert "Vlaams Instituut voor de Logistiek" in dutch.split('id="sub-5"')[1].split("</section>")[0]
    assert "<strong>budget-overview</strong>" not in dutch


def test_assign_a_question_with_its_history(seeded: dict[str | None, Client]) -> None:
    analyst = seeded["analyst"]
    form = analyst.get(f"{PAGE}assign/").content.decode()
    assert 'name="assignee"' in form and ">viewer<" not in form  # analysts and admins only
    done = analyst.post(f"{PAGE}assign/", {"assignee": "admin"})
    assert done.status_code == 302 and done["Location"] == PAGE
    assert WrittenQuestion.objects.get(number=228).assignee.username == "admin"
    assert "<td>admin</td>" in analyst.get("/questions/").content.decode()  # the register says who
    page = analyst.get(PAGE).content.decode()
    assert "toegewezen aan admin door analyst" in page.split('id="question-history"')[1]
    refused = analyst.post(f"{PAGE}assign/", {"assignee": "viewer"}).content.decode()
    assert 'id="error-assignee"' in refused
    assert WrittenQuestion.objects.get(number=228).assignee.username == "admin"
    assert analyst.post(f"{PAGE}assign/", {"assignee": ""}).status_code == 302
    assert WrittenQuestion.objects.get(number=228).assignee is None
    for role in ("viewer", "cluster"):
        assert seeded[role].post(f"{PAGE}assign/", {"assignee": role}).status_code == 403


def test_mark_sent_records_the_day_and_keeps_the_answer(seeded: dict[str | None, Client]) -> None:
    analyst = seeded["analyst"]
    refused = analyst.post(f"{PAGE}status/", {"status": "sent", "sent_on": "2019-03-01"}).content.decode()
    assert 'id="error-status"' in refused  # not approved yet
    analyst.post(f"{PAGE}approve/", {"as_of": "2019-02-20"})
    before = analyst.get(f"{PAGE}answer.md?lang=nl").content
    done = analyst.post(f"{PAGE}status/", {"status": "sent", "sent_on": "2019-03-01"})
    assert done.status_code == 302
    stored = WrittenQuestion.objects.get(number=228)
    assert (stored.status, stored.sent_on.isoformat()) == ("sent", "2019-03-01")
    page = analyst.get(f"{PAGE}?lang=en").content.decode()
    assert '<dd id="question-sent-on">2019-03-01</dd>' in page and "Approved answer (frozen)" in page
    assert "sent by analyst" in page.split('id="question-history"')[1]
    assert analyst.get(f"{PAGE}answer.md?lang=nl").content == before
    assert 'id="p-4"' not in page  # no more prose once sent


def test_bullet_dashes_keep_their_lines_in_md_and_pdf(seeded: dict[str | None, Client]) -> None:
    from pdfminer.high_level import extract_text

    md = seeded["viewer"].get(f"{PAGE}answer.md").content.decode()
    assert (
        "*de effectieve vastleggingen in 2018 op het budget voor het clusterbeleid:*\n\n"
        "- *de totale middelen voor het clusterbeleid;*\n"
        "- *het onderscheid tussen speerpuntclusters en IBN;*\n"
    ) in md
    pdf = seeded["viewer"].get(f"{PAGE}answer.pdf").content
    lines = [line.strip() for line in extract_text(io.BytesIO(pdf)).splitlines()]
    assert "- de totale middelen voor het clusterbeleid;" in lines
    assert "- het onderscheid tussen speerpuntclusters en IBN;" in lines


def test_search_is_stemmed_dutch_on_postgresql(seeded: dict[str | None, Client]) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's Dutch full-text search; SQLite matches words as substrings")
    found = seeded["viewer"].get("/questions/?q=overzichten").content.decode()  # the text says "overzicht"
    assert "Budgetten (2)" in found


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_take_a_question_in_by_uploading_a_file(clients: dict[str | None, Client], kind: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.html import escape

    from clustermonitor.reports.renderers.as_html import html_to_pdf

    text = SEED.read_text(encoding="utf-8")
    if kind == "docx":
        document, out = Document(), io.BytesIO()
        for line in text.splitlines():
            document.add_paragraph(line)
        document.save(out)
        data = out.getvalue()
    else:
        data = html_to_pdf(f"<html><body><pre>{escape(text)}</pre></body></html>")
    upload = SimpleUploadedFile(f"vraag-228.{kind}", data)
    response = clients["analyst"].post("/questions/new/", {"file": upload, "text": ""})
    assert response.status_code == 302 and response["Location"] == PAGE
    labels = list(WrittenQuestion.objects.get(number=228).subquestions.values_list("label", flat=True))
    assert labels == ["1a", "1b", "2", "2a", "2b", "3", "4", "5", "6"]
    damaged = SimpleUploadedFile(f"kapot.{kind}", b"not a document")
    refused = clients["analyst"].post("/questions/new/", {"file": damaged})
    assert refused.status_code == 400 and f"kapot.{kind}: kan niet gelezen worden" in refused.content.decode()
