"""The general answer builder: one section per sub-question, from the reports it maps to.

A `Part` names a sub-question (label, text), the reports that answer it (`Target`:
report, year, cluster) and the analyst's prose. Each section holds the report's key
figures in sentences (sentences.py), then the report's OWN tables (`ReportSpec.tables`,
rows narrowed to the sub-question's cluster), its chart, the prose. A sub-question
answered by prose only shows its support reports' tables under a "support" line.
Reports come from `fetch`: live (`report_build`) or from a frozen snapshot.
"""

from dataclasses import dataclass, field
from datetime import date

from clustermonitor.reports.answer.model import Answer, Section, long_date
from clustermonitor.reports.answer.sentences import SENTENCES, Draft, Fetch
from clustermonitor.reports.answer.texts import TEXTS
from clustermonitor.reports.figures import Report
from clustermonitor.reports.registry import REPORTS
from clustermonitor.reports.renderers.charts import CHARTS
from clustermonitor.reports.tables import Table

TITLES = {
    ("budget-overview", "envelopes"): "t_envelopes",
    ("additional-resources", "projects per instrument"): "t_instrument",
    ("additional-resources", "projects per cluster and instrument"): "t_cluster_instrument",
    ("cluster-overview", "clusters"): "t_resources",
    ("cluster-overview", "pool"): "t_pool",
    ("cluster-overview", "other public funding by instrument"): "t_other_instrument",
    ("pact-resources", "clusters"): "t_pact_clusters",
    ("pact-resources", "years"): "t_pact_years",
    ("project-generation", "clusters"): "t_generation",
    ("project-generation", "projects per cluster and type"): "t_types",
    ("project-generation", "earmarked project budget used"): "t_used",
    ("kpi-status", "KPIs"): "t_kpis",
    ("kpi-status", "status per cluster"): "t_kpi_clusters",
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
    """The answer to `parts`; every figure comes from `fetch`."""
    texts = TEXTS[lang]
    fetch = _once(fetch)
    draft = Draft(lang, texts, fetch, as_of)
    as_of_text = long_date(as_of, lang) if as_of else texts["everything"].format(today=long_date(today, lang))
    sections = [_section(draft, part, as_of_text) for part in parts]
    yearly = [fetch(t.report, t.year, t.cluster) for p in parts for t in p.targets if t.year is not None]
    year = yearly[0]["year"] if yearly else today.year
    figures = yearly[0]["figures"] if yearly else "provisional"
    meta = heading.meta or texts["meta_q"].format(as_of=as_of_text)
    return Answer(lang, year, as_of, figures, heading.title, heading.subtitle, meta, sections, {})


def _once(fetch: Fetch) -> Fetch:
    """Each report made once per answer, however many sentences and sections use it."""
    made: dict[tuple[str, int | None, str | None], Report] = {}

    def fetch_once(report: str, year: int | None, cluster: str | None) -> Report:
        key = (report, year, cluster if report == "pact-resources" else None)
        if key not in made:
            made[key] = fetch(report, year, cluster)
        return made[key]

    return fetch_once


def _section(draft: Draft, part: Part, as_of_text: str) -> Section:
    texts = draft.texts
    section = Section(part.label, part.question, [])
    reports = [(t, draft.fetch(t.report, t.year, t.cluster)) for t in part.targets or part.support]
    for target, report in reports if part.targets else []:
        section.paragraphs += SENTENCES[target.report](draft, report, target.cluster)
    prose = [p.strip() for p in part.prose.split("\n\n") if p.strip()]
    if not part.targets:
        section.paragraphs += prose or [texts["prose_missing"]]
        if reports:
            section.paragraphs.append(texts["support"])
    else:
        section.paragraphs += prose
    for target, report in reports:
        section.tables += [_titled(t, target.report, texts) for t in _own_tables(report, target.cluster)]
        if section.chart is None and target.report in CHARTS and part.targets:
            section.chart = report
    section.note = _note(texts, [r for _, r in reports], as_of_text)
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


def _titled(table: Table, report: str, texts: dict[str, str]) -> Table:
    key = TITLES.get((report, table.title))
    return Table(texts[key] if key else table.title, table.columns, table.rows)


def _note(texts: dict[str, str], reports: list[Report], as_of_text: str) -> str:
    yearly = [r for r in reports if r["year"] is not None]
    if not yearly:
        return texts["note_pact"].format(as_of=as_of_text) if reports else ""
    return texts["note"].format(status=texts[yearly[0]["figures"]].capitalize(), as_of=as_of_text)
