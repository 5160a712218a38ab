"""Writes of project applications through their life: submitted → approved (with granted
support), rejected or withdrawn.

A project row is checked by the contract rule the importer applies
(`domain.rules.project_problems`); a refusal is a `ProjectRefused` (a `WriteRefused`)
carrying every (column, message) problem, so a form shows each beside its field.
Nothing of a closed year changes: no application submitted, no decision dated in it.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.enums import EARMARKED_INSTRUMENT, Channel, ProjectStatus
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import CODE_PATTERN, Problem, project_problems
from clustermonitor.kernel.audit import require_actor, save_by
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.kernel.facts import cluster_facts
from clustermonitor.kernel.selectors import closed_year_check
from clustermonitor.projects.models import Project, ProjectType

DECISIONS = (ProjectStatus.APPROVED, ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN)


class ProjectRefused(WriteRefused):
    """A project application or decision was refused."""


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
    """Store a new application (status submitted); raises ProjectRefused.

    `cluster` and `type` are codes; an earmarked application without an instrument gets
    the earmarked one (HERMES).
    """
    require_actor(actor)
    with transaction.atomic():
        problems: list[Problem] = []
        the_cluster = Cluster.objects.filter(code=cluster).first()
        kind = ProjectType.objects.filter(code=type).first()
        if channel == Channel.EARMARKED and not instrument:
            instrument = EARMARKED_INSTRUMENT
        if not CODE_PATTERN.fullmatch(ref):
            problems.append(("ref", _("must be 1–40 letters, digits, '_', '.' or '-'")))
        elif Project.objects.filter(ref=ref).exists():
            problems.append(("ref", _("project {ref} already exists", ref=ref)))
        if the_cluster is None:
            problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
        if kind is None:
            problems.append(("type", _("unknown project type {type}", type=type)))
        if not title.strip():
            problems.append(("title", _("required")))
        if total_cost < 0 or requested_support < 0:
            problems.append(("total_cost", _("amounts may not be negative")))
        problems += closed_year_check(submitted_on.year, "submitted_on")
        if the_cluster is not None and kind is not None:
            problems += project_problems(
                cluster=cluster_facts(the_cluster),
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
        save_by(project, action="submitted", actor=actor)
        data_changed()
    return project


def project_decide(
    *, ref: str, status: str, decided_on: date | None, granted_support: Decimal | None, actor: str
) -> Project:
    """Approve (with granted support), reject or withdraw a submitted application;
    raises ProjectRefused (Project.DoesNotExist for an unknown ref)."""
    require_actor(actor)
    with transaction.atomic():
        project = Project.objects.select_for_update().select_related("cluster", "type").get(ref=ref)
        problems: list[Problem] = []
        if project.status != ProjectStatus.SUBMITTED:
            problems.append(
                (
                    "status",
                    _(
                        "project {ref} is {status}: only a submitted one is decided",
                        ref=ref,
                        status=project.status,
                    ),
                )
            )
        if status not in DECISIONS:
            problems.append(("status", _("choose one of {choices}", choices=", ".join(DECISIONS))))
        if decided_on is not None:
            problems += closed_year_check(decided_on.year, "decided_on")
        problems += project_problems(
            cluster=cluster_facts(project.cluster),
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
        save_by(project, action=status, actor=actor)
        data_changed()
    return project
