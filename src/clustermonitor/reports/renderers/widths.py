"""Column widths of a document's table (HTML and PDF), estimated from its text.

The PDF lays its tables out with `table-layout: fixed` (templates/reports/base.html): the
widths come from here, so WeasyPrint does not measure every cell's shortest and longest
line (a third of its time for the drafted answer), and a table cannot grow past the page.
A column of figures gets its widest figure (figures do not wrap) or its header's longest
word; the text columns share the rest, each at least its longest word, and wrap.

Widths are measured in em of DejaVu Sans, the documents' font, glyph by glyph; the spare
width is spread over all columns.
"""

from typing import Any

# as in templates/reports/base.html: the printable width of A4 less 2 x 15 mm, portrait and
# landscape (`wide`), and the tables' font size there, in pt
PAGE_PT = {False: 510.2, True: 756.9}
FONT_PT = {False: 7.5, True: 7.0}
PADDING_EM = 2 * 0.533  # the cells' padding left and right (4 pt at 7.5 pt)
SAFETY = 0.97  # the estimate's error
TEXT_CAP_EM = 28.0  # a text column wider than this wraps rather than squeezes the others

# advance widths in thousandths of an em of DejaVu Sans and DejaVu Sans Bold (from the fonts'
# hmtx tables) for the printable ASCII characters and a few more; others count as OTHER
GLYPHS = "".join(chr(code) for code in range(32, 127)) + "€’–é"
REGULAR = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 "
    "636 636 636 636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 "
    "752 295 295 656 557 863 748 787 603 787 695 635 611 732 684 989 685 611 685 390 "
    "337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 "
    "635 635 411 521 392 634 592 818 592 592 525 636 337 636 838 636 318 500 615"
)
BOLD = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 "
    "696 696 696 696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 "
    "837 372 372 775 637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 "
    "365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 "
    "716 716 493 595 478 712 652 924 645 652 582 712 365 712 838 696 380 500 678"
)
ADVANCE = {
    bold: dict(zip(GLYPHS, (int(width) / 1000 for width in widths.split()), strict=True))
    for bold, widths in ((False, REGULAR), (True, BOLD))
}
OTHER = {False: 0.7, True: 0.78}


def em(text: str, bold: bool = False) -> float:
    """The width of the text in DejaVu Sans (Bold), in em, without kerning."""
    advance, other = ADVANCE[bold], OTHER[bold]
    return sum(advance.get(char, other) for char in text)


def longest_word(text: str, bold: bool = False) -> float:
    return max((em(word, bold) for word in text.split()), default=0.0)


def page_em(wide: bool) -> float:
    return SAFETY * PAGE_PT[wide] / FONT_PT[wide]


def _needs(table: dict[str, Any], wide: bool) -> tuple[list[float], list[float]]:
    """Each column's wanted and least width in em: a column of figures its widest figure or
    its header's longest word; a column of text its longest line up to TEXT_CAP_EM, at
    least its longest word."""
    want, least = [], []
    for index, column in enumerate(table["columns"]):
        cells = [(row["cells"][index]["text"], bool(row.get("total"))) for row in table["rows"]]
        header = longest_word(column["text"], bold=True)
        if column["right"]:
            width = max([header, *(em(text, bold) for text, bold in cells)]) + PADDING_EM
            want.append(width)
            least.append(width)
        else:
            words = max([header, *(longest_word(text, bold) for text, bold in cells)])
            full = max([em(column["text"], bold=True), *(em(text, bold) for text, bold in cells)])
            least.append(words + PADDING_EM)
            want.append(max(words, min(full, TEXT_CAP_EM)) + PADDING_EM)
    return want, least


def too_wide_for_portrait(table: dict[str, Any]) -> bool:
    """Whether the table's figures and longest words together are wider than a portrait
    page: such a table goes on a landscape one."""
    return sum(_needs(table, wide=False)[1]) > page_em(False)


def column_widths(table: dict[str, Any], wide: bool) -> list[float]:
    """Each column's share of the table's width in per cent, in the template's table
    (columns of text and right-aligned, rows of cells): the figures get what they need,
    the text columns share the rest in proportion to what they want beyond their longest
    word."""
    want, least = _needs(table, wide)
    text = [index for index, column in enumerate(table["columns"]) if not column["right"]]
    rest = page_em(wide) - sum(width for index, width in enumerate(want) if index not in text)
    if text and sum(want[index] for index in text) > rest:
        floor = sum(least[index] for index in text)
        spare = sum(want[index] - least[index] for index in text)
        for index in text:
            share = (want[index] - least[index]) / spare if spare else 0.0
            want[index] = least[index] + max(rest - floor, 0.0) * share
    total = sum(want) or 1.0
    return [round(100 * width / total, 2) for width in want]


def sized(table: dict[str, Any], wide: bool = False) -> dict[str, Any]:
    """The template's table with each column's width (per cent) beside its text, on a
    landscape page (`wide`) when asked or when it does not fit a portrait one."""
    table["wide"] = wide = wide or too_wide_for_portrait(table)
    for column, width in zip(table["columns"], column_widths(table, wide), strict=True):
        column["width"] = width
    return table
