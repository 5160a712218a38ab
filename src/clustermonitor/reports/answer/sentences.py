"""The sentences of a drafted answer, per report: the key figures of the report in words.

Each function takes the report a sub-question is mapped to (and fetches any report whose
figures its sentences also need, through `Draft.fetch`, so a frozen answer has them too)
and returns paragraphs. Figures come from the reports only; the words are the one
gettext catalogue's, in the language the composer activated; wording.py agrees them
with their counts. The project and KPI sentences are in sentences_projects.py.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermonitor.reports.answer.model import long_date
from clustermonitor.reports.answer.wording import listed, number, number_word, when_none
from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.display import money

Fetch = Callable[[str, int | None, str | None], Report]


@dataclass
class Draft:
    """What every sentence function needs: the language, the reports, the as-of date."""

    lang: str
    fetch: Fetch
    as_of: date | None

    def m(self, value: Decimal) -> str:
        return money(value, self.lang)

    def count(self, value: int) -> str:
        return number(value, self.lang)


def additional_resources(d: Draft, report: Report, cluster: str | None) -> list[str]:
    year, totals = report["year"], report["totals"]
    if not report["rows"]:
        return [
            _("In {year}, no projects were approved through other support instruments.").format(year=year)
        ]
    instruments, projects = list(report["by_instrument"]), totals["projects"]
    approved = ngettext(
        "In {year}, {projects} project funded through a support instrument other than the earmarked "
        "project budget was approved. Its total project cost is {total_cost}; the public support "
        "received is {granted_support}. Both amounts are shown below, per instrument (where the "
        "resources come from) and per cluster.",
        "In {year}, {projects} projects funded through support instruments other than the earmarked "
        "project budget were approved (spearhead clusters and IBNs together). Their total project cost "
        "is {total_cost}; the public support received is {granted_support}. Both amounts are shown "
        "below, per instrument (where the resources come from) and per cluster.",
        projects,
    )
    why = ngettext(
        "This project is not funded from the earmarked resources, which can only fund project types "
        "decided on by the Hermesfonds decision committee.",
        "These projects are not funded from the earmarked resources, which can only fund project types "
        "decided on by the Hermesfonds decision committee.",
        projects,
    )
    if projects == 1:
        via = _("The project runs through {instruments}.")
    elif len(instruments) == 1:
        via = _("The projects all run through {instruments}.")
    else:
        via = _("The projects run through other instruments: {instruments}.")
    amounts = {"total_cost": d.m(totals["total_cost"]), "granted_support": d.m(totals["granted_support"])}
    return [
        approved.format(year=year, projects=d.count(projects), **amounts),
        f"{why} {via.format(instruments=listed(instruments))}",
    ]


def budget_overview(d: Draft, report: Report, cluster: str | None) -> list[str]:
    year = report["year"]
    by_envelope = {row["envelope"]: row for row in report["envelopes"]}
    total, budget = report["total"]["committed"], report["total"]["budget"]
    if not total and budget:
        sentence = _("No commitments have been booked yet on the budget of {budget} for {year}.")
    elif not total:
        sentence = _("No budget and no commitments are stored for {year}.")
    elif report["spearhead"]["committed"]:
        sentence = _(
            "The effective commitments in {year} total {total}, on a budget of {budget}: {spearhead} for the "
            "spearhead clusters ({operation} for cluster operation and {projects} from the project budget) "
            "and {ibn} for the innovative business networks (IBN)."
        )
    else:
        sentence = _(
            "The effective commitments in {year} total {total}, on a budget of {budget}, all for the "
            "innovative business networks (IBN)."
        )
    figures = {
        "total": d.m(total),
        "budget": d.m(budget),
        "spearhead": d.m(report["spearhead"]["committed"]),
        "operation": d.m(by_envelope["spearhead_operation"]["committed"]),
        "projects": d.m(by_envelope["spearhead_projects"]["committed"]),
        "ibn": d.m(report["ibn"]["committed"]),
    }
    return [status_sentence(d, report), sentence.format(year=year, **figures)]


def status_sentence(d: Draft, report: Report) -> str:
    """Definitive or provisional: whether the year was closed on the as-of date."""
    if report["figures"] == "definitive":
        sentence = _("These are definitive figures for the whole year {year}: the year is closed.")
    elif d.as_of is None:
        sentence = _("These are provisional figures: the year {year} is not yet closed.")
    else:
        sentence = _("These are provisional figures: the year {year} was not yet closed on {as_of}.")
    as_of = long_date(d.as_of, d.lang) if d.as_of else ""
    return sentence.format(year=report["year"], as_of=as_of)


def cluster_overview(d: Draft, report: Report, cluster: str | None) -> list[str]:
    year, totals, pool, clusters = report["year"], report["totals"], report["pool"], len(report["rows"])
    if not clusters:
        return [_("No spearhead cluster has a cluster pact running in {year}.").format(year=year)]
    allocated = when_none(
        totals["allocated_operation"] or totals["allocated_projects"],
        _("For {year}, no resources have been allocated yet to the spearhead clusters."),
        ngettext(
            "For {year}, {clusters} spearhead cluster was allocated {operation} for cluster operation "
            "and {projects} for projects.",
            "For {year}, the {clusters} spearhead clusters were allocated {operation} for cluster "
            "operation and {projects} for projects.",
            clusters,
        ),
    ).format(
        year=year,
        clusters=number_word(clusters),
        operation=d.m(totals["allocated_operation"]),
        projects=d.m(totals["allocated_projects"]),
    )
    sentences = [allocated, _applications(d, totals)]
    if pool["unallocated"] or pool["drawn"]:
        drawn = when_none(
            pool["drawn"],
            _("None of the unallocated project resources ({unallocated}) was drawn."),
            _("Of the unallocated project resources ({unallocated}), {drawn} was drawn."),
        )
        sentences.append(drawn.format(unallocated=d.m(pool["unallocated"]), drawn=d.m(pool["drawn"])))
    other = when_none(
        totals["other_public_funding"],
        _("No other public funding of the spearhead clusters is stored for {year}."),
        _("The spearhead clusters also obtained {other} of other public funding."),
    )
    sentences.append(other.format(year=year, other=d.m(totals["other_public_funding"])))
    note = _(
        "An application counts in the year it was submitted, an approval in the year of the decision; "
        "a year's approved projects are therefore not necessarily that year's applications."
    )
    return [" ".join(sentences), note]


def _applications(d: Draft, totals: Report) -> str:
    """The applications submitted and the projects approved, in one sentence."""
    applications, approved = totals["applications"], totals["approved"]
    submitted = when_none(
        applications,
        _("Within the project budget, no project applications were submitted"),
        ngettext(
            "Within the project budget, {applications} project application was submitted",
            "Within the project budget, {applications} project applications were submitted",
            applications,
        ),
    )
    decided = when_none(
        approved,
        _("; no projects were approved."),
        ngettext(
            "; {approved} project was approved, with {support} of support granted for a total project "
            "cost of {cost}.",
            "; {approved} projects were approved, with {support} of support granted for a total project "
            "cost of {cost}.",
            approved,
        ),
    )
    return submitted.format(applications=d.count(applications)) + decided.format(
        approved=d.count(approved),
        support=d.m(totals["approved_support"]),
        cost=d.m(totals["approved_total_cost"]),
    )


def pact_resources(d: Draft, report: Report, cluster: str | None) -> list[str]:
    """The years with figures (a budget, or an amount) in any cluster, in one paragraph."""
    years = sorted(
        {
            row["year"]
            for block in report["clusters"]
            for row in block["years"]
            if row["figures"] != "planned" or row["allocated_operation"] or row["allocated_projects"]
        }
    )
    if not years:
        return [_("No budget has been set yet for any year of the spearhead clusters' pacts.")]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    paragraph = [
        _(
            "The tables show, per spearhead cluster, the resources allocated each year for cluster operation "
            "and for projects, for the years that have a budget ({years})."
        ).format(years=span)
    ]
    if any(block["pact_end_year"] > years[-1] for block in report["clusters"]):
        paragraph.append(_("No budget has been set yet for the later years of the pacts."))
    paragraph.append(_("Figures of closed years are definitive, those of open years provisional."))
    return [" ".join(paragraph)]
