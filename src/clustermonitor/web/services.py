"""Writes of project applications through their life (submitted → approved with granted
support / rejected / withdrawn) and of KPI targets and results.

The core has services for the budget and the ledger (`budget.services`); a project row
is checked by the same contract rule the importer applies (`domain.rules.project_problems`)
and refused with a `WriteRefused` carrying every (column, message) problem, so the forms
show them beside their fields. (Candidates to move to `projects/services.py`.)
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from clustermonitor.budget import selectors as budget_selectors
from clustermonitor.budget.errors import WriteRefused
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import EARMARKED_INSTRUMENT, Channel, ProjectStatus
from clustermonitor.domain.rules import CODE_PATTERN, ClusterFacts, Problem, project_problems
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType

DECISIONS = (ProjectStatus.APPROVED, ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN)


class ProjectRefused(WriteRefused):
    """A project application or decision was refused."""


def _facts(cluster: Cluster) -> ClusterFacts:
    return ClusterFacts(cluster.code, cluster.type, cluster.pact_start_year, cluster.pact_end_year)


def _closed(year: int, column: str) -> list[Problem]:
    closed_on = budget_selectors.year_closed_on(year)
    return [(column, f"{year} is closed (on {closed_on}): nothing of it may change")] if closed_on else []


def project_submit(
    *,
    ref: str,
    cluster: str,
    title: str,
    type: str,
    channel: str,
    instrument: str,
    submitted_on: date,
    total_cost: Decimal,
    requested_support: Decimal,
    actor: str,
) -> Project:
    """Store a new application (status submitted); raises ProjectRefused."""
    with transaction.atomic():
        problems: list[Problem] = []
        the_cluster = Cluster.objects.filter(code=cluster).first()
        kind = ProjectType.objects.filter(code=type).first()
        if channel == Channel.EARMARKED and not instrument:
            instrument = EARMARKED_INSTRUMENT
        if not CODE_PATTERN.fullmatch(ref):
            problems.append(("ref", "must be 1–40 letters, digits, '_', '.' or '-'"))
        elif Project.objects.filter(ref=ref).exists():
            problems.append(("ref", f"project {ref} already exists"))
        if the_cluster is None:
            problems.append(("cluster", f"unknown cluster {cluster}"))
        if kind is None:
            problems.append(("type", f"unknown project type {type}"))
        if not title.strip():
            problems.append(("title", "required"))
        if total_cost < 0 or requested_support < 0:
            problems.append(("total_cost", "amounts may not be negative"))
        problems += _closed(submitted_on.year, "submitted_on")
        if the_cluster is not None and kind is not None:
            problems += project_problems(
                cluster=_facts(the_cluster),
                type_eligible=kind.earmarked_eligible,
                channel=channel,
                instrument=instrument,
                submitted_on=submitted_on,
                status=ProjectStatus.SUBMITTED,
                decided_on=None,
                total_cost=total_cost,
                granted_support=None,
            )
        if problems:
            raise ProjectRefused(problems)
        project = Project(
            ref=ref,
            cluster=the_cluster,
            title=title,
            type=kind,
            channel=channel,
            instrument=instrument,
            submitted_on=submitted_on,
            status=ProjectStatus.SUBMITTED,
            total_cost=total_cost,
            requested_support=requested_support,
        )
        project._change_reason = f"submitted by {actor}"  # type: ignore[attr-defined]
        project.save()
    return project


def project_decide(
    *, ref: str, status: str, decided_on: date | None, granted_support: Decimal | None, actor: str
) -> Project:
    """Approve (with granted support), reject or withdraw a submitted application."""
    with transaction.atomic():
        project = Project.objects.select_for_update().select_related("cluster", "type").get(ref=ref)
        problems: list[Problem] = []
        if project.status != ProjectStatus.SUBMITTED:
            problems.append(("status", f"project {ref} is {project.status}: only a submitted one is decided"))
        if status not in DECISIONS:
            problems.append(("status", f"choose one of {', '.join(DECISIONS)}"))
        if decided_on is not None:
            problems += _closed(decided_on.year, "decided_on")
        problems += project_problems(
            cluster=_facts(project.cluster),
            type_eligible=project.type.earmarked_eligible,
            channel=project.channel,
            instrument=project.instrument,
            submitted_on=project.submitted_on,
            status=status,
            decided_on=decided_on,
            total_cost=project.total_cost,
            granted_support=granted_support,
        )
        if problems:
            raise ProjectRefused(problems)
        project.status, project.decided_on, project.granted_support = status, decided_on, granted_support
        project._change_reason = f"{status} by {actor}"  # type: ignore[attr-defined]
        project.save()
    return project


class KpiFigureRefused(WriteRefused):
    """A KPI target or result was refused."""


def kpi_figure_set(
    *,
    what: str,
    cluster: str,
    kpi: str,
    year: int,
    value: Decimal,
    reported_on: date | None = None,
    source: str = "",
    actor: str,
) -> KpiTarget | KpiResult:
    """Create or change a KPI target (`what="target"`) or reported result (`"result"`) of an
    open year; the importer's rules: a known cluster and KPI, nothing in a closed year."""
    with transaction.atomic():
        problems: list[Problem] = []
        the_cluster = Cluster.objects.filter(code=cluster).first()
        the_kpi = Kpi.objects.filter(code=kpi).first()
        if the_cluster is None:
            problems.append(("cluster", f"unknown cluster {cluster}"))
        if the_kpi is None:
            problems.append(("kpi", f"unknown KPI {kpi}"))
        if what == "result" and reported_on is None:
            problems.append(("reported_on", "required for a result"))
        problems += _closed(year, "year")
        if problems:
            raise KpiFigureRefused(problems)
        if what == "target":
            figure, _ = KpiTarget.objects.update_or_create(
                cluster=the_cluster, kpi=the_kpi, year=year, defaults={"target": value}
            )
            return figure
        result, _ = KpiResult.objects.update_or_create(
            cluster=the_cluster,
            kpi=the_kpi,
            year=year,
            defaults={"value": value, "reported_on": reported_on, "source": source or f"web: {actor}"},
        )
        return result
