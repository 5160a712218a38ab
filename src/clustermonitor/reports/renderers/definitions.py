"""What each measure of the reports means, in words: docs/reports.md, once, for documents.

The xlsx "about" sheet and the PDF/HTML footnotes print these; a measure keeps one meaning
across all reports, so one mapping serves every report. The texts are in the one gettext
catalogue: documents print them in the reader's language.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REPORT_TITLES: dict[str, Promise] = {
    "budget-overview": _("Budget and effective commitments per envelope"),
    "cluster-overview": _("Resources and projects per spearhead cluster"),
    "additional-resources": _("Additional resources: other public funding of approved projects"),
    "pact-resources": _("Yearly resources of each cluster over its whole pact"),
    "project-generation": _("Approved earmarked projects per cluster and type"),
    "kpi-status": _("KPIs per cluster: met, partly, missed or no data"),
}

DEFINITIONS: dict[str, Promise] = {
    "budget": _("the envelope's budget for the year"),
    "allocated": _("allocations of the year (distributed over the clusters)"),
    "unallocated": _("budget − allocated (may be negative)"),
    "committed": _("commitments − decommitments booked on the year (may be negative)"),
    "paid": _("payments booked on the year"),
    "available": _("budget − committed (may be negative)"),
    "allocated_operation": _(
        "allocation of the year on the operation envelope (spearhead_operation; ibn for an IBN)"
    ),
    "allocated_projects": _("allocation of the year on the spearhead_projects envelope"),
    "committed_operation": _("net commitments (commitments − decommitments) of the year on operation"),
    "committed_projects": _("net commitments of the year on spearhead_projects"),
    "drawn_from_pool": _("max(0, committed_projects − allocated_projects): drawn from the unallocated pool"),
    "applications": _("earmarked projects submitted in the year (any status)"),
    "approved": _("earmarked projects approved, decided in the year"),
    "approved_support": _("granted_support of the earmarked projects approved in the year (public support)"),
    "approved_total_cost": _("total_cost of the earmarked projects approved in the year (project amount)"),
    "other_public_funding": _("granted_support of approved `other`-channel projects decided in the year"),
    "unallocated (pool)": _("unallocated of spearhead_projects: the common pool"),
    "drawn": _("sum of drawn_from_pool over the clusters"),
    "remaining": _("pool unallocated − drawn"),
    "projects": _("number of approved projects decided in the year"),
    "total_cost": _("total project cost (project amount, all funders)"),
    "granted_support": _("public support granted"),
    "average_support": _("granted_support / projects, half-up to the cent"),
    "earmarked_used": _("committed on spearhead_projects in the year, all clusters"),
    "target": _("the KPI's target for the year"),
    "value": _("the year's result: reported, or computed from the projects"),
    "source": _("reported (kpi_results) or computed (computed_from the projects)"),
    "reported_value": _("a computed KPI's reported result, shown beside the computed value"),
    "mismatch": _("computed and reported value differ"),
    "ratio": _("up: value / target; down: target / value (1.0000 when the divisor is 0)"),
    "status": _("met (ratio ≥ 1), partly (≥ 0.75), missed (< 0.75), no_data (no value)"),
    "met": _("KPIs met"),
    "partly": _("KPIs partly met"),
    "missed": _("KPIs missed"),
    "no_data": _("KPIs without a value"),
    "figures": _("definitive (year closed), provisional (open), planned (no budget yet)"),
}

COMMON_RULES = _(
    "Amounts in euro. A fact counts in its year: applications by submitted_on, decisions by "
    "decided_on, ledger entries by their year. As of a date: what was known on that date. "
    "Figures are definitive when the year is closed, else provisional."
)


def report_title(name: str) -> str:
    found = REPORT_TITLES.get(name)
    return str(found) if found is not None else name


def definitions_of(columns: list[str]) -> list[tuple[str, str]]:
    """The definitions of the measures among `columns`, in the order given, each once, in the
    active language."""
    seen: list[str] = []
    for column in columns:
        if column in DEFINITIONS and column not in seen:
            seen.append(column)
    return [(column, str(DEFINITIONS[column])) for column in seen]
