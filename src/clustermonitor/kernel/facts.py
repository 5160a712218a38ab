"""The domain facts of a stored cluster or project, as the row rules (`domain.rules`) judge them.

Typed by what is read, not by the model, so the kernel imports no app: a `Cluster` and
a `Project` row both fit.
"""

from decimal import Decimal
from typing import Protocol

from clustermonitor.domain.rules import ClusterFacts, ProjectFacts


class ClusterRow(Protocol):
    code: str
    type: str
    pact_start_year: int
    pact_end_year: int


class ProjectRow(Protocol):
    ref: str
    channel: str
    status: str
    granted_support: Decimal | None

    @property
    def cluster(self) -> ClusterRow: ...


def cluster_facts(cluster: ClusterRow) -> ClusterFacts:
    return ClusterFacts(cluster.code, cluster.type, cluster.pact_start_year, cluster.pact_end_year)


def project_facts(project: ProjectRow) -> ProjectFacts:
    return ProjectFacts(
        ref=project.ref,
        cluster=project.cluster.code,
        channel=project.channel,
        status=project.status,
        granted_support=project.granted_support,
    )
