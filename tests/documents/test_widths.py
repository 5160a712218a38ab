"""The column widths the PDF's tables are laid out with (renderers/widths.py)."""

from typing import Any

import pytest

from clustermonitor.reports.renderers.widths import em, page_em, sized


def table(columns: list[tuple[str, bool]], rows: list[list[str]], total: bool = False) -> dict[str, Any]:
    return {
        "columns": [{"text": text, "right": right} for text, right in columns],
        "rows": [
            {
                "total": total,
                "cells": [
                    {"text": text, "right": right} for text, (_, right) in zip(row, columns, strict=True)
                ],
            }
            for row in rows
        ],
    }


def test_glyph_widths_are_dejavu_sans() -> None:
    assert em("0") == 0.636 and em("0", bold=True) == 0.696
    assert em("12.345,67") == pytest.approx(7 * 0.636 + 2 * 0.318)


def test_a_column_of_figures_gets_its_widest_figure_and_the_text_the_rest() -> None:
    shown = sized(table([("name", False), ("amount", True)], [["a long name " * 6, "1.234.567,89"]]))
    name, amount = (column["width"] for column in shown["columns"])
    assert name + amount == pytest.approx(100)
    assert amount / 100 * page_em(False) >= em("1.234.567,89") + 1
    assert name > amount and shown["wide"] is False


def test_a_table_too_wide_for_a_portrait_page_goes_landscape() -> None:
    columns = [("cluster", False), *((f"measure {index}", True) for index in range(10))]
    shown = sized(table(columns, [["CATALISTI", *["102.828.522,82"] * 10]], total=True))
    assert shown["wide"] is True
    assert sum(column["width"] for column in shown["columns"]) == pytest.approx(100, abs=0.1)
