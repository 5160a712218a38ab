"""The sentences on project generation (sub-questions 4 and 5) and the KPIs (6), in the
language the composer activated; see sentences.py for the rest and for `Draft`."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermonitor.reports.answer.sentences import Draft
from clustermonitor.reports.answer.wording import listed, when_none
from clustermonitor.reports.figures import Report


def spearhead(pacts: Report) -> set[str]:
    """The spearhead clusters: those pact-resources lists by default."""
    return {block["cluster"] for block in pacts["clusters"] if block["type"] == "spearhead"}


def project_generation(d: Draft, report: Report, cluster: str | None) -> list[str]:
    year = report["year"]
    overview = d.fetch("cluster-overview", year, None)
    if cluster is not None:
        return _one_cluster_generation(d, report, overview, cluster)
    totals, used = overview["totals"], report["earmarked_used"]
    approved = totals["approved"]
    sentences = [
        when_none(
            used,
            _(
                "In {year}, no earmarked resources were used: there are no net commitments on the spearhead "
                "project budget."
            ),
            _(
                "In {year}, {used} of earmarked resources was used (net commitments on the spearhead "
                "project budget)."
            ),
        ).format(year=year, used=d.m(used)),
        when_none(
            approved,
            _("No projects were approved within the earmarked budget."),
            ngettext(
                "Within the earmarked budget, {approved} project was approved, with {support} of support "
                "granted.",
                "Within the earmarked budget, {approved} projects were approved, with {support} of support "
                "granted.",
                approved,
            ),
        ).format(approved=d.count(approved), support=d.m(totals["approved_support"])),
        _("The KPIs per cluster are in the answer to question 6."),
    ]
    return [" ".join(sentences)]


def _one_cluster_generation(d: Draft, report: Report, overview: Report, cluster: str) -> list[str]:
    year = report["year"]
    row = next((r for r in report["clusters"] if r["cluster"] == cluster), None)
    row_overview = next((r for r in overview["rows"] if r["cluster"] == cluster), None)
    if row is None or row_overview is None:
        none = _("There are no figures on the earmarked project budget for {cluster} in {year}.")
        return [none.format(year=year, cluster=cluster)]
    committed, allocated, projects = (
        row["committed_projects"],
        row_overview["allocated_projects"],
        row["projects"],
    )
    approved = when_none(
        projects,
        _("For {cluster}, no projects were approved within the earmarked project budget in {year}."),
        ngettext(
            "For {cluster}, {projects} project was approved within the earmarked project budget in {year}, "
            "with {support} of support granted.",
            "For {cluster}, {projects} projects were approved within the earmarked project budget in {year}, "
            "with {support} of support granted.",
            projects,
        ),
    )
    used = when_none(
        committed or allocated,
        _("{cluster} was allocated no project resources for {year} and nothing was committed."),
        _(
            "{cluster}'s net commitments on the project budget are {committed}, against an "
            "allocation of {allocated}."
        ),
    )
    sentences = [
        approved.format(
            year=year, cluster=cluster, projects=d.count(projects), support=d.m(row["granted_support"])
        ),
        used.format(year=year, cluster=cluster, committed=d.m(committed), allocated=d.m(allocated)),
    ]
    if any(r["cluster"] == cluster for r in report["rows"]):
        sentences.append(_("Per project type:"))
    return [" ".join(sentences)]


def kpi_status(d: Draft, report: Report, cluster: str | None) -> list[str]:
    """The spearhead clusters' KPIs (the subject); other clusters' KPIs are counted.

    Spearhead clusters whose pact covers the year but have no KPI target are named, so
    the overview per cluster does not leave one out silently.
    """
    year = report["year"]
    heads = spearhead(d.fetch("pact-resources", None, None))
    running = [row["cluster"] for row in d.fetch("cluster-overview", year, None)["rows"]]
    rows = [row for row in report["rows"] if row["cluster"] in heads]
    if not rows:
        return [_("No KPI targets of spearhead clusters are stored for {year}.").format(year=year)]
    paragraphs = [_kpi_sentence(Counter(row["status"] for row in rows), len(rows), d, year)]
    with_target = {row["cluster"] for row in report["clusters"] if row["cluster"] in heads}
    missing = [code for code in running if code not in with_target]
    if missing:
        sentence = _("No KPI targets are stored for {clusters} for {year}.")
        paragraphs.append(sentence.format(clusters=listed(missing), year=year))
    others = len(report["rows"]) - len(rows)
    if others:
        sentence = ngettext(
            "The innovative business networks have {others} more KPI with a target; "
            "it is not included in this overview.",
            "The innovative business networks have {others} more KPIs with a target; "
            "they are not included in this overview.",
            others,
        )
        paragraphs.append(sentence.format(others=d.count(others)))
    return paragraphs


def _kpi_sentence(statuses: Counter[str], total: int, d: Draft, year: int) -> str:
    """Met, partly met and missed, naming only the non-zero ones; the verb agrees with the first."""
    words = {
        "met": _("met"),
        # xgettext:no-python-format
        "partly": _("partly met (at least 75% of the target)"),
        "missed": _("missed"),
    }
    found = [(statuses[status], word) for status, word in words.items() if statuses[status]]
    if not found:
        none = ngettext(
            "For {year}, {total} KPI has a target; it has no result yet.",
            "None of the {total} KPIs with a target for {year} has a result yet.",
            total,
        )
        return none.format(total=d.count(total), year=year)
    no_data = statuses["no_data"]
    rest = when_none(
        no_data,
        ".",
        ngettext("; {no_data} has no result yet.", "; {no_data} have no result yet.", no_data),
    ).format(no_data=d.count(no_data))
    if total == 1:  # "die werd gehaald" / "it was met"
        ((_count, word),) = found
        sentence = _("For {year}, {total} KPI has a target; it was {status}")
        return sentence.format(total=d.count(total), year=year, status=word) + rest
    (first, word), *others = found
    results = [
        ngettext("{count} was {status}", "{count} were {status}", first).format(
            count=d.count(first), status=word
        ),
        *(f"{d.count(count)} {status}" for count, status in others),
    ]
    sentence = _("Of the {total} KPIs with a target for {year}, {results}")
    return sentence.format(total=d.count(total), year=year, results=listed(results) + rest)
