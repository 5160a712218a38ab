"""Drafting, approving (the snapshot) and the diff of then against now."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from docx import Document

from clustermonitor.kpis.services import kpi_figure_set
from clustermonitor.questions.models import WrittenQuestion
from clustermonitor.questions.services import question_add
from tests.questions.conftest import SEED, question, shown
from tests.questions.test_own_questions import OTHER_YEARS

pytestmark = pytest.mark.django_db


def test_draft_has_one_section_per_sub_question_with_the_reports_figures(example_db) -> None:
    question("add", str(SEED), "--replace")
    text = question("draft", "228", "--as-of", "2019-03-03")
    headings = [line[len("## Vraag ") :] for line in text.splitlines() if line.startswith("## Vraag ")]

    assert headings == ["1a", "1b", "2", "2a", "2b", "3", "4", "5", "6"]
    assert "Antwoord op schriftelijke vraag nr. 228 van 23 januari 2019" in text
    assert "De effectieve vastleggingen in 2018 bedragen in totaal 63.584.372,21 euro" in text
    assert "[Hier schrijft de analist het antwoord.]" in text  # 1b: prose only
    english = question("draft", "228", "--lang", "en", "--as-of", "2019-03-03")
    assert "EUR 63,584,372.21" in english and "## Question 2a" in english


def test_mapping_and_prose_by_hand(example_db) -> None:
    from clustermonitor.questions.services import prose_set

    question("add", str(SEED), "--replace")
    question("map", "228", "1b", "--report", "project-generation", "--year", "2017")
    stored = WrittenQuestion.objects.get(number=228)
    prose_set(stored, "4", "De projectgeneratie verloopt volgens plan.", actor="test")
    sub = {s["label"]: s for s in shown(228)["subquestions"]}["1b"]

    assert sub["answered_by"] == [{"report": "project-generation", "year": 2017, "cluster": None}]
    assert shown(228)["status"] == "drafting"
    assert "De projectgeneratie verloopt volgens plan." in question("draft", "228")
    with pytest.raises(CommandError, match="needs a year"):
        question("map", "228", "1b", "--report", "kpi-status")
    with pytest.raises(CommandError, match="no sub-question '9z'"):
        question("map", "228", "9z", "--report", "prose")
    several = ("--report", "project-generation", "--report", "pact-resources", "--report", "kpi-status")
    question("map", "228", "4", *several, "--year", "2017", "--year", "2018")
    sub = {s["label"]: s for s in shown(228)["subquestions"]}["4"]
    assert [(m["report"], m["year"]) for m in sub["answered_by"]] == [
        ("project-generation", 2017),
        ("project-generation", 2018),
        ("pact-resources", None),  # a whole-pact report takes no year
        ("kpi-status", 2017),
        ("kpi-status", 2018),
    ]
    with pytest.raises(CommandError, match="covers the whole pact and takes no year"):
        question("map", "228", "3", "--report", "pact-resources", "--year", "2018")


def test_approved_answer_reads_the_same_after_the_data_change(example_db, tmp_path: Path) -> None:
    question_add(OTHER_YEARS, actor="test", replace=True)
    question("approve", "31", "--as-of", "2020-06-30")
    before = question("draft", "31")
    kpi_figure_set(
        what="target", cluster="BLUE", kpi="ADDED_VALUE", year=2019, value=Decimal("1"), actor="test"
    )

    assert question("draft", "31") == before
    diff = json.loads(question("diff", "31", "--format", "json"))
    assert diff["number"] == 31 and diff["as_of"] == "2020-06-30"
    changed = [c for c in diff["changed"] if c["row"] == "BLUE/ADDED_VALUE" and c["measure"] == "target"]
    assert changed and changed[0]["then"] == "539000000.00" and changed[0]["now"] == "1.00"
    assert changed[0]["report"] == "kpi-status" and changed[0]["year"] == 2019
    with pytest.raises(CommandError, match="frozen"):
        question("map", "31", "1", "--report", "prose")
    path = tmp_path / "a.docx"
    question("draft", "31", "--format", "docx", "--output", str(path))
    assert any(p.text == "Vraag 1" for p in Document(str(path)).paragraphs)


def test_question_2_of_228_shows_then_against_now(example_db) -> None:
    question("add", str(SEED), "--replace")
    question("approve", "228", "--as-of", "2019-02-20")  # 2018 was closed on 4 March 2019
    data = shown(228)
    assert data["status"] == "approved" and data["snapshot"]["as_of"] == "2019-02-20"
    changed = json.loads(question("diff", "228"))["changed"]

    status = [c for c in changed if c["report"] == "budget-overview" and c["measure"] == "figures"]
    assert status == [
        {
            "report": "budget-overview",
            "year": 2018,
            "cluster": None,
            "row": None,
            "measure": "figures",
            "then": "provisional",
            "now": "definitive",
        }
    ]
    assert "voorlopige cijfers" in question("draft", "228")
    with pytest.raises(CommandError, match="cannot be approved"):
        question("approve", "228")


def test_list_and_errors(example_db) -> None:
    question("add", str(SEED), "--replace")
    rows = json.loads(question("list", "--format", "json"))
    assert {"number": 228, "status": "received"}.items() <= next(
        r for r in rows if r["number"] == 228
    ).items()
    assert "228" in question("list", "--status", "received")
    with pytest.raises(CommandError, match="no question 999"):
        question("show", "999")
    with pytest.raises(CommandError, match="not approved"):
        question("diff", "228")
    assert date.fromisoformat(rows[0]["deadline"])


def test_a_sent_answer_keeps_its_date_and_its_figures(example_db) -> None:
    from clustermonitor.questions.services import QuestionError, status_set

    question_add(OTHER_YEARS, actor="test", replace=True)
    question("approve", "31", "--as-of", "2020-06-30")
    stored = WrittenQuestion.objects.get(number=31)
    with pytest.raises(QuestionError, match="before its question was asked"):
        status_set(stored, "sent", sent_on=date(2000, 1, 1), actor="test")
    status_set(WrittenQuestion.objects.get(number=31), "sent", sent_on=date(2020, 7, 2), actor="test")
    before = question("draft", "31")
    kpi_figure_set(
        what="target", cluster="BLUE", kpi="ADDED_VALUE", year=2019, value=Decimal("2"), actor="test"
    )

    data = shown(31)
    assert data["status"] == "sent" and data["snapshot"]["sent_on"] == "2020-07-02"
    assert question("draft", "31") == before  # sent: still from the snapshot, byte for byte
    with pytest.raises(CommandError, match="frozen"):
        question("map", "31", "1", "--report", "prose")
    with pytest.raises(QuestionError, match="was sent: a sent answer is kept"):
        question_add(OTHER_YEARS, actor="test", replace=True)
    reasons = [row.history_change_reason for row in WrittenQuestion.history.filter(number=31)]
    assert "sent by test" in reasons


def test_send_and_assign_on_the_command_line(example_db) -> None:
    from django.contrib.auth.models import Group, User

    question("add", str(SEED), "--replace")
    with pytest.raises(CommandError, match="cannot go from received to sent"):
        question("send", "228")
    question("approve", "228", "--as-of", "2019-02-20")
    assert question("send", "228", "--on", "2019-02-25") == "question 228 sent on 2019-02-25\n"
    assert shown(228)["snapshot"]["sent_on"] == "2019-02-25"
    ann = User.objects.create_user("ann")
    with pytest.raises(CommandError, match="ann is not an analyst or admin"):
        question("assign", "228", "ann")
    ann.groups.add(Group.objects.get_or_create(name="analyst")[0])
    assert "assigned to ann" in question("assign", "228", "ann")
    assert WrittenQuestion.objects.get(number=228).assignee == ann
    question("assign", "228", "none")
    assert WrittenQuestion.objects.get(number=228).assignee is None


def test_approving_freezes_exactly_what_the_draft_showed(example_db) -> None:
    """On PostgreSQL too: the snapshot keeps the reports' JSON as text, so objects keyed by
    code (the instruments 228's 1a lists) keep their order (jsonb would sort the keys)."""
    question("add", str(SEED), "--replace")
    drafted = question("draft", "228", "--as-of", "2019-02-20", "--lang", "en")
    question("approve", "228", "--as-of", "2019-02-20")

    assert question("draft", "228", "--lang", "en") == drafted
    assert "EFRO, FIT, FWO, H2020, INTERCLUSTER" in drafted
