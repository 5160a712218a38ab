"""The drafted answer as plain data: sections in order, each with its question, sentences,
tables, chart and note. Builders (compose.py) fill it; renderers (render.py) print it."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clustermonitor.reports.answer.texts import HEADERS, MONTHS, TEXTS, VALUES
from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.display import display
from clustermonitor.reports.tables import Table

LANGUAGES = ("nl", "en")
TYPE_VALUES = {"nl": {"spearhead": "speerpuntcluster", "ibn": "IBN"}, "en": {"ibn": "IBN"}}


@dataclass
class Section:
    number: str  # "1", "2a", …
    question: str
    paragraphs: list[str]
    tables: list[Table] = field(default_factory=list)
    chart: Report | None = None  # the report whose chart goes with this section
    note: str = ""  # the figures' status and as-of date


@dataclass
class Answer:
    lang: str
    year: int
    as_of: date | None
    figures: str
    title: str
    subtitle: str
    meta: str
    sections: list[Section]
    reports: dict[str, Report]

    def text(self, key: str) -> str:
        return TEXTS[self.lang][key]

    def header(self, column: str) -> str:
        return HEADERS[self.lang].get(column, column.replace("_", " "))

    def cell(self, column: str, value: Any) -> str:
        """A table cell in the answer's language: labels translated, figures formatted."""
        if value is None:
            return "–"
        if isinstance(value, str):
            labels = TYPE_VALUES[self.lang] if column == "type" else VALUES[self.lang]
            return labels.get(value, value)
        return display(column, value, self.lang)


def long_date(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
