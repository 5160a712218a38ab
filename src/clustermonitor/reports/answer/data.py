"""`answer --year Y`: the shortcut that answers written question 228 (2019) for one year.

It is the general builder (compose.py) with 228's sub-questions mapped the way its
answer needs them: 1 additional-resources, 2a budget-overview, 2b cluster-overview,
3 pact-resources, 4 project-generation, 5 project-generation for VIL, 6 kpi-status, all
for the year asked. A question taken in with `question add` is drafted by the same builder.
"""

from datetime import date

from clustermonitor.reports.answer.compose import Heading, Part, Target, compose
from clustermonitor.reports.answer.model import LANGUAGES, Answer, Section, long_date
from clustermonitor.reports.answer.texts import TEXTS
from clustermonitor.reports.registry import report_build

__all__ = ["LANGUAGES", "Answer", "Section", "answer_build", "long_date"]
VIL = "VIL"


def answer_build(
    *, year: int, as_of: date | None = None, lang: str = "nl", today: date | None = None
) -> Answer:
    """The whole answer for `year`, on the data known on `as_of` (default: everything stored)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    texts = TEXTS[lang]
    today = today or date.today()
    as_of_text = long_date(as_of, lang) if as_of else texts["everything"].format(today=long_date(today, lang))
    parts = [
        Part("1", texts["q1"], [Target("additional-resources", year, None)]),
        Part("2a", texts["q2a"].format(year=year), [Target("budget-overview", year, None)]),
        Part("2b", texts["q2b"], [Target("cluster-overview", year, None)]),
        Part("3", texts["q3"], [Target("pact-resources", None, None)]),
        Part("4", texts["q4"], [Target("project-generation", year, None)]),
        Part("5", texts["q5"], [Target("project-generation", year, VIL)]),
        Part("6", texts["q6"], [Target("kpi-status", year, None)]),
    ]
    figures = report_build("budget-overview", year=year, as_of=as_of)["figures"]
    heading = Heading(
        texts["title"],
        texts["subtitle"],
        texts["meta"].format(year=year, status=texts[figures], as_of=as_of_text),
    )
    return compose(parts, heading, fetch=live(as_of), lang=lang, as_of=as_of, today=today)


def live(as_of: date | None):  # type: ignore[no-untyped-def]
    """Reports made from the data now, as known on `as_of`."""

    def fetch(report: str, year: int | None, cluster: str | None):  # type: ignore[no-untyped-def]
        per_cluster = cluster if report == "pact-resources" else None
        return report_build(report, year=year, cluster=per_cluster, as_of=as_of)

    return fetch
