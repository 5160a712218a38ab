"""What each measure of the reports means, in words: docs/reports.md, once, for documents.

The xlsx "about" sheet and the PDF/HTML footnotes print these; a measure keeps one meaning
across all reports, so one mapping serves every report.
"""

REPORT_TITLES = {
    "budget-overview": "Budget and effective commitments per envelope",
    "cluster-overview": "Resources and projects per spearhead cluster",
    "additional-resources": "Additional resources: other public funding of approved projects",
    "pact-resources": "Yearly resources of each cluster over its whole pact",
    "project-generation": "Approved earmarked projects per cluster and type",
    "kpi-status": "KPIs per cluster: met, partly, missed or no data",
}

DEFINITIONS = {
    "budget": "the envelope's budget for the year",
    "allocated": "allocations of the year (distributed over the clusters)",
    "unallocated": "budget − allocated (may be negative)",
    "committed": "commitments − decommitments booked on the year (may be negative)",
    "paid": "payments booked on the year",
    "available": "budget − committed (may be negative)",
    "allocated_operation": (
        "allocation of the year on the operation envelope (spearhead_operation; ibn for an IBN)"
    ),
    "allocated_projects": "allocation of the year on the spearhead_projects envelope",
    "committed_operation": "net commitments (commitments − decommitments) of the year on operation",
    "committed_projects": "net commitments of the year on spearhead_projects",
    "drawn_from_pool": "max(0, committed_projects − allocated_projects): drawn from the unallocated pool",
    "applications": "earmarked projects submitted in the year (any status)",
    "approved": "earmarked projects approved, decided in the year",
    "approved_support": "granted_support of the earmarked projects approved in the year (public support)",
    "approved_total_cost": "total_cost of the earmarked projects approved in the year (project amount)",
    "other_public_funding": "granted_support of approved `other`-channel projects decided in the year",
    "unallocated (pool)": "unallocated of spearhead_projects: the common pool",
    "drawn": "sum of drawn_from_pool over the clusters",
    "remaining": "pool unallocated − drawn",
    "projects": "number of approved projects decided in the year",
    "total_cost": "total project cost (project amount, all funders)",
    "granted_support": "public support granted",
    "average_support": "granted_support / projects, half-up to the cent",
    "earmarked_used": "committed on spearhead_projects in the year, all clusters",
    "target": "the KPI's target for the year",
    "value": "the year's result: reported, or computed from the projects",
    "source": "reported (kpi_results) or computed (computed_from the projects)",
    "reported_value": "a computed KPI's reported result, shown beside the computed value",
    "mismatch": "computed and reported value differ",
    "ratio": "up: value / target; down: target / value (1.0000 when the divisor is 0)",
    "status": "met (ratio ≥ 1), partly (≥ 0.75), missed (< 0.75), no_data (no value)",
    "met": "KPIs met",
    "partly": "KPIs partly met",
    "missed": "KPIs missed",
    "no_data": "KPIs without a value",
    "figures": "definitive (year closed), provisional (open), planned (no budget yet)",
}

COMMON_RULES = (
    "Amounts in euro. A fact counts in its year: applications by submitted_on, decisions by "
    "decided_on, ledger entries by their year. As of a date: what was known on that date. "
    "Figures are definitive when the year is closed, else provisional."
)


def definitions_of(columns: list[str]) -> list[tuple[str, str]]:
    """The definitions of the measures among `columns`, in the order given, each once."""
    seen: list[str] = []
    for column in columns:
        if column in DEFINITIONS and column not in seen:
            seen.append(column)
    return [(column, DEFINITIONS[column]) for column in seen]
