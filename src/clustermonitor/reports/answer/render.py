"""The drafted answer printed: Markdown, Word (python-docx), HTML and PDF (one template).

Each renderer walks the same `Answer` (data.py): title, the figures' status and as-of
date, then per sub-question its question, sentences, tables and chart. Figures are
formatted in the answer's language; none is computed here.
"""

import io
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from clustermonitor.reports.answer.model import Answer
from clustermonitor.reports.renderers.as_html import css_text, html_to_pdf
from clustermonitor.reports.renderers.charts import chart_for, chart_png
from clustermonitor.reports.renderers.widths import sized
from clustermonitor.reports.tables import Table, is_total_row

CELL_PT = 8.5  # a table cell's font size in Word
BOLD = {True: "<w:b/>", False: '<w:b w:val="0"/>'}  # as python-docx writes run.bold
JC_RIGHT = '<w:pPr><w:jc w:val="right"/></w:pPr>'  # as python-docx writes a right alignment


def _numeric(table: Table) -> set[str]:
    return {
        column
        for column in table.columns
        if any(isinstance(row.get(column), Decimal | Fraction | int) for row in table.rows)
        and not any(isinstance(row.get(column), bool) for row in table.rows)
    }


def render_md(answer: Answer) -> str:
    with translation.override(answer.lang):
        return _markdown(answer)


def _markdown(answer: Answer) -> str:
    parts = [f"# {answer.title}", "", answer.subtitle, "", f"*{answer.meta}*", ""]
    for section in answer.sections:
        parts += ["## " + _("Question") + " " + section.number, "", *_md_question(section.question), ""]
        for paragraph in section.paragraphs:
            parts += [paragraph, ""]
        for table in section.tables:
            parts += _md_table(answer, table)
        parts += [f"*{section.note}*", ""] if section.note else []
    return "\n".join(parts)


def _md_question(question: str) -> list[str]:
    """The question in italics, line by line: its bullet dashes stay a list under their
    lead line (a blank line before the list, which Markdown needs to start one)."""
    lines: list[str] = []
    for line in (line.strip() for line in question.split("\n")):
        bullet = line.startswith("- ")
        text = line[2:].strip() if bullet else line
        if not text:
            continue
        if lines and not (bullet and lines[-1].startswith("- ")):  # a list item follows its list
            lines.append("")
        lines.append(f"- *{text}*" if bullet else f"*{text}*")
    return lines


def _md_table(answer: Answer, table: Table) -> list[str]:
    lines = [f"**{table.title}**", ""]
    if not table.rows:
        return [*lines, _("(none)"), ""]
    numeric = _numeric(table)
    lines.append("| " + " | ".join(answer.header(c) for c in table.columns) + " |")
    lines.append("| " + " | ".join("---:" if c in numeric else "---" for c in table.columns) + " |")
    for row in table.rows:
        cells = [answer.cell(c, row.get(c)).replace("|", "\\|") for c in table.columns]
        if is_total_row(table, row):
            cells = [f"**{cell}**" if cell else cell for cell in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def answer_context(answer: Answer) -> dict[str, Any]:
    with translation.override(answer.lang):
        return _context(answer)


def _context(answer: Answer) -> dict[str, Any]:
    return {
        "lang": answer.lang,
        "title": answer.title,
        "subtitle": answer.subtitle,
        "meta": answer.meta,
        "year": answer.year,
        "figures": answer.figures,
        "running": css_text(answer.title + " (" + _("draft answer") + ")"),
        "status_line": css_text(answer.meta.split(":", 1)[0]),
        "page_label": css_text(_("page")),
        "none_label": _("(none)"),
        "question_label": _("Question"),
        "sections": [
            {
                "number": section.number,
                "question": section.question,
                "paragraphs": section.paragraphs,
                "note": section.note,
                "chart": chart_for(section.chart, answer.lang) if section.chart else None,
                "tables": [_html_table(answer, table) for table in section.tables],
            }
            for section in answer.sections
        ],
    }


def _html_table(answer: Answer, table: Table) -> dict[str, Any]:
    numeric = _numeric(table)
    shown = {
        "title": table.title,
        "wide": False,
        "columns": [{"text": answer.header(c), "right": c in numeric} for c in table.columns],
        "rows": [
            {
                "total": is_total_row(table, row),
                "cells": [{"text": answer.cell(c, row.get(c)), "right": c in numeric} for c in table.columns],
            }
            for row in table.rows
        ],
    }
    return sized(shown)


def render_html(answer: Answer) -> str:
    return render_to_string("reports/answer.html", answer_context(answer))


def render_pdf(answer: Answer) -> bytes:
    return html_to_pdf(render_html(answer))


def render_docx(answer: Answer) -> bytes:
    with translation.override(answer.lang):
        return _word(answer)


def _word(answer: Answer) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = answer.title
    document.core_properties.language = answer.lang

    document.add_heading(answer.title, level=0)
    document.add_paragraph(answer.subtitle)
    meta = document.add_paragraph()
    meta.add_run(answer.meta).bold = True
    for part in answer.sections:
        document.add_heading(_("Question") + " " + part.number, level=1)
        question = document.add_paragraph()
        question.add_run(part.question).italic = True
        for paragraph in part.paragraphs:
            document.add_paragraph(paragraph)
        picture = chart_png(part.chart, answer.lang) if part.chart is not None else None
        if picture:
            document.add_picture(io.BytesIO(picture), width=Cm(16))
        for table in part.tables:
            _docx_table(document, answer, table, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH, Pt)
        if part.note:
            document.add_paragraph().add_run(part.note).italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(
    document: Any, answer: Answer, table: Table, table_alignment: Any, alignment: Any, pt: Callable[..., Any]
) -> None:
    caption = document.add_paragraph()
    caption.add_run(table.title).bold = True
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        document.add_paragraph(_("(none)"))
        return
    numeric = _numeric(table)
    rows = [
        ([answer.header(c) for c in table.columns], True),
        *(
            ([answer.cell(c, row.get(c)) for c in table.columns], is_total_row(table, row))
            for row in table.rows
        ),
    ]
    plain = all(_plain(text) for texts, _bold in rows for text in texts)
    grid = document.add_table(rows=0 if plain else len(rows), cols=len(table.columns))
    grid.style = "Light Grid Accent 1"
    grid.alignment = table_alignment.CENTER
    if plain:
        _docx_rows(grid, rows, [column in numeric for column in table.columns])
    else:
        _docx_rows_one_by_one(grid, rows, [column in numeric for column in table.columns], alignment, pt)
    document.add_paragraph()


def _plain(text: str) -> bool:
    """No tab, line break or edge space: text python-docx writes as one plain `w:t`."""
    return text == text.strip() and not set(text) & {"\t", "\n", "\r"}


def _docx_rows(grid: Any, rows: list[tuple[list[str], bool]], right: list[bool]) -> None:
    """The rows as python-docx writes them cell by cell (`_docx_rows_one_by_one`), parsed
    from one XML text: a tenth of the time for the answer's 2,000-odd cells."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    widths = [column.get(qn("w:w")) for column in grid._tbl.tblGrid.gridCol_lst]
    cells = [
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{JC_RIGHT if flush else ""}'
        for width, flush in zip(widths, right, strict=True)
    ]
    xml = "".join(
        "<w:tr>"
        + "".join(
            f'{cell}<w:r><w:rPr>{BOLD[bold]}<w:sz w:val="{round(CELL_PT * 2)}"/></w:rPr>'
            + (f"<w:t>{escape(text)}</w:t>" if text else "")
            + "</w:r></w:p></w:tc>"
            for cell, text in zip(cells, texts, strict=True)
        )
        + "</w:tr>"
        for texts, bold in rows
    )
    for row in parse_xml(f"<w:tbl {nsdecls('w')}>{xml}</w:tbl>"):
        grid._tbl.append(row)


def _docx_rows_one_by_one(
    grid: Any, rows: list[tuple[list[str], bool]], right: list[bool], alignment: Any, pt: Callable[..., Any]
) -> None:
    """Cell texts with tabs, line breaks or edge spaces: python-docx's own run text."""
    for index, (texts, bold) in enumerate(rows):
        cells = grid.rows[index].cells  # once per row: python-docx rebuilds the list on each access
        for position, text in enumerate(texts):
            paragraph = cells[position].paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = pt(CELL_PT)
            run.bold = bold
            if right[position]:
                paragraph.alignment = alignment.RIGHT


RENDERERS: dict[str, tuple[Callable[[Answer], str | bytes], bool]] = {
    "md": (render_md, False),
    "html": (render_html, False),
    "docx": (render_docx, True),
    "pdf": (render_pdf, True),
}
