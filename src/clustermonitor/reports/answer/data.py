"""`answer --year Y`: the shortcut that answers written question 228 (2019) for one year.

It is the general builder (compose.py) with 228's sub-questions mapped the way its
answer needs them: 1 additional-resources, 2a budget-overview, 2b cluster-overview,
3 pact-resources, 4 project-generation, 5 project-generation for VIL, 6 kpi-status, all
for the year asked. A question taken in with `question add` is drafted by the same builder.
"""

from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from clustermonitor.reports.answer.compose import Heading, Part, Target, as_of_words, compose, once
from clustermonitor.reports.answer.model import LANGUAGES, Answer, Section, long_date
from clustermonitor.reports.answer.sentences import Fetch
from clustermonitor.reports.figures import Report
from clustermonitor.reports.registry import report_build

__all__ = ["LANGUAGES", "Answer", "Section", "answer_build", "long_date"]
VIL = "VIL"
# The sub-questions of question 228, as the question asked them (translated when drafted).
Q1 = gettext_noop(
    "Additional resources beyond the earmarked project budget: project amounts or public support "
    "received, where do they come from, and why are these projects not funded from the earmarked "
    "budget?"
)
Q2A = gettext_noop("The effective commitments in {year} on the cluster policy budget.")
Q2B = gettext_noop(
    "Per spearhead cluster: the resources allocated (operation and projects), the number of project "
    "applications and approved projects with their budget, and other public funding."
)
Q3 = gettext_noop(
    "Per spearhead cluster, the resources available each year over the whole term of the cluster pact."
)
Q4 = gettext_noop("Project generation by the spearhead clusters, in the light of the objectives and KPIs.")
Q5 = gettext_noop(
    "VIL (Flemish Institute for Logistics) specifically: support within the earmarked project budget."
)
Q6 = gettext_noop("Which KPIs do the spearhead clusters meet and which not? An overview per cluster.")


def answer_build(
    *, year: int, as_of: date | None = None, lang: str = "nl", today: date | None = None
) -> Answer:
    """The whole answer for `year`, on the data known on `as_of` (default: everything stored)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    today = today or date.today()
    fetch = once(live(as_of))  # the status line's report is 2a's: made once for both
    figures = fetch("budget-overview", year, None)["figures"]
    with translation.override(lang):
        parts = [
            Part("1", _(Q1), [Target("additional-resources", year, None)]),
            Part("2a", _(Q2A).format(year=year), [Target("budget-overview", year, None)]),
            Part("2b", _(Q2B), [Target("cluster-overview", year, None)]),
            Part("3", _(Q3), [Target("pact-resources", None, None)]),
            Part("4", _(Q4), [Target("project-generation", year, None)]),
            Part("5", _(Q5), [Target("project-generation", year, VIL)]),
            Part("6", _(Q6), [Target("kpi-status", year, None)]),
        ]
        meta = (
            _("Figures for {year}: definitive figures, as of {as_of}.")
            if figures == "definitive"
            else _("Figures for {year}: provisional figures, as of {as_of}.")
        )
        heading = Heading(
            _("Answer to written question no. 228 of 23 January 2019"),
            _("by Daniëlle Vanwesenbeeck — Innovative business networks and spearhead clusters: budgets (2)"),
            meta.format(year=year, as_of=as_of_words(as_of, today, lang)),
        )
    return compose(parts, heading, fetch=fetch, lang=lang, as_of=as_of, today=today)


def live(as_of: date | None) -> Fetch:
    """Reports made from the data now, as known on `as_of`."""

    def fetch(report: str, year: int | None, cluster: str | None) -> Report:
        per_cluster = cluster if report == "pact-resources" else None
        return report_build(report, year=year, cluster=per_cluster, as_of=as_of)

    return fetch
