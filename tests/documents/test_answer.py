"""The drafted answer to written question 228: the six sub-questions in order, the key
figures in sentences in Dutch (default) or English, the tables equal to the reports' JSON,
in Markdown, Word, HTML and PDF."""

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from pdfminer.high_level import extract_text

from clustermonitor.reports.answer.data import answer_build
from clustermonitor.reports.answer.render import render_md
from clustermonitor.reports.budget_overview import MEASURES
from clustermonitor.reports.renderers.cells import cell_text
from tests.documents.conftest import YEAR, report_json

pytestmark = pytest.mark.django_db
DUTCH_NUMBER = re.compile(r"-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]+)?")
ORDER = ["1", "2a", "2b", "3", "4", "5", "6"]


def answer(*args: str) -> str:
    out = io.StringIO()
    call_command("answer", "--year", YEAR, *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def word(example_db: None, tmp_path_factory: Any, django_db_blocker: Any) -> Any:
    path = tmp_path_factory.mktemp("docx") / "antwoord.docx"
    with django_db_blocker.unblock():
        call_command("answer", "--year", YEAR, "--format", "docx", "--output", str(path))
    return Document(str(path))


def dutch(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def test_markdown_answers_the_six_sub_questions_in_order_in_dutch(example_db) -> None:
    text = answer()
    budget = report_json("budget-overview", "--year", YEAR)

    headings = re.findall(r"^## Vraag (\S+)$", text, flags=re.MULTILINE)
    assert headings == ORDER
    assert "De effectieve vastleggingen in 2018 bedragen in totaal 63.584.372,21 euro" in text
    assert "Het gaat om definitieve cijfers voor het volledige jaar 2018" in text
    assert "stand van zaken op" in text
    assert budget["total"]["committed"] == "63584372.21"


def test_english_answer_formats_amounts_the_english_way(example_db) -> None:
    text = answer("--lang", "en")

    assert re.findall(r"^## Question (\S+)$", text, flags=re.MULTILINE) == ORDER
    assert "The effective commitments in 2018 total EUR 63,584,372.21" in text
    assert "definitive figures" in text


def test_key_figures_come_from_the_reports(example_db) -> None:
    text = answer("--as-of", "2019-03-03")
    overview = report_json("cluster-overview", "--year", YEAR, "--as-of", "2019-03-03")
    kpis = report_json("kpi-status", "--year", YEAR, "--as-of", "2019-03-03")
    spearhead = {c["cluster"] for c in report_json("pact-resources")["clusters"] if c["type"] == "spearhead"}
    rows = [row for row in kpis["rows"] if row["cluster"] in spearhead]
    met = sum(1 for row in rows if row["status"] == "met")

    assert "stand van zaken op 3 maart 2019" in text
    assert f"{overview['totals']['approved']} projecten werden goedgekeurd" in text
    assert rows and f"Van de {len(rows)} KPI’s met een streefwaarde voor 2018 werden er {met} gehaald" in text


def test_word_has_headings_and_real_tables_equal_to_the_reports(word: Any) -> None:
    data = answer_build(year=int(YEAR))
    tables = [table for section in data.sections for table in section.tables]
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]

    assert headings == [f"Vraag {number}" for number in ORDER]
    assert len(word.tables) == len(tables)
    for grid, table in zip(word.tables, tables, strict=True):
        assert len(grid.rows) == len(table.rows) + 1
        for row, cells in zip(table.rows, grid.rows[1:], strict=True):
            for column, cell in zip(table.columns, cells.cells, strict=True):
                text = cell.text
                value = row.get(column)
                if DUTCH_NUMBER.fullmatch(text) and not isinstance(value, str) and "year" not in column:
                    assert dutch(text) == Decimal(cell_text(value)), (table.title, column, text)


def test_word_budget_table_equals_the_json_report(word: Any) -> None:
    budget = report_json("budget-overview", "--year", YEAR)
    grid = next(t for t in word.tables if t.rows[0].cells[0].text == "enveloppe")
    total = [cell.text for cell in grid.rows[-1].cells]

    assert total[0] == "totaal"
    assert [dutch(text) for text in total[1:]] == [Decimal(budget["total"][m]) for m in MEASURES]
    text = "\n".join(p.text for p in word.paragraphs)
    assert "63.584.372,21 euro" in text
    assert "Definitieve cijfers; stand van zaken op" in text


def test_answer_pdf_holds_the_figures(example_db, tmp_path: Path) -> None:
    path = tmp_path / "antwoord.pdf"
    call_command("answer", "--year", YEAR, "--format", "pdf", "--output", str(path))
    text = extract_text(path)

    assert "Antwoord op schriftelijke vraag nr. 228" in text
    assert "63.584.372,21" in text
    assert "pagina 1 /" in text


def test_html_answer_is_the_same_template(example_db) -> None:
    page = answer("--format", "html")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert page.count('<figure class="chart">') == 4


def test_binary_formats_need_an_output_file() -> None:
    with pytest.raises(CommandError, match="give --output FILE"):
        call_command("answer", "--year", YEAR, "--format", "docx")


def test_markdown_of_an_empty_year_still_answers_every_question(example_db) -> None:
    text = render_md(answer_build(year=1990))
    assert re.findall(r"^## Vraag (\S+)$", text, flags=re.MULTILINE) == ORDER


def test_help_explains_every_option() -> None:
    from clustermonitor.reports.management.commands.answer import Command

    text = Command().create_parser("clustermonitor", "answer").format_help()
    for word in ("--year", "--as-of", "--lang", "--format", "--output", "written question", "docx"):
        assert word in text


@pytest.mark.parametrize(
    ("lang", "words", "not_words"),
    [
        ("nl", {"berekend", "gerapporteerd"}, {"computed", "reported", "true", "false"}),
        ("en", {"computed", "reported"}, {"berekend", "gerapporteerd", "True", "False"}),
    ],
)
def test_the_kpi_table_names_its_sources_and_mismatches_in_the_answers_language(
    example_db, lang: str, words: set[str], not_words: set[str]
) -> None:
    section = answer("--format", "md", "--lang", lang).split("## ")[-1]  # question 6, the KPIs
    cells = {
        cell.strip() for line in section.splitlines() if line.startswith("|") for cell in line.split("|")
    }

    assert words <= cells, sorted(cells)
    assert not (not_words & cells), sorted(not_words & cells)
