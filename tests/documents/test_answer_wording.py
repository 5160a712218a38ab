"""The drafted answer's sentences agree with their counts and say nothing misleading when a
figure is zero: one project is "1 project" (not "1 projecten"), one KPI met is "1 was met"
(not "1 were met"), a year with nothing yet says so instead of stating "0,00 euro".

Scenarios on the reports' tiny world (tests/reports/conftest.py) at dates where it holds
one project, or nothing yet; the KPI sentence, which that world has no data for, from
counts directly."""

import datetime
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import translation

from clustermonitor.reports.answer.data import answer_build
from clustermonitor.reports.answer.sentences import Draft
from clustermonitor.reports.answer.sentences_projects import _kpi_sentence
from clustermonitor.reports.answer.wording import listed, number, number_word, when_none
from tests.reports.conftest import World, world  # noqa: F401

day = datetime.date
ZERO_AMOUNT = re.compile(r"(?<![0-9.,])0[,.]00( euro)?(?![0-9])|EUR 0\.00")


def paragraphs(year: int, as_of: datetime.date | None, lang: str) -> dict[str, str]:
    answer = answer_build(year=year, as_of=as_of, lang=lang, today=day(2019, 3, 3))
    return {section.number: " ".join(section.paragraphs) for section in answer.sections}


@pytest.mark.django_db
def test_one_project_is_singular_in_dutch(world: World) -> None:  # noqa: F811
    text = paragraphs(2018, day(2018, 3, 1), "nl")  # V5 (EFRO) and V1 (earmarked) approved by then

    assert text["1"].startswith(
        "In 2018 werd 1 project goedgekeurd dat via een ander steuninstrument dan het geoormerkte "
        "projectbudget gefinancierd wordt. De totale projectkost bedraagt 300.000,00 euro; de toegekende "
        "steun bedraagt 100.000,00 euro."
    )
    assert "Dit project wordt niet gesteund op de geoormerkte middelen" in text["1"]
    assert text["1"].endswith("Het project loopt via EFRO.")
    assert (
        "Er werden 3 projectaanvragen binnen het projectbudget ingediend; 1 project werd goedgekeurd"
        in text["2b"]
    )
    assert "Er werd 1 project binnen het geoormerkte budget goedgekeurd" in text["4"]
    assert "Voor VIL werd in 2018 binnen het geoormerkte projectbudget 1 project goedgekeurd" in text["5"]
    assert "1 projecten" not in " ".join(text.values())


@pytest.mark.django_db
def test_one_project_is_singular_in_english(world: World) -> None:  # noqa: F811
    text = paragraphs(2018, day(2018, 3, 1), "en")

    assert text["1"].startswith(
        "In 2018, 1 project funded through a support instrument other than the earmarked project budget "
        "was approved. Its total project cost is EUR 300,000.00"
    )
    assert text["1"].endswith("The project runs through EFRO.")
    assert (
        "Within the project budget, 3 project applications were submitted; 1 project was approved"
        in text["2b"]
    )
    assert "Within the earmarked budget, 1 project was approved" in text["4"]
    assert "1 projects" not in " ".join(text.values())


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_before_any_commitment_no_sentence_states_a_zero_amount(world: World, lang: str) -> None:  # noqa: F811
    text = paragraphs(2018, day(2018, 1, 1), lang)  # budgets known, nothing booked or decided yet
    sentences = {part: text[part] for part in ("1", "2a", "4", "5")}

    assert not [n for n, sentence in sentences.items() if ZERO_AMOUNT.search(sentence)], sentences
    if lang == "nl":
        assert text["1"] == "In 2018 werden geen projecten via andere steuninstrumenten goedgekeurd."
        assert text["2a"].endswith(
            "Op het budget van 11.200.000,00 euro voor 2018 werden nog geen vastleggingen geboekt."
        )
        assert (
            "Er werden geen projectaanvragen binnen het projectbudget ingediend; er werden geen projecten goedgekeurd."
            in text["2b"]
        )
        assert (
            "Van de niet-toegewezen projectmiddelen (10.000.000,00 euro) werd niets opgenomen." in text["2b"]
        )
        assert (
            "Voor 2018 zijn geen andere publieke middelen van de speerpuntclusters geregistreerd."
            in text["2b"]
        )
        assert text["4"].startswith("In 2018 werden geen geoormerkte middelen benut")
        assert text["5"].endswith(
            "Aan VIL werden voor 2018 geen projectmiddelen toegewezen en er werd niets vastgelegd."
        )
    else:
        assert text["2a"].endswith(
            "No commitments have been booked yet on the budget of EUR 11,200,000.00 for 2018."
        )
        assert "no project applications were submitted; no projects were approved." in text["2b"]
        assert "None of the unallocated project resources (EUR 10,000,000.00) was drawn." in text["2b"]


@pytest.mark.django_db
def test_an_open_year_without_data_says_so(world: World) -> None:  # noqa: F811
    text = paragraphs(2019, None, "nl")

    assert text["2a"] == (
        "Het gaat om voorlopige cijfers: het jaar 2019 is nog niet afgesloten. "
        "Voor 2019 zijn geen budget en geen vastleggingen geregistreerd."
    )
    assert text["2b"].startswith("Voor 2019 werden aan de speerpuntclusters nog geen middelen toegewezen.")
    assert text["6"] == "Voor 2019 zijn er geen KPI-streefwaarden van speerpuntclusters geregistreerd."


@pytest.mark.django_db
def test_no_vil_projects_means_no_empty_table_per_type(world: World) -> None:  # noqa: F811
    answer = answer_build(year=2018, as_of=day(2018, 1, 1))
    vil = next(section for section in answer.sections if section.number == "5")

    assert vil.tables and all(table.rows for table in vil.tables)
    assert not any("projecttype" in table.title for table in vil.tables)
    assert "Per projecttype" not in " ".join(vil.paragraphs)


def kpis(lang: str, total: int, **statuses: int) -> str:
    with translation.override(lang):
        return _kpi_sentence(Counter(statuses), total, Draft(lang, lambda *_: {}, None), 2018)


@pytest.mark.parametrize(
    ("lang", "total", "statuses", "sentence"),
    [
        (
            "en",
            4,
            {"met": 1, "missed": 3},
            "Of the 4 KPIs with a target for 2018, 1 was met and 3 missed.",
        ),
        (
            "nl",
            4,
            {"met": 1, "missed": 3},
            "Van de 4 KPI’s met een streefwaarde voor 2018 werd er 1 gehaald en 3 niet gehaald.",
        ),
        (
            "en",
            60,
            {"met": 30, "partly": 13, "missed": 11, "no_data": 6},
            "Of the 60 KPIs with a target for 2018, 30 were met, 13 partly met (at least 75% of the "
            "target) and 11 missed; 6 have no result yet.",
        ),
        (
            "nl",
            60,
            {"met": 30, "partly": 13, "missed": 11, "no_data": 6},
            "Van de 60 KPI’s met een streefwaarde voor 2018 werden er 30 gehaald, 13 deels gehaald "
            "(minstens 75 % van de streefwaarde) en 11 niet gehaald; voor 6 KPI’s zijn nog geen waarden "
            "beschikbaar.",
        ),
        (
            "nl",
            3,
            {"partly": 2, "no_data": 1},
            "Van de 3 KPI’s met een streefwaarde voor 2018 werden er 2 deels gehaald (minstens 75 % "
            "van de streefwaarde); voor 1 KPI is nog geen waarde beschikbaar.",
        ),
        (
            "en",
            3,
            {"missed": 2, "no_data": 1},
            "Of the 3 KPIs with a target for 2018, 2 were missed; 1 has no result yet.",
        ),
        (
            "nl",
            5,
            {"no_data": 5},
            "Van de 5 KPI’s met een streefwaarde voor 2018 is nog geen waarde beschikbaar.",
        ),
        ("en", 5, {"no_data": 5}, "None of the 5 KPIs with a target for 2018 has a result yet."),
        ("nl", 1, {"met": 1}, "Voor 2018 is er 1 KPI met een streefwaarde; die werd gehaald."),
        ("en", 1, {"missed": 1}, "For 2018, 1 KPI has a target; it was missed."),
        ("en", 1, {"no_data": 1}, "For 2018, 1 KPI has a target; it has no result yet."),
        (
            "nl",
            1,
            {"no_data": 1},
            "Voor 2018 is er 1 KPI met een streefwaarde; daarvoor is nog geen waarde beschikbaar.",
        ),
    ],
)
def test_the_kpi_sentence_agrees_with_its_counts(
    lang: str, total: int, statuses: dict[str, int], sentence: str
) -> None:
    assert kpis(lang, total, **statuses) == sentence


def test_counts_and_lists_are_written_the_languages_way() -> None:
    assert (number(1234, "nl"), number(1234, "en")) == ("1.234", "1,234")
    with translation.override("nl"):
        assert listed(["EFRO", "FIT", "WSE"]) == "EFRO, FIT en WSE"
        assert number_word(6) == "zes"
    with translation.override("en"):
        assert listed(["EFRO", "FIT"]) == "EFRO and FIT"
        assert listed(["EFRO"]) == "EFRO"
        assert number_word(13) == "13"
    assert when_none(0, "none", "some") == "none"
    assert when_none(Decimal("0.00"), "none", "some") == "none"
    assert when_none(2, "none", "some") == "some"
