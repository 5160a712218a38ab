"""Every PDF's tables fit the page: no word of any page lies right of its right margin
(A4, 15 mm each side, portrait or landscape), in Dutch and in English, for the drafted
answer and each report. Word boxes as poppler's `pdftotext -bbox` reads them."""

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from clustermonitor.reports.registry import REPORTS
from tests.documents.conftest import YEAR, yearly

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None and os.environ.get("REQUIRE_BROWSER") != "1",
        reason="pdftotext (poppler-utils) is not installed; CI sets REQUIRE_BROWSER=1 to require it",
    ),
]

MARGIN_PT = 15 * 72 / 25.4  # the right margin of @page in templates/reports/base.html
SLACK_PT = 0.5  # rounding of the glyph boxes
PAGE = re.compile(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', re.S)
WORD = re.compile(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def past_the_margin(path: Path) -> list[tuple[int, str, float]]:
    """(page, word, points past the margin) of every word right of the right margin."""
    xhtml = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-bbox", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = []
    for number, (width, words) in enumerate(PAGE.findall(xhtml), start=1):
        limit = float(width) - MARGIN_PT + SLACK_PT
        found += [
            (number, word, round(float(x) - limit, 1)) for x, word in WORD.findall(words) if float(x) > limit
        ]
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("document", ["answer", *REPORTS])
def test_no_word_lies_right_of_the_margin(
    example_db: None, tmp_path_factory: Any, document: str, lang: str
) -> None:
    path = tmp_path_factory.mktemp("fits") / f"{document}-{lang}.pdf"
    common = ["--format", "pdf", "--lang", lang, "--output", str(path)]
    if document == "answer":
        call_command("answer", "--year", YEAR, *common)
    else:
        call_command("report", document, *yearly(document), *common)

    assert past_the_margin(path) == []
