"""Reports as HTML and PDF, from the same template: the header says which figures, the
tables hold the report's figures right-aligned, the charts are drawn, the PDF is A4 with
page numbers."""

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage

from clustermonitor.kpis.models import Kpi
from clustermonitor.reports.registry import REPORTS, report_build
from clustermonitor.reports.renderers.as_html import html_table
from clustermonitor.reports.renderers.display import grouped
from clustermonitor.reports.renderers.names import names
from tests.documents.conftest import YEAR, needs_pdftoppm, report_json, yearly

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def budget_pdf(example_db: None, tmp_path_factory: Any, django_db_blocker: Any) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "budget-overview.pdf"
    with django_db_blocker.unblock():
        call_command(
            "report",
            "budget-overview",
            "--year",
            YEAR,
            "--format",
            "pdf",
            "--lang",
            "en",
            "--output",
            str(path),
        )
    return path


def html(name: str, lang: str = "en") -> str:
    out = io.StringIO()
    call_command("report", name, *yearly(name), "--format", "html", "--lang", lang, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("name", list(REPORTS))
def test_html_has_the_header_the_figures_right_aligned_and_a_chart_where_useful(
    example_db, name: str
) -> None:
    page = html(name)
    report = report_json(name, *yearly(name))

    assert f'figures: <span class="{report["figures"]}">{report["figures"]}</span>' in page
    assert '<html lang="en">' in page
    assert "as of everything stored" in page
    assert '<td class="num">' in page
    has_chart = name in ("budget-overview", "cluster-overview", "pact-resources", "kpi-status")
    assert ('<figure class="chart"><img src="data:image/svg+xml;base64,' in page) is has_chart


def test_html_budget_figures_are_the_json_figures(example_db) -> None:
    page = html("budget-overview")
    for envelope in report_json("budget-overview", "--year", YEAR)["envelopes"]:
        for measure in ("budget", "committed", "available"):
            assert f'<td class="num">{grouped(envelope[measure])}</td>' in page


def test_pdf_is_a4_with_the_figures_a_chart_and_page_numbers(budget_pdf: Path) -> None:
    text = extract_text(budget_pdf)
    report = report_json("budget-overview", "--year", YEAR)

    assert "Budget and effective commitments per envelope" in text
    assert "definitive" in text and "everything stored" in text
    for key in ("spearhead", "ibn", "total"):
        assert grouped(report[key]["committed"]) in text
    assert "63,584,372.21" in text
    assert "millioneuro" in text.replace(" ", "")  # the chart's axis label: text inside the chart
    assert "page 1 / 1" in text
    with budget_pdf.open("rb") as handle:
        box = next(PDFPage.get_pages(handle)).mediabox
    assert (round(box[2]), round(box[3])) == (595, 842)  # A4 in points


@needs_pdftoppm()
def test_pdf_renders_to_png(budget_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            shutil.which("pdftoppm") or "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(budget_pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_binary_formats_need_an_output_file(example_db) -> None:
    with pytest.raises(CommandError, match="give --output FILE"):
        call_command("report", "budget-overview", "--year", YEAR, "--format", "pdf", stdout=io.StringIO())


def test_a_dutch_document_is_dutch_with_names_and_dutch_figures(example_db, tmp_path: Path) -> None:
    """`--lang nl` (the default for documents): Dutch words, names instead of codes, Dutch
    number formats, Dutch definitions and chart words (issue 14.2, 14.3)."""
    page = html("budget-overview", "nl")
    report = report_json("budget-overview", "--year", YEAR)

    assert '<html lang="nl">' in page and "Budget en effectieve vastleggingen per enveloppe" in page
    assert 'cijfers: <span class="definitive">definitief</span>' in page
    assert "werking speerpuntclusters" in page and ">spearhead_operation<" not in page
    assert f'<td class="num">{grouped(report["total"]["committed"], "nl")}</td>' in page
    assert "vereffend" in page and "betaald" not in page
    path = tmp_path / "budget.pdf"
    call_command("report", "budget-overview", "--year", YEAR, "--format", "pdf", "--output", str(path))
    text = extract_text(path)
    assert "63.584.372,21" in text and "pagina 1 / 1" in text
    assert "miljoeneuro" in text.replace(" ", "")


def test_kpi_figures_are_in_their_unit_with_the_kpi_named(example_db) -> None:
    """A count is a count, a share a percentage, euro only for a KPI in euro (issue 14.1)."""
    report = report_build("kpi-status", year=int(YEAR))
    with translation.override("nl"):
        table = html_table(REPORTS["kpi-status"].tables(report)[0], names())
    columns = [column["text"] for column in table["columns"]]
    units = dict(Kpi.objects.values_list("code", "unit"))
    seen = set()
    for row in table["rows"]:
        kpi, target = (
            row["cells"][columns.index("KPI")]["text"],
            row["cells"][columns.index("streefwaarde")]["text"],
        )
        code = kpi.split(" ")[0]
        assert kpi == f"{code} {Kpi.objects.get(code=code).name}"
        unit = units[code]
        seen.add(unit)
        assert target.startswith("€ ") is (unit == "EUR"), (code, target)
        assert target.endswith(" %") is (unit == "%"), (code, target)
        if unit == "count":
            assert re.fullmatch(r"[0-9.]+", target), (code, target)
    assert {"EUR", "%", "count"} <= seen
