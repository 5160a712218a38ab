"""The seed: question 228 (2019) with its official answer, taken in from docs/."""

import pytest
from django.core.management.base import CommandError

from tests.questions.conftest import SEED, question, shown

pytestmark = pytest.mark.django_db


def answered(sub: dict) -> list[tuple]:
    return [(m["report"], m["year"], m["cluster"]) for m in sub["answered_by"]]


def test_seed_is_taken_in_with_its_header_and_nine_sub_questions(example_db) -> None:
    question("add", str(SEED))
    data = shown(228)

    assert (data["number"], data["session"], data["date"]) == (228, "2018-2019", "2019-01-23")
    assert data["asker"] == "Daniëlle Vanwesenbeeck"
    assert data["title"] == "Innovatieve bedrijfsnetwerken en speerpuntclusters - Budgetten (2)"
    assert data["status"] == "received" and data["snapshot"] is None
    assert data["refers_to"] == [{"number": 89, "date": "2018-12-05"}]
    labels = [sub["label"] for sub in data["subquestions"]]
    assert labels == ["1a", "1b", "2", "2a", "2b", "3", "4", "5", "6"]
    parents = {sub["label"]: sub["parent"] for sub in data["subquestions"]}
    assert parents["1a"] == "1" and parents["2b"] == "2" and parents["3"] is None


def test_each_seed_sub_question_is_mapped_as_its_answer_needs(example_db) -> None:
    question("add", str(SEED), "--replace")
    subs = {sub["label"]: sub for sub in shown(228)["subquestions"]}

    assert answered(subs["1a"]) == [("additional-resources", 2017, None)]  # "in 2017" in item 1
    assert answered(subs["1b"]) == []  # "Waarom …": prose
    assert answered(subs["2"]) == [("budget-overview", 2018, None)]  # full-year figures?
    assert answered(subs["2a"]) == [("budget-overview", 2018, None)]
    assert answered(subs["2b"]) == [("cluster-overview", 2018, None)]
    assert answered(subs["3"]) == [("pact-resources", None, None)]
    assert answered(subs["4"]) == [("project-generation", 2018, None), ("kpi-status", 2018, None)]
    assert answered(subs["5"]) == [("project-generation", 2018, "VIL")]
    assert answered(subs["6"]) == [("kpi-status", 2018, None)]
    assert "vastleggingen" in subs["2a"]["matched"] and "2018" in subs["2a"]["matched"]
    assert "VIL" in subs["5"]["matched"]


def test_bullet_dashes_stay_inside_their_sub_question(example_db) -> None:
    question("add", str(SEED), "--replace")
    subs = {sub["label"]: sub for sub in shown(228)["subquestions"]}

    assert subs["2a"]["text"].count("\n- ") == 3
    assert "- andere publieke middelen" in subs["2b"]["text"]
    assert "clusterwerking en projectmiddelen" in subs["2b"]["text"]  # across the page break


def test_the_official_answer_is_kept(example_db) -> None:
    from clustermonitor.questions.models import WrittenQuestion

    question("add", str(SEED), "--replace")
    stored = WrittenQuestion.objects.get(number=228)
    assert stored.official_answer.startswith("ANTWOORD")
    assert "Het gaat hierbij om definitieve cijfers voor 2018" in stored.official_answer
    assert stored.addressee.startswith("Philippe Muyters")
    assert "ANTWOORD" not in stored.subquestions.get(label="6").text


def test_a_number_taken_twice_is_refused_without_replace(example_db) -> None:
    question("add", str(SEED), "--replace")
    with pytest.raises(CommandError, match=r"already exists: replace it \(--replace\)"):
        question("add", str(SEED))
