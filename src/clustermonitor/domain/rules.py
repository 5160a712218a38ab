"""Row rules of the data contract, shared by import, services (forms, API) and `check`.

Each function takes plain values and returns the problems as (column, message) pairs,
so a caller can report every breach at once; an empty list means the row is valid.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clustermonitor.domain.enums import (
    EARMARKED_INSTRUMENT,
    OPERATION_ENVELOPES,
    Channel,
    ClusterType,
    Envelope,
    LedgerKind,
    ProjectStatus,
    envelope_fits,
)
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import amount_text

Problem = tuple[str, str]  # (column, message)

# Cluster, type, KPI and instrument codes, project refs and ledger ids.
CODE_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,40}")


@dataclass(frozen=True, slots=True)
class ClusterFacts:
    code: str
    type: str
    pact_start_year: int
    pact_end_year: int

    def pact_covers(self, year: int) -> bool:
        return self.pact_start_year <= year <= self.pact_end_year


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    ref: str
    cluster: str
    channel: str
    status: str
    granted_support: Decimal | None


def cluster_problems(*, pact_start_year: int, pact_end_year: int) -> list[Problem]:
    """The row rule of a cluster: its pact ends in or after the year it starts."""
    if pact_end_year < pact_start_year:
        return [
            (
                "pact_end_year",
                _(
                    "{end} is before pact_start_year {start}",
                    end=pact_end_year,
                    start=pact_start_year,
                ),
            )
        ]
    return []


def envelope_problems(envelope: str, cluster: ClusterFacts) -> list[Problem]:
    if envelope_fits(envelope, cluster.type):
        return []
    wanted = "ibn" if cluster.type == ClusterType.IBN else _("spearhead_operation or spearhead_projects")
    return [
        (
            "envelope",
            _(
                "{envelope} does not fit {type} cluster {cluster} ({wanted})",
                envelope=envelope,
                type=cluster.type,
                cluster=cluster.code,
                wanted=wanted,
            ),
        )
    ]


def allocation_problems(
    *, year: int, envelope: str, amount: Decimal, cluster: ClusterFacts, cap: Decimal | None
) -> list[Problem]:
    """cap: the operation cap for operation envelopes, None for the project envelope."""
    problems: list[Problem] = []
    if not cluster.pact_covers(year):
        problems.append(("year", _outside_pact(year, cluster)))
    problems += envelope_problems(envelope, cluster)
    if envelope in OPERATION_ENVELOPES and cap is not None and amount > cap:
        problems.append(
            (
                "amount",
                _(
                    "{amount} exceeds the yearly operation cap of {cap}",
                    amount=amount_text(amount),
                    cap=amount_text(cap),
                ),
            )
        )
    return problems


def allocation_sum_problems(*, year: int, envelope: str, total: Decimal, budget: Decimal) -> list[Problem]:
    """The allocations of an envelope-year add up to at most its budget."""
    if total <= budget:
        return []
    message = _(
        "the allocations of {envelope} {year} add up to {total}, more than its budget ({budget})",
        envelope=envelope,
        year=year,
        total=amount_text(total),
        budget=amount_text(budget),
    )
    return [("amount", message)]


def project_problems(
    *,
    cluster: ClusterFacts,
    type_eligible: bool,
    channel: str,
    instrument: str,
    submitted_on: date,
    status: str,
    decided_on: date | None,
    total_cost: Decimal,
    granted_support: Decimal | None,
) -> list[Problem]:
    problems: list[Problem] = []
    if channel == Channel.EARMARKED:
        if instrument != EARMARKED_INSTRUMENT:
            problems.append(
                (
                    "instrument",
                    _("an earmarked project needs instrument {instrument}", instrument=EARMARKED_INSTRUMENT),
                )
            )
        if not type_eligible:
            problems.append(("type", _("this project type may not be funded from the earmarked budget")))
        if cluster.type != ClusterType.SPEARHEAD:
            problems.append(
                (
                    "cluster",
                    _("{cluster} is not a spearhead cluster: no earmarked projects", cluster=cluster.code),
                )
            )
    elif instrument == EARMARKED_INSTRUMENT:
        problems.append(
            ("instrument", _("{instrument} is for earmarked projects only", instrument=EARMARKED_INSTRUMENT))
        )
    if status in (ProjectStatus.APPROVED, ProjectStatus.REJECTED) and decided_on is None:
        problems.append(("decided_on", _("required when the status is {status}", status=status)))
    if status == ProjectStatus.SUBMITTED and decided_on is not None:
        problems.append(("decided_on", _("not allowed while the status is submitted")))
    if decided_on is not None and decided_on < submitted_on:
        problems.append(
            (
                "decided_on",
                _(
                    "{decided_on} is before submitted_on {submitted_on}",
                    decided_on=decided_on,
                    submitted_on=submitted_on,
                ),
            )
        )
    if status == ProjectStatus.APPROVED and granted_support is None:
        problems.append(("granted_support", _("required when the status is approved")))
    if status != ProjectStatus.APPROVED and granted_support is not None:
        problems.append(("granted_support", _("not allowed when the status is {status}", status=status)))
    if granted_support is not None and granted_support > total_cost:
        problems.append(
            (
                "granted_support",
                _(
                    "{granted_support} exceeds total_cost {total_cost}",
                    granted_support=amount_text(granted_support),
                    total_cost=amount_text(total_cost),
                ),
            )
        )
    return problems


def ledger_entry_problems(
    *,
    year: int,
    kind: str,
    envelope: str,
    cluster: ClusterFacts,
    project: ProjectFacts | None,
    project_ref: str | None,
    amount: Decimal,
) -> list[Problem]:
    """Row rules of one ledger entry; `project` is the stored/known project or None."""
    problems: list[Problem] = []
    if amount <= 0:
        problems.append(("amount", _("must be greater than 0")))
    problems += envelope_problems(envelope, cluster)
    if kind == LedgerKind.COMMITMENT and not cluster.pact_covers(year):
        problems.append(
            (
                "year",
                _("a commitment must lie within the pact: {reason}", reason=_outside_pact(year, cluster)),
            )
        )
    if envelope == Envelope.SPEARHEAD_PROJECTS:
        problems += _ledger_project_problems(cluster, project, project_ref)
    elif project_ref:
        problems.append(("project", _("not allowed on envelope {envelope}", envelope=envelope)))
    return problems


def _ledger_project_problems(
    cluster: ClusterFacts, project: ProjectFacts | None, project_ref: str | None
) -> list[Problem]:
    if not project_ref:
        return [("project", _("required on envelope spearhead_projects"))]
    if project is None:
        return [("project", _("unknown project {project}", project=project_ref))]
    if project.channel != Channel.EARMARKED or project.status != ProjectStatus.APPROVED:
        return [("project", _("{project} is not an approved earmarked project", project=project_ref))]
    if project.cluster != cluster.code:
        return [
            (
                "project",
                _(
                    "{project} belongs to cluster {owner}, not {cluster}",
                    project=project_ref,
                    owner=project.cluster,
                    cluster=cluster.code,
                ),
            )
        ]
    return []


def closed_year_problems(year: int, closed_on: date | None, column: str = "year") -> list[Problem]:
    """Nothing of a closed year changes (`closed_on`: the day it closed, None while open)."""
    if closed_on is None:
        return []
    return [(column, closed_year_message(year, closed_on))]


def closed_year_message(year: int, closed_on: date) -> str:
    return _(
        "{year} is closed (on {closed_on}): its figures are definitive; nothing of it may change",
        year=year,
        closed_on=closed_on,
    )


def closed_year_problem(year: int, closed_on: date | None, booking_date: date) -> list[Problem]:
    """A ledger entry of a closed year must be dated on or before its closing date."""
    if closed_on is not None and booking_date > closed_on:
        return [
            (
                "date",
                _(
                    "{date} is after {year} was closed on {closed_on}",
                    date=booking_date,
                    year=year,
                    closed_on=closed_on,
                ),
            )
        ]
    return []


def _outside_pact(year: int, cluster: ClusterFacts) -> str:
    return _(
        "{year} is outside the pact years of {cluster} ({start}–{end})",
        year=year,
        cluster=cluster.code,
        start=cluster.pact_start_year,
        end=cluster.pact_end_year,
    )
