"""Questions written in 228's style, mapped as a reader would map them."""

from datetime import date
from pathlib import Path

import pytest

from clustermonitor.questions.services import question_add, session_of
from tests.questions.conftest import SEED, question, shown

pytestmark = pytest.mark.django_db

OTHER_YEARS = """Clusterbeleid - Vastleggingen 2019

Schriftelijke vraag nr. 31 van 14 oktober 2019 van Jan Peeters

Graag had ik een stand van zaken gekregen over het clusterbeleid.

1. Hoeveel bedragen de effectieve vastleggingen in 2019 op het budget voor het clusterbeleid?

2. Welke KPI worden door de speerpuntclusters in 2019 gehaald en welke niet?
"""

ONE_CLUSTER = """De Blauwe Cluster

Schriftelijke vraag nr. 44 van 5 november 2019 van An Jacobs

Mijn vraag betreft De Blauwe Cluster.

1. Hoeveel projectaanvragen werden in 2019 ingediend en hoeveel werden goedgekeurd?

2. Hoe evalueert de minister de samenwerking met de andere clusters?
"""

SEVERAL_YEARS = """Clusterbeleid - Evolutie

Schriftelijke vraag nr. 52 van 20 november 2019 van Piet Claes

1. Kan de minister de effectieve vastleggingen voor de jaren 2016, 2017 en 2018 geven?

2. Welke bijkomende middelen werden in 2017-2018 verkregen?
"""

FOLLOW_UP = """Clusterbeleid - Budgetten (3)

Schriftelijke vraag nr. 301 van 20 februari 2019 van Daniëlle Vanwesenbeeck

In zijn antwoord op mijn schriftelijke vraag nr. 228 van 23 januari 2019 gaf de minister de
vastleggingen voor 2018.

1. Zijn de vastleggingen voor 2018 intussen definitief?
"""


def answered(number: int) -> dict[str, list[tuple]]:
    return {
        sub["label"]: [(m["report"], m["year"], m["cluster"]) for m in sub["answered_by"]]
        for sub in shown(number)["subquestions"]
    }


def test_other_years(example_db) -> None:
    question_add(OTHER_YEARS, actor="test")
    assert answered(31) == {"1": [("budget-overview", 2019, None)], "2": [("kpi-status", 2019, None)]}
    assert shown(31)["session"] == "2019-2020"
    assert shown(31)["asker"] == "Jan Peeters"


def test_one_cluster_by_its_full_name_applies_to_every_sub_question(example_db) -> None:
    question_add(ONE_CLUSTER, actor="test")
    mapped = answered(44)
    assert mapped["1"] == [("cluster-overview", 2019, "BLUE")]
    assert mapped["2"] == []  # prose; the cluster-overview of BLUE offered as support
    assert "De Blauwe Cluster" in shown(44)["subquestions"][0]["matched"]


def test_several_years_give_one_entry_per_year(example_db) -> None:
    question_add(SEVERAL_YEARS, actor="test")
    mapped = answered(52)
    assert mapped["1"] == [("budget-overview", year, None) for year in (2016, 2017, 2018)]
    assert mapped["2"] == [("additional-resources", year, None) for year in (2017, 2018)]


def test_a_follow_up_is_linked_to_the_question_it_names(example_db) -> None:
    from clustermonitor.questions.selectors import earlier, question_find

    question("add", str(SEED), "--replace")
    question_add(FOLLOW_UP, actor="test")
    assert shown(301)["refers_to"] == [{"number": 228, "date": "2019-01-23"}]
    assert [q.number for q in earlier(question_find(301))] == [228]
    assert answered(301) == {"1": [("budget-overview", 2018, None)]}


def test_options_override_the_text_and_files_of_each_kind_are_read(example_db, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in OTHER_YEARS.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "vraag.docx"
    document.save(str(path))
    question("add", str(path), "--number", "32", "--asker", "Els Wouters", "--date", "2019-10-15")
    data = shown(32)
    assert (data["asker"], data["date"]) == ("Els Wouters", "2019-10-15")
    assert [s["label"] for s in data["subquestions"]] == ["1", "2"]


def test_sessions_open_on_the_fourth_monday_of_september() -> None:
    assert session_of(date(2019, 1, 23)) == "2018-2019"
    assert session_of(date(2019, 9, 22)) == "2018-2019"
    assert session_of(date(2019, 9, 23)) == "2019-2020"
