"""The sentences of a drafted answer, per report: the key figures of the report in words.

Each function takes the report a sub-question is mapped to (and fetches any report whose
figures its sentences also need, through `Draft.fetch`, so a frozen answer has them too)
and returns paragraphs. Figures come from the reports only; wording.py agrees the words.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clustermonitor.reports.answer.model import long_date
from clustermonitor.reports.answer.wording import counted, listed, number
from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.display import money

Fetch = Callable[[str, int | None, str | None], Report]


@dataclass
class Draft:
    """What every sentence function needs: the texts, the language, the reports."""

    lang: str
    texts: dict[str, str]
    fetch: Fetch
    as_of: date | None

    def m(self, value: Decimal) -> str:
        return money(value, self.lang)

    def count(self, value: int) -> str:
        return number(value, self.lang)


def number_word(count: int, texts: dict[str, str]) -> str:
    """Small counts in words, as formal writing has them (`zes speerpuntclusters`)."""
    words = texts["numbers"].split()
    return words[count] if 0 <= count < len(words) else str(count)


def spearhead(pacts: Report) -> set[str]:
    """The spearhead clusters: those pact-resources lists by default."""
    return {block["cluster"] for block in pacts["clusters"] if block["type"] == "spearhead"}


def additional_resources(d: Draft, report: Report, cluster: str | None) -> list[str]:
    texts, year, totals = d.texts, report["year"], report["totals"]
    if not report["rows"]:
        return [texts["a1_none"].format(year=year)]
    instruments = list(report["by_instrument"])
    projects = totals["projects"]
    via = "a1b_via_one" if projects == 1 else "a1b_via_single" if len(instruments) == 1 else "a1b_via"
    return [
        counted(texts, "a1", projects).format(
            year=year,
            projects=d.count(projects),
            total_cost=d.m(totals["total_cost"]),
            granted_support=d.m(totals["granted_support"]),
        ),
        counted(texts, "a1b", projects) + " " + texts[via].format(instruments=listed(instruments, texts)),
    ]


def budget_overview(d: Draft, report: Report, cluster: str | None) -> list[str]:
    texts, year = d.texts, report["year"]
    by_envelope = {row["envelope"]: row for row in report["envelopes"]}
    total, budget = report["total"]["committed"], report["total"]["budget"]
    if not total:
        key = "a2a_zero" if budget else "a2a_empty"
    else:
        key = "a2a" if report["spearhead"]["committed"] else "a2a_ibn_only"
    sentence = texts[key].format(
        year=year,
        total=d.m(total),
        budget=d.m(budget),
        spearhead=d.m(report["spearhead"]["committed"]),
        operation=d.m(by_envelope["spearhead_operation"]["committed"]),
        projects=d.m(by_envelope["spearhead_projects"]["committed"]),
        ibn=d.m(report["ibn"]["committed"]),
    )
    return [status_sentence(d, report), sentence]


def status_sentence(d: Draft, report: Report) -> str:
    """Definitive or provisional: whether the year was closed on the as-of date."""
    key = "status_definitive" if report["figures"] == "definitive" else "status_provisional"
    if report["figures"] != "definitive" and d.as_of is None:
        key = "status_open"
    as_of = long_date(d.as_of, d.lang) if d.as_of else ""
    return d.texts[key].format(year=report["year"], as_of=as_of)


def cluster_overview(d: Draft, report: Report, cluster: str | None) -> list[str]:
    texts, year = d.texts, report["year"]
    totals, pool, clusters = report["totals"], report["pool"], len(report["rows"])
    if not clusters:
        return [texts["a2b_zero"].format(year=year)]
    allocated = totals["allocated_operation"] or totals["allocated_projects"]
    sentences = [
        counted(texts, "a2b", clusters).format(
            year=year,
            clusters=number_word(clusters, texts),
            operation=d.m(totals["allocated_operation"]),
            projects=d.m(totals["allocated_projects"]),
        )
        if allocated
        else texts["a2b_unallocated"].format(year=year),
        counted(texts, "a2b_applications", totals["applications"]).format(
            applications=d.count(totals["applications"])
        )
        + counted(texts, "a2b_approved", totals["approved"]).format(
            approved=d.count(totals["approved"]),
            support=d.m(totals["approved_support"]),
            cost=d.m(totals["approved_total_cost"]),
        ),
    ]
    if pool["unallocated"] or pool["drawn"]:
        sentences.append(
            counted(texts, "a2b_pool", pool["drawn"]).format(
                unallocated=d.m(pool["unallocated"]), drawn=d.m(pool["drawn"])
            )
        )
    sentences.append(
        counted(texts, "a2b_other", totals["other_public_funding"]).format(
            year=year, other=d.m(totals["other_public_funding"])
        )
    )
    return [" ".join(sentences), texts["a2b_note"]]


def pact_resources(d: Draft, report: Report, cluster: str | None) -> list[str]:
    """The years with figures (a budget, or an amount) in any cluster, in one paragraph."""
    texts = d.texts
    years = sorted(
        {
            row["year"]
            for block in report["clusters"]
            for row in block["years"]
            if row["figures"] != "planned" or row["allocated_operation"] or row["allocated_projects"]
        }
    )
    if not years:
        return [texts["a3_zero"]]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    paragraph = [texts["a3"].format(years=span)]
    if any(block["pact_end_year"] > years[-1] for block in report["clusters"]):
        paragraph.append(texts["a3_later"])
    paragraph.append(texts["a3_status"])
    return [" ".join(paragraph)]


def project_generation(d: Draft, report: Report, cluster: str | None) -> list[str]:
    texts, year = d.texts, report["year"]
    overview = d.fetch("cluster-overview", year, None)
    if cluster is not None:
        return _one_cluster_generation(d, report, overview, cluster)
    totals, used = overview["totals"], report["earmarked_used"]
    sentence = " ".join(
        [
            counted(texts, "a4", used).format(year=year, used=d.m(used)),
            counted(texts, "a4_approved", totals["approved"]).format(
                approved=d.count(totals["approved"]), support=d.m(totals["approved_support"])
            ),
            texts["a4_kpi"],
        ]
    )
    return [sentence]


def _one_cluster_generation(d: Draft, report: Report, overview: Report, cluster: str) -> list[str]:
    texts, year = d.texts, report["year"]
    row = next((r for r in report["clusters"] if r["cluster"] == cluster), None)
    row_overview = next((r for r in overview["rows"] if r["cluster"] == cluster), None)
    if row is None or row_overview is None:
        return [texts["a5_none"].format(year=year, cluster=cluster)]
    committed, allocated = row["committed_projects"], row_overview["allocated_projects"]
    sentences = [
        counted(texts, "a5", row["projects"]).format(
            year=year, cluster=cluster, projects=d.count(row["projects"]), support=d.m(row["granted_support"])
        ),
        counted(texts, "a5_committed", 0 if not committed and not allocated else 2).format(
            year=year, cluster=cluster, committed=d.m(committed), allocated=d.m(allocated)
        ),
    ]
    if any(r["cluster"] == cluster for r in report["rows"]):
        sentences.append(texts["a5_types"])
    return [" ".join(sentences)]


def kpi_status(d: Draft, report: Report, cluster: str | None) -> list[str]:
    """The spearhead clusters' KPIs (the subject); other clusters' KPIs are counted.

    Spearhead clusters whose pact covers the year but have no KPI target are named, so
    the overview per cluster does not leave one out silently.
    """
    texts, year = d.texts, report["year"]
    heads = spearhead(d.fetch("pact-resources", None, None))
    running = [row["cluster"] for row in d.fetch("cluster-overview", year, None)["rows"]]
    rows = [row for row in report["rows"] if row["cluster"] in heads]
    if not rows:
        return [texts["a6_none"].format(year=year)]
    paragraphs = [_kpi_sentence(Counter(row["status"] for row in rows), len(rows), d, year)]
    with_target = {row["cluster"] for row in report["clusters"] if row["cluster"] in heads}
    missing = [code for code in running if code not in with_target]
    if missing:
        paragraphs.append(texts["a6_missing"].format(clusters=listed(missing, texts), year=year))
    others = len(report["rows"]) - len(rows)
    if others:
        paragraphs.append(counted(texts, "a6_others", others).format(others=d.count(others)))
    return paragraphs


def _kpi_sentence(statuses: Counter[str], total: int, d: Draft, year: int) -> str:
    """Met, partly met and missed, naming only the non-zero ones; the verb agrees with the first."""
    texts = d.texts
    found = [(statuses[status], texts[f"a6_{status}"]) for status in ("met", "partly", "missed")]
    found = [(count, word) for count, word in found if count]
    if not found:
        return counted(texts, "a6_all_no_data", total).format(total=d.count(total), year=year)
    no_data = counted(texts, "a6_no_data", statuses["no_data"]).format(no_data=d.count(statuses["no_data"]))
    if total == 1:  # "die werd gehaald" / "it was met"
        ((_, word),) = found
        return texts["a6_one"].format(
            total=d.count(total), year=year, results=f"{texts['a6_verb_one']} {word}{no_data}"
        )
    (first, word), *rest = found
    results = [
        texts["a6_first"].format(verb=counted(texts, "a6_verb", first), count=d.count(first), word=word),
        *(f"{d.count(count)} {word}" for count, word in rest),
    ]
    return texts["a6"].format(total=d.count(total), year=year, results=listed(results, texts) + no_data)


SENTENCES: dict[str, Callable[[Draft, Report, str | None], list[str]]] = {
    "additional-resources": additional_resources,
    "budget-overview": budget_overview,
    "cluster-overview": cluster_overview,
    "pact-resources": pact_resources,
    "project-generation": project_generation,
    "kpi-status": kpi_status,
}
