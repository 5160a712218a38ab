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
from clustermonitor.reports.answer.wording import counted, listed, number
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
    status_key = "status_definitive" if figures == "definitive" else "status_provisional"
    if figures != "definitive" and as_of is None:
        status_key = "status_open"  # "was not yet closed on <today> (everything stored)" reads wrong
    status = texts[status_key].format(year=year, as_of=long_date(as_of, lang) if as_of else "")
    m = _Money(lang)
    sections = [
        *_question_1(reports["additional-resources"], texts, m, year),
        _question_2a(reports["budget-overview"], texts, m, year, status),
        _question_2b(reports["cluster-overview"], texts, m, year),
        _question_3(reports["pact-resources"], texts),
        _question_4(reports["project-generation"], reports["cluster-overview"], texts, m, year),
        _question_5(reports["project-generation"], reports["cluster-overview"], texts, m, year),
        _question_6(
            reports["kpi-status"],
            _spearhead(reports["pact-resources"]),
            [row["cluster"] for row in reports["cluster-overview"]["rows"]],
            texts,
            m,
            year,
        ),
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

    def count(self, value: int) -> str:
        return number(value, self.lang)


def _question_1(report: Report, texts: dict[str, str], m: _Money, year: int) -> list[Section]:
    totals = report["totals"]
    if not report["rows"]:
        return [Section("1", texts["q1"], [texts["a1_none"].format(year=year)])]
    instruments = list(report["by_instrument"])
    projects = totals["projects"]
    via = "a1b_via_one" if projects == 1 else "a1b_via_single" if len(instruments) == 1 else "a1b_via"
    by_instrument = [{"instrument": code, **figures} for code, figures in report["by_instrument"].items()]
    return [
        Section(
            "1",
            texts["q1"],
            [
                counted(texts, "a1", projects).format(
                    year=year,
                    projects=m.count(projects),
                    total_cost=m(totals["total_cost"]),
                    granted_support=m(totals["granted_support"]),
                ),
                counted(texts, "a1b", projects)
                + " "
                + texts[via].format(instruments=listed(instruments, texts)),
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
    total, budget = report["total"]["committed"], report["total"]["budget"]
    if not total:
        key = "a2a_zero" if budget else "a2a_empty"
    else:
        key = "a2a" if report["spearhead"]["committed"] else "a2a_ibn_only"
    sentence = texts[key].format(
        year=year,
        total=m(total),
        budget=m(budget),
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
    sentence = _allocations_and_projects(report, texts, m, year)
    rows = [*report["rows"], total_row("cluster", totals)]
    return Section(
        "2b",
        texts["q2b"],
        [sentence, texts["a2b_note"]] if report["rows"] else [sentence],
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


def _allocations_and_projects(report: Report, texts: dict[str, str], m: _Money, year: int) -> str:
    """Question 2b in words: allocations, applications, approvals, the pool, other funding."""
    totals, pool, clusters = report["totals"], report["pool"], len(report["rows"])
    if not clusters:
        return texts["a2b_zero"].format(year=year)
    allocated = totals["allocated_operation"] or totals["allocated_projects"]
    sentences = [
        counted(texts, "a2b", clusters).format(
            year=year,
            clusters=number_word(clusters, texts),
            operation=m(totals["allocated_operation"]),
            projects=m(totals["allocated_projects"]),
        )
        if allocated
        else texts["a2b_unallocated"].format(year=year),
        counted(texts, "a2b_applications", totals["applications"]).format(
            applications=m.count(totals["applications"])
        )
        + counted(texts, "a2b_approved", totals["approved"]).format(
            approved=m.count(totals["approved"]),
            support=m(totals["approved_support"]),
            cost=m(totals["approved_total_cost"]),
        ),
    ]
    if pool["unallocated"] or pool["drawn"]:
        sentences.append(
            counted(texts, "a2b_pool", pool["drawn"]).format(
                unallocated=m(pool["unallocated"]), drawn=m(pool["drawn"])
            )
        )
    sentences.append(
        counted(texts, "a2b_other", totals["other_public_funding"]).format(
            year=year, other=m(totals["other_public_funding"])
        )
    )
    return " ".join(sentences)


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
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(str(y) for y in years)
    if years:
        paragraph = [texts["a3"].format(years=span)]
        if any(block["pact_end_year"] > years[-1] for block in report["clusters"]):
            paragraph.append(texts["a3_later"])
        paragraph.append(texts["a3_status"])
    else:
        paragraph = [texts["a3_zero"]]

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
        [" ".join(paragraph)],
        [
            Table(texts["t_pact_operation"], columns, pivot("allocated_operation")),
            Table(texts["t_pact_projects"], columns, pivot("allocated_projects")),
        ],
        chart=report,
    )


def _question_4(report: Report, overview: Report, texts: dict[str, str], m: _Money, year: int) -> Section:
    totals = overview["totals"]
    used = report["earmarked_used"]
    sentence = " ".join(
        [
            counted(texts, "a4", used).format(year=year, used=m(used)),
            counted(texts, "a4_approved", totals["approved"]).format(
                approved=m.count(totals["approved"]), support=m(totals["approved_support"])
            ),
            texts["a4_kpi"],
        ]
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
    rows = [row for row in report["rows"] if row["cluster"] == VIL]
    committed, allocated = vil["committed_projects"], vil_overview["allocated_projects"]
    sentences = [
        counted(texts, "a5", vil["projects"]).format(
            year=year, projects=m.count(vil["projects"]), support=m(vil["granted_support"])
        ),
        counted(texts, "a5_committed", 0 if not committed and not allocated else 2).format(
            year=year, committed=m(committed), allocated=m(allocated)
        ),
    ]
    if rows:
        sentences.append(texts["a5_types"])
    sentence = " ".join(sentences)
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
        ]
        if rows
        else [],
    )


def _question_6(
    report: Report, spearhead: set[str], running: list[str], texts: dict[str, str], m: _Money, year: int
) -> Section:
    """The spearhead clusters' KPIs (the question's subject); other clusters' KPIs are counted.

    `running`: the spearhead clusters whose pact covers the year; those without a KPI target
    are named, so the overview per cluster does not leave one out silently.
    """
    rows = [row for row in report["rows"] if row["cluster"] in spearhead]
    clusters = [row for row in report["clusters"] if row["cluster"] in spearhead]
    if not rows:
        return Section("6", texts["q6"], [texts["a6_none"].format(year=year)])
    paragraphs = [_kpi_sentence(Counter(row["status"] for row in rows), len(rows), texts, m, year)]
    missing = [code for code in running if code not in {row["cluster"] for row in clusters}]
    if missing:
        paragraphs.append(texts["a6_missing"].format(clusters=listed(missing, texts), year=year))
    others = len(report["rows"]) - len(rows)
    if others:
        paragraphs.append(counted(texts, "a6_others", others).format(others=m.count(others)))
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


def _kpi_sentence(statuses: Counter[str], total: int, texts: dict[str, str], m: _Money, year: int) -> str:
    """Met, partly met and missed, naming only the non-zero ones; the verb agrees with the first."""
    found = [(statuses[status], texts[f"a6_{status}"]) for status in ("met", "partly", "missed")]
    found = [(count, word) for count, word in found if count]
    if not found:
        return counted(texts, "a6_all_no_data", total).format(total=m.count(total), year=year)
    no_data = counted(texts, "a6_no_data", statuses["no_data"]).format(no_data=m.count(statuses["no_data"]))
    if total == 1:  # "die werd gehaald" / "it was met"
        ((_, word),) = found
        results = f"{texts['a6_verb_one']} {word}{no_data}"
        return texts["a6_one"].format(total=m.count(total), year=year, results=results)
    (first, word), *rest = found
    results = [
        texts["a6_first"].format(verb=counted(texts, "a6_verb", first), count=m.count(first), word=word),
        *(f"{m.count(count)} {word}" for count, word in rest),
    ]
    return texts["a6"].format(total=m.count(total), year=year, results=listed(results, texts) + no_data)
