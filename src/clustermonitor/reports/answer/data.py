"""The drafted answer to written question 228 as plain data, assembled once from the reports.

`answer_build` makes the six reports the question needs (each through `report_build`, as
the CLI does), then lays out the six sub-questions in the question's order: the question,
one or two sentences with the key figures (filled in from the reports, in the language
asked), the figures' status and as-of date, the tables and the charts. The renderers
(md, docx, html, pdf) only print this; none computes a figure.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from clustermonitor.reports.answer.texts import HEADERS, MONTHS, TEXTS, VALUES
from clustermonitor.reports.figures import Report
from clustermonitor.reports.registry import report_build
from clustermonitor.reports.renderers.display import display, money
from clustermonitor.reports.tables import Table, total_row

LANGUAGES = ("nl", "en")
TYPE_VALUES = {"nl": {"spearhead": "speerpuntcluster", "ibn": "IBN"}, "en": {"ibn": "IBN"}}
VIL = "VIL"


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


def number_word(count: int, texts: dict[str, str]) -> str:
    """Small counts in words, as formal writing has them (`zes speerpuntclusters`)."""
    words = texts["numbers"].split()
    return words[count] if 0 <= count < len(words) else str(count)


def long_date(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def answer_build(
    *, year: int, as_of: date | None = None, lang: str = "nl", today: date | None = None
) -> Answer:
    """The whole answer for `year`, on the data known on `as_of` (default: everything stored)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    reports = {
        name: report_build(name, year=year, as_of=as_of)
        for name in (
            "additional-resources",
            "budget-overview",
            "cluster-overview",
            "project-generation",
            "kpi-status",
        )
    }
    reports["pact-resources"] = report_build("pact-resources", as_of=as_of)
    texts = TEXTS[lang]
    figures = reports["budget-overview"]["figures"]
    as_of_text = (
        long_date(as_of, lang)
        if as_of
        else texts["everything"].format(today=long_date(today or date.today(), lang))
    )
    status = texts["status_definitive" if figures == "definitive" else "status_provisional"].format(
        year=year, as_of=as_of_text
    )
    m = _Money(lang)
    sections = [
        *_question_1(reports["additional-resources"], texts, m, year),
        _question_2a(reports["budget-overview"], texts, m, year, status),
        _question_2b(reports["cluster-overview"], texts, m, year),
        _question_3(reports["pact-resources"], texts),
        _question_4(reports["project-generation"], reports["cluster-overview"], texts, m, year),
        _question_5(reports["project-generation"], reports["cluster-overview"], texts, m, year),
        _question_6(reports["kpi-status"], _spearhead(reports["pact-resources"]), texts, year),
    ]
    note = texts["note"].format(status=texts[figures].capitalize(), as_of=as_of_text)
    for section in sections:
        section.note = texts["note_pact"].format(as_of=as_of_text) if section.number == "3" else note
    return Answer(
        lang=lang,
        year=year,
        as_of=as_of,
        figures=figures,
        title=texts["title"],
        subtitle=texts["subtitle"],
        meta=texts["meta"].format(year=year, status=texts[figures], as_of=as_of_text),
        sections=sections,
        reports=reports,
    )


def _spearhead(pacts: Report) -> set[str]:
    """The spearhead clusters: those pact-resources lists by default."""
    return {block["cluster"] for block in pacts["clusters"] if block["type"] == "spearhead"}


class _Money:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, value: Decimal) -> str:
        return money(value, self.lang)


def _question_1(report: Report, texts: dict[str, str], m: _Money, year: int) -> list[Section]:
    totals = report["totals"]
    if not report["rows"]:
        return [Section("1", texts["q1"], [texts["a1_none"].format(year=year)])]
    instruments = ", ".join(report["by_instrument"])
    by_instrument = [{"instrument": code, **figures} for code, figures in report["by_instrument"].items()]
    return [
        Section(
            "1",
            texts["q1"],
            [
                texts["a1"].format(
                    year=year,
                    projects=totals["projects"],
                    total_cost=m(totals["total_cost"]),
                    granted_support=m(totals["granted_support"]),
                ),
                texts["a1b"].format(instruments=instruments),
            ],
            [
                Table(
                    texts["t_instrument"],
                    ("instrument", "projects", "total_cost", "granted_support"),
                    [*by_instrument, total_row("instrument", totals)],
                ),
                Table(
                    texts["t_cluster_instrument"],
                    ("cluster", "type", "instrument", "projects", "total_cost", "granted_support"),
                    [*report["rows"], total_row("cluster", totals)],
                ),
            ],
        )
    ]


def _question_2a(report: Report, texts: dict[str, str], m: _Money, year: int, status: str) -> Section:
    by_envelope = {row["envelope"]: row for row in report["envelopes"]}
    sentence = texts["a2a"].format(
        year=year,
        total=m(report["total"]["committed"]),
        budget=m(report["total"]["budget"]),
        spearhead=m(report["spearhead"]["committed"]),
        operation=m(by_envelope["spearhead_operation"]["committed"]),
        projects=m(by_envelope["spearhead_projects"]["committed"]),
        ibn=m(report["ibn"]["committed"]),
    )
    rows = [
        by_envelope["spearhead_operation"],
        by_envelope["spearhead_projects"],
        total_row("envelope", report["spearhead"], "spearhead"),
        total_row("envelope", report["ibn"], "ibn"),
        total_row("envelope", report["total"]),
    ]
    table = Table(
        texts["t_envelopes"],
        ("envelope", "budget", "allocated", "committed", "paid", "available"),
        rows,
    )
    return Section("2a", texts["q2a"].format(year=year), [status, sentence], [table], chart=report)


def _question_2b(report: Report, texts: dict[str, str], m: _Money, year: int) -> Section:
    totals, pool = report["totals"], report["pool"]
    sentence = texts["a2b"].format(
        year=year,
        clusters=number_word(len(report["rows"]), texts),
        operation=m(totals["allocated_operation"]),
        projects=m(totals["allocated_projects"]),
        applications=totals["applications"],
        approved=totals["approved"],
        support=m(totals["approved_support"]),
        cost=m(totals["approved_total_cost"]),
        unallocated=m(pool["unallocated"]),
        drawn=m(pool["drawn"]),
        other=m(totals["other_public_funding"]),
    )
    rows = [*report["rows"], total_row("cluster", totals)]
    return Section(
        "2b",
        texts["q2b"],
        [sentence, texts["a2b_note"]],
        [
            Table(
                texts["t_resources"],
                (
                    "cluster",
                    "allocated_operation",
                    "allocated_projects",
                    "committed_operation",
                    "committed_projects",
                    "drawn_from_pool",
                ),
                rows,
            ),
            Table(
                texts["t_projects"],
                (
                    "cluster",
                    "applications",
                    "approved",
                    "approved_support",
                    "approved_total_cost",
                    "other_public_funding",
                ),
                rows,
            ),
            Table(texts["t_pool"], ("unallocated", "drawn", "remaining"), [pool]),
        ],
        chart=report,
    )


def _question_3(report: Report, texts: dict[str, str]) -> Section:
    """Clusters × years, for the years with figures (a budget, or an amount) in any cluster."""
    years = sorted(
        {
            row["year"]
            for block in report["clusters"]
            for row in block["years"]
            if row["figures"] != "planned" or row["allocated_operation"] or row["allocated_projects"]
        }
    )
    span = f"{years[0]}–{years[-1]}" if years else "–"

    def pivot(measure: str) -> list[dict[str, Any]]:
        return [
            {
                "cluster": block["cluster"],
                "pact": f"{block['pact_start_year']}–{block['pact_end_year']}",
                **{str(row["year"]): row[measure] for row in block["years"] if row["year"] in years},
                "total": block["totals"][measure],
            }
            for block in report["clusters"]
        ]

    columns = ("cluster", "pact", *(str(y) for y in years), "total")
    return Section(
        "3",
        texts["q3"],
        [texts["a3"].format(years=span)],
        [
            Table(texts["t_pact_operation"], columns, pivot("allocated_operation")),
            Table(texts["t_pact_projects"], columns, pivot("allocated_projects")),
        ],
        chart=report,
    )


def _question_4(report: Report, overview: Report, texts: dict[str, str], m: _Money, year: int) -> Section:
    totals = overview["totals"]
    sentence = texts["a4"].format(
        year=year,
        used=m(report["earmarked_used"]),
        approved=totals["approved"],
        support=m(totals["approved_support"]),
    )
    return Section(
        "4",
        texts["q4"],
        [sentence],
        [
            Table(
                texts["t_generation"],
                ("cluster", "projects", "granted_support", "committed_projects"),
                report["clusters"],
            ),
            Table(
                texts["t_types"],
                ("cluster", "type", "projects", "granted_support", "total_cost", "average_support"),
                report["rows"],
            ),
        ],
    )


def _question_5(report: Report, overview: Report, texts: dict[str, str], m: _Money, year: int) -> Section:
    vil = next((row for row in report["clusters"] if row["cluster"] == VIL), None)
    vil_overview = next((row for row in overview["rows"] if row["cluster"] == VIL), None)
    if vil is None or vil_overview is None:
        return Section("5", texts["q5"], [texts["a5_none"].format(year=year)])
    sentence = texts["a5"].format(
        year=year,
        projects=vil["projects"],
        support=m(vil["granted_support"]),
        committed=m(vil["committed_projects"]),
        allocated=m(vil_overview["allocated_projects"]),
    )
    rows = [row for row in report["rows"] if row["cluster"] == VIL]
    return Section(
        "5",
        texts["q5"],
        [sentence],
        [
            Table(
                texts["t_vil"],
                ("type", "projects", "granted_support", "total_cost", "average_support"),
                rows,
            )
        ],
    )


def _question_6(report: Report, spearhead: set[str], texts: dict[str, str], year: int) -> Section:
    """The spearhead clusters' KPIs (the question's subject); other clusters' KPIs are counted."""
    rows = [row for row in report["rows"] if row["cluster"] in spearhead]
    clusters = [row for row in report["clusters"] if row["cluster"] in spearhead]
    if not rows:
        return Section("6", texts["q6"], [texts["a6_none"].format(year=year)])
    counted = Counter(row["status"] for row in rows)
    paragraphs = [
        texts["a6"].format(
            year=year,
            total=len(rows),
            met=counted["met"],
            partly=counted["partly"],
            missed=counted["missed"],
            no_data=counted["no_data"],
        )
    ]
    others = len(report["rows"]) - len(rows)
    if others:
        paragraphs.append(texts["a6_others"].format(others=others))
    return Section(
        "6",
        texts["q6"],
        paragraphs,
        [
            Table(texts["t_kpi_clusters"], ("cluster", "met", "partly", "missed", "no_data"), clusters),
            Table(texts["t_kpis"], ("cluster", "kpi", "kind", "target", "value", "ratio", "status"), rows),
        ],
        chart={**report, "rows": rows, "clusters": clusters},
    )
