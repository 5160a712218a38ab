"""The drafted answer does each piece of work once: each report is made once per answer,
and Word's tables, written as one XML text, are the XML python-docx writes cell by cell."""

from collections import Counter
from typing import Any

import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from clustermonitor.reports.answer import data
from clustermonitor.reports.answer.render import _docx_rows, _docx_rows_one_by_one, _plain
from tests.documents.conftest import YEAR

ROWS = [
    (["cluster", "amount", "note"], True),
    (["BLUE", "1.234,50", "a < b & c > \"d\" 'e'"], False),
    (["", "–", "ééé — ½"], False),
    (["total", "1.234,50", ""], True),
]


@pytest.mark.django_db
def test_each_report_is_made_once_per_answer(example_db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    made: Counter[tuple[str, Any]] = Counter()
    build = data.report_build

    def counting(name: str, **kwargs: Any) -> Any:
        made[(name, tuple(sorted(kwargs.items())))] += 1
        return build(name, **kwargs)

    monkeypatch.setattr(data, "report_build", counting)
    data.answer_build(year=int(YEAR))

    assert {name for name, _args in made} == {
        "additional-resources",
        "budget-overview",
        "cluster-overview",
        "pact-resources",
        "project-generation",
        "kpi-status",
    }
    assert set(made.values()) == {1}


def _table_xml(fill: Any) -> bytes:
    document = Document()
    grid = document.add_table(rows=0 if fill is _docx_rows else len(ROWS), cols=3)
    grid.style = "Light Grid Accent 1"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    right = [False, True, False]
    if fill is _docx_rows:
        _docx_rows(grid, ROWS, right)
    else:
        _docx_rows_one_by_one(grid, ROWS, right, WD_ALIGN_PARAGRAPH, Pt)
    return etree.tostring(grid._tbl)  # type: ignore[no-any-return]


def test_word_rows_written_at_once_equal_python_docx_cell_by_cell() -> None:
    assert _table_xml(_docx_rows) == _table_xml(_docx_rows_one_by_one)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("1.234,50", True),
        ("", True),
        (" leading", False),
        ("trailing ", False),
        ("a\tb", False),
        ("a\nb", False),
    ],
)
def test_only_plain_text_takes_the_quick_path(text: str, plain: bool) -> None:
    assert _plain(text) is plain
