"""The general answer builder: one section per sub-question, from the reports it maps to.

A `Part` names a sub-question (label, text), the reports that answer it (`Target`:
report, year, cluster) and the analyst's prose. Each section holds the report's key
figures in sentences (sentences.py), then the report's OWN tables (`ReportSpec.tables`,
rows narrowed to the sub-question's cluster), its chart, the prose. A sub-question
answered by prose only shows its support reports' tables under a "support" line.
Reports come from `fetch`: live (`report_build`) or from a frozen snapshot.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermonitor.reports.answer import sentences, sentences_projects
from clustermonitor.reports.answer.model import Answer, Section, long_date
from clustermonitor.reports.answer.sentences import Draft, Fetch
from clustermonitor.reports.figures import Report
from clustermonitor.reports.registry import REPORTS
from clustermonitor.reports.renderers.charts import CHARTS
from clustermonitor.reports.tables import Table

# The reports' table titles as the answer words them (the report names its tables in
# English; the pages show reports/labels.py's short labels).
TITLES: dict[tuple[str, str], Promise] = {
    ("budget-overview", "envelopes"): gettext_lazy("Budget and commitments per envelope"),
    ("additional-resources", "projects per instrument"): gettext_lazy("Other public funding per instrument"),
    ("additional-resources", "projects per cluster and instrument"): gettext_lazy(
        "Other public funding per cluster and instrument"
    ),
    ("cluster-overview", "clusters"): gettext_lazy("Resources allocated and committed per spearhead cluster"),
    ("cluster-overview", "pool"): gettext_lazy("Unallocated project resources"),
    ("cluster-overview", "other public funding by instrument"): gettext_lazy(
        "Other public funding per instrument"
    ),
    ("pact-resources", "clusters"): gettext_lazy(
        "Resources allocated per cluster over the whole cluster pact"
    ),
    ("pact-resources", "years"): gettext_lazy("Resources allocated per cluster and year"),
    ("project-generation", "clusters"): gettext_lazy("Approved projects and resources used per cluster"),
    ("project-generation", "projects per cluster and type"): gettext_lazy(
        "Approved projects per cluster and project type"
    ),
    ("project-generation", "earmarked project budget used"): gettext_lazy("Earmarked project resources used"),
    ("kpi-status", "KPIs"): gettext_lazy("KPIs: target and result"),
    ("kpi-status", "status per cluster"): gettext_lazy("KPIs per cluster"),
}
SENTENCES: dict[str, Callable[[Draft, Report, str | None], list[str]]] = {
    "additional-resources": sentences.additional_resources,
    "budget-overview": sentences.budget_overview,
    "cluster-overview": sentences.cluster_overview,
    "pact-resources": sentences.pact_resources,
    "project-generation": sentences_projects.project_generation,
    "kpi-status": sentences_projects.kpi_status,
}


@dataclass(frozen=True)
class Target:
    report: str
    year: int | None
    cluster: str | None


@dataclass
class Part:
    label: str
    question: str
    targets: list[Target]
    prose: str = ""
    support: list[Target] = field(default_factory=list)


@dataclass
class Heading:
    title: str
    subtitle: str
    meta: str = ""


def compose(
    parts: list[Part], heading: Heading, *, fetch: Fetch, lang: str, as_of: date | None, today: date
) -> Answer:
    """The answer to `parts`, in `lang`; every figure comes from `fetch`."""
    fetch = once(fetch)
    draft = Draft(lang, fetch, as_of)
    with translation.override(lang):
        as_of_text = as_of_words(as_of, today, lang)
        sections = [_section(draft, part, as_of_text) for part in parts]
        meta = heading.meta or _("Situation as of {as_of}.").format(as_of=as_of_text)
    yearly = [fetch(t.report, t.year, t.cluster) for p in parts for t in p.targets if t.year is not None]
    year = yearly[0]["year"] if yearly else today.year
    figures = yearly[0]["figures"] if yearly else "provisional"
    return Answer(lang, year, as_of, figures, heading.title, heading.subtitle, meta, sections, {})


def as_of_words(as_of: date | None, today: date, lang: str) -> str:
    """The as-of date in words; without one, today's (everything stored)."""
    if as_of is not None:
        return long_date(as_of, lang)
    with translation.override(lang):
        return _("{today} (everything stored)").format(today=long_date(today, lang))


def once(fetch: Fetch) -> Fetch:
    """Each report made once per answer, however many sentences and sections use it."""
    made: dict[tuple[str, int | None, str | None], Report] = {}

    def fetch_once(report: str, year: int | None, cluster: str | None) -> Report:
        key = (report, year, cluster if report == "pact-resources" else None)
        if key not in made:
            made[key] = fetch(report, year, cluster)
        return made[key]

    return fetch_once


def _section(draft: Draft, part: Part, as_of_text: str) -> Section:
    section = Section(part.label, part.question, [])
    reports = [(t, draft.fetch(t.report, t.year, t.cluster)) for t in part.targets or part.support]
    for target, report in reports if part.targets else []:
        section.paragraphs += SENTENCES[target.report](draft, report, target.cluster)
    prose = [p.strip() for p in part.prose.split("\n\n") if p.strip()]
    if not part.targets:
        section.paragraphs += prose or [_("[The analyst writes the answer here.]")]
        if reports:
            section.paragraphs.append(_("In support: the figures of the nearest report."))
    else:
        section.paragraphs += prose
    for target, report in reports:
        section.tables += [_titled(t, target.report) for t in _own_tables(report, target.cluster)]
        if section.chart is None and target.report in CHARTS and part.targets:
            section.chart = report
    section.note = _note([report for _target, report in reports], as_of_text)
    return section


def _own_tables(report: Report, cluster: str | None) -> list[Table]:
    """The report's own tables; when the part names a cluster, that cluster's rows only
    (tables without a cluster column, or left empty, are not shown)."""
    tables = REPORTS[report["report"]].tables(report)
    if cluster is None:
        return tables
    narrowed = [
        Table(t.title, t.columns, [row for row in t.rows if row.get("cluster") == cluster])
        for t in tables
        if "cluster" in t.columns
    ]
    return [table for table in narrowed if table.rows]


def _titled(table: Table, report: str) -> Table:
    title = TITLES.get((report, table.title))
    return Table(str(title) if title is not None else table.title, table.columns, table.rows)


def _note(reports: list[Report], as_of_text: str) -> str:
    yearly = [r for r in reports if r["year"] is not None]
    if not yearly:
        note = _("Definitive figures for closed years, provisional for open years; as of {as_of}.")
        return note.format(as_of=as_of_text) if reports else ""
    if yearly[0]["figures"] == "definitive":
        return _("Definitive figures, as of {as_of}.").format(as_of=as_of_text)
    return _("Provisional figures, as of {as_of}.").format(as_of=as_of_text)
