"""Writes of clusters: recognise a new cluster, change a cluster's data.

The contract's rules for `clusters.csv`: a code of 1–40 letters, digits, `_ . -` (the
key; it never changes once stored: it names the cluster in every file and binds its
managers), a name, the type `spearhead` or `ibn`, four-digit pact years with the last
not before the first (`domain.rules.cluster_problems`, the importer's rule).

A change of type or pact years must leave every stored row of the cluster valid, by the
same row rules the importer re-checks after upserting a cluster (each app that stores
rows naming a cluster registers their check in `clusters.dependents`): so no allocation or
commitment falls outside the pact, no envelope stops fitting the type, no earmarked
project loses its spearhead cluster — in open and closed years alike, which is how
nothing of a closed year changes. The cluster row is locked `FOR UPDATE` while this is
checked, which makes every concurrent insert referring to the cluster (a booking, an
allocation, an application) wait. A refusal is a `ClusterRefused` (a `WriteRefused`)
with every (column, message) problem; django-simple-history records each change.
"""

from datetime import date

from django.db import connection, transaction
from django.db.models import F

from clustermonitor.clusters import dependents
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.dates import is_year, year_message
from clustermonitor.domain.enums import ClusterType
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import CODE_PATTERN, ClusterFacts, Problem, cluster_problems
from clustermonitor.kernel.audit import require_actor, save_by
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.kernel.facts import cluster_facts

STORED_PROBLEMS_SHOWN = 5  # a type change can break hundreds of rows: name the first few


class ClusterRefused(WriteRefused):
    """A new cluster or a change of a cluster was refused."""


def cluster_create(
    *,
    code: str,
    name: str,
    type: str,
    domain: str = "",
    recognised_on: date,
    pact_start_year: int,
    pact_end_year: int,
    actor: str,
) -> Cluster:
    """Store a new cluster; raises ClusterRefused."""
    require_actor(actor)
    with transaction.atomic():
        problems: list[Problem] = []
        if not CODE_PATTERN.fullmatch(code):
            problems.append(("code", _("must be 1–40 letters, digits, '_', '.' or '-'")))
        elif Cluster.objects.filter(code=code).exists():
            problems.append(("code", _("cluster {code} already exists", code=code)))
        problems += _row_problems(
            name=name, type=type, pact_start_year=pact_start_year, pact_end_year=pact_end_year
        )
        if problems:
            raise ClusterRefused(problems)
        cluster = Cluster(
            code=code,
            name=name,
            type=type,
            domain=domain,
            recognised_on=recognised_on,
            pact_start_year=pact_start_year,
            pact_end_year=pact_end_year,
        )
        save_by(cluster, action="created", actor=actor)
        data_changed()
    return cluster


def cluster_update(
    *,
    code: str,
    name: str,
    type: str,
    domain: str = "",
    recognised_on: date,
    pact_start_year: int,
    pact_end_year: int,
    actor: str,
) -> Cluster:
    """Change the data of cluster `code` (not its code); raises ClusterRefused
    (Cluster.DoesNotExist for an unknown code)."""
    require_actor(actor)
    with transaction.atomic():
        if not connection.features.has_select_for_update:
            # SQLite: take the database's write lock before reading (see budget.services).
            Cluster.objects.filter(code=code).update(type=F("type"))
        cluster = Cluster.objects.select_for_update().get(code=code)
        problems = _row_problems(
            name=name, type=type, pact_start_year=pact_start_year, pact_end_year=pact_end_year
        )
        if problems:
            raise ClusterRefused(problems)
        new = ClusterFacts(code, type, pact_start_year, pact_end_year)
        if new != cluster_facts(cluster):
            problems = _stored_row_problems(cluster, new)
            if problems:
                raise ClusterRefused(problems)
        cluster.name, cluster.type, cluster.domain = name, type, domain
        cluster.recognised_on = recognised_on
        cluster.pact_start_year, cluster.pact_end_year = pact_start_year, pact_end_year
        save_by(cluster, action="changed", actor=actor)
        data_changed()
    return cluster


def _row_problems(*, name: str, type: str, pact_start_year: int, pact_end_year: int) -> list[Problem]:
    problems: list[Problem] = []
    if not name.strip():
        problems.append(("name", _("required")))
    if type not in set(ClusterType):
        problems.append(
            ("type", _("unknown type {type}: one of {types}", type=type, types=", ".join(ClusterType)))
        )
    years_valid = True
    for column, year in (("pact_start_year", pact_start_year), ("pact_end_year", pact_end_year)):
        if not is_year(year):
            problems.append((column, year_message(year)))
            years_valid = False
    if years_valid:
        problems += cluster_problems(pact_start_year=pact_start_year, pact_end_year=pact_end_year)
    return problems


def _stored_row_problems(cluster: Cluster, new: ClusterFacts) -> list[Problem]:
    """The stored rows of the cluster that its new facts would make invalid, each problem
    placed on the cluster's field that causes it; the first few, then how many more."""
    found = [
        (_field(row.column, row.year, new), row.message)
        for row in dependents.stored_row_problems(cluster, new)
    ]
    problems = found[:STORED_PROBLEMS_SHOWN]
    if len(found) > STORED_PROBLEMS_SHOWN:
        more = len(found) - STORED_PROBLEMS_SHOWN
        problems.append((problems[-1][0], _("… and {count} more stored rows", count=more)))
    return problems


def _field(column: str, year: int | None, new: ClusterFacts) -> str:
    """The cluster's field a stored row's problem comes from: a year outside the pact from
    the pact year it passed, anything else (envelope, earmarked projects) from the type."""
    if column == "year" and year is not None:
        return "pact_start_year" if year < new.pact_start_year else "pact_end_year"
    return "type"
