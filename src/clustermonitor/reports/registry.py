"""The reports by name: what each answers, which options it takes, how it is laid out.

The CLI, the web pages and the API all make a report through `report_build`, so the
options are checked, and the figures computed, in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_noop as N_

from clustermonitor.clusters.revision import cached
from clustermonitor.reports import (
    additional_resources,
    budget_overview,
    cluster_overview,
    kpi_status,
    pact_resources,
    project_generation,
)
from clustermonitor.reports.figures import Report, ReportError
from clustermonitor.reports.tables import Table


@dataclass(frozen=True)
class ReportSpec:
    name: str
    question: str  # English (CLI, API); marked for the catalogue, the pages translate it
    build: Callable[..., Report]
    tables: Callable[[Report], list[Table]]
    yearly: bool = True  # requires --year; a report over the whole pact refuses it
    per_cluster: bool = False  # accepts --cluster

    def option_uses(self) -> dict[str, str]:
        """Each option (OPTIONS) and whether the report requires, accepts or refuses it."""
        return {
            "year": "required" if self.yearly else "refused",
            "cluster": "optional" if self.per_cluster else "refused",
            "as_of": "optional",
        }


REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec(
            "budget-overview",
            N_("question 2a: the year's budget, allocations and effective commitments per envelope"),
            budget_overview.budget_overview,
            budget_overview.tables,
        ),
        ReportSpec(
            "cluster-overview",
            N_("question 2b: per spearhead cluster: allocation, commitments, projects, common pool"),
            cluster_overview.cluster_overview,
            cluster_overview.tables,
        ),
        ReportSpec(
            "additional-resources",
            N_("question 1: other public funding of approved projects, per cluster and instrument"),
            additional_resources.additional_resources,
            additional_resources.tables,
        ),
        ReportSpec(
            "pact-resources",
            N_("question 3: yearly resources of each cluster over its whole pact"),
            pact_resources.pact_resources,
            pact_resources.tables,
            yearly=False,
            per_cluster=True,
        ),
        ReportSpec(
            "project-generation",
            N_("questions 4 and 5: approved earmarked projects per cluster and type"),
            project_generation.project_generation,
            project_generation.tables,
        ),
        ReportSpec(
            "kpi-status",
            N_("question 6: each cluster's KPIs for the year: met, partly, missed or no data"),
            kpi_status.kpi_status,
            kpi_status.tables,
        ),
    )
}


OPTIONS = ("year", "cluster", "as_of")  # every option a report may take (`--as-of` all do)


class OptionRefused(ReportError):
    """An option the report does not take, or a missing one it needs; `option` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def check_options(
    spec: ReportSpec, *, year: int | None, cluster: str | None, spelled: Callable[[str], str] = "--{}".format
) -> None:
    """The report's option rules, the one copy: raises OptionRefused. `spelled` writes an
    option's name as the caller's user types it (`--year` on the CLI, `year` in the API)."""
    if spec.yearly and year is None:
        raise OptionRefused("year", f"{spec.name} needs {spelled('year')}")
    if not spec.yearly and year is not None:
        raise OptionRefused("year", f"{spec.name} covers the whole pact and does not take {spelled('year')}")
    if cluster is not None and not spec.per_cluster:
        takers = ", ".join(n for n, s in REPORTS.items() if s.per_cluster)
        raise OptionRefused(
            "cluster", f"{spelled('cluster')} is accepted by {takers} only, not by {spec.name}"
        )


def report_spec(name: str) -> ReportSpec:
    try:
        return REPORTS[name]
    except KeyError:
        raise ReportError(f"unknown report {name!r}: choose one of {', '.join(REPORTS)}") from None


def report_build(
    name: str, *, year: int | None = None, cluster: str | None = None, as_of: date | None = None
) -> Report:
    """Check the options against the report's and make it (or take it from the cache of
    the current data revision); raises ReportError."""
    spec = report_spec(name)
    check_options(spec, year=year, cluster=cluster)
    if spec.per_cluster:
        return cached(f"report:{name}:{cluster}:{as_of}", lambda: spec.build(cluster=cluster, as_of=as_of))
    return cached(f"report:{name}:{year}:{as_of}", lambda: spec.build(year=year, as_of=as_of))
