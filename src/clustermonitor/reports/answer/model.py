"""The drafted answer as plain data: sections in order, each with its question, sentences,
tables, chart and note. Builders (compose.py) fill it; renderers (render.py) print it.

Table headers and cells are words of the one catalogue (gettext): the pages' labels
(reports/labels.py), so the answer says each thing with the pages' one Dutch term
(docs/domain.md, glossary); `ANSWER_WORDS` (message context "answer table") only names
what the pages do not show, the pact's term in one column."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from clustermonitor.reports.figures import Report
from clustermonitor.reports.labels import LABELS
from clustermonitor.reports.renderers.display import display
from clustermonitor.reports.tables import Table

LANGUAGES = ("nl", "en")
ANSWER_WORDS: dict[str, Promise] = {
    "pact": pgettext_lazy("answer table", "pact term"),  # the pages show its first and last year
}
# The cell values the answer names in words (statuses, envelopes, totals); others print as stored.
NAMED_VALUES = frozenset(
    ("total", "spearhead_operation", "spearhead_projects", "spearhead", "ibn", "met", "partly", "missed")
) | frozenset(("no_data", "definitive", "provisional", "planned", "computed", "reported", "output", "impact"))
CLUSTER_TYPES: dict[str, Promise] = {
    "spearhead": pgettext_lazy("cluster type", "spearhead"),
    "ibn": pgettext_lazy("answer table", "IBN"),
}


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

    def header(self, column: str) -> str:
        with translation.override(self.lang):
            return str(_word(column) or column.replace("_", " "))

    def cell(self, column: str, value: Any) -> str:
        """A table cell in the answer's language: labels translated, figures formatted."""
        if value is None:
            return "–"
        if isinstance(value, bool):  # kpi-status's `mismatch`: yes/no, as the web says it
            with translation.override(self.lang):
                return str(LABELS["yes" if value else "no"])
        if isinstance(value, str):
            with translation.override(self.lang):
                if column == "type":
                    return str(CLUSTER_TYPES.get(value, value))
                return str(_word(value) or value) if value in NAMED_VALUES else value
        return display(column, value, self.lang)


def _word(code: str) -> Promise | None:
    return ANSWER_WORDS.get(code) or LABELS.get(code)


def long_date(day: date, lang: str) -> str:
    """`3 maart 2019` / `3 March 2019`."""
    with translation.override(lang):
        return f"{day.day} {MONTHS[day.month]} {day.year}"
