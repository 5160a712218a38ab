"""The projects a change of a cluster must leave valid (registered with
`clusters.dependents`), by the importer's project rule."""

from collections.abc import Iterator

from clustermonitor.clusters.dependents import RowProblem
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import ClusterFacts, project_problems
from clustermonitor.projects.models import Project


def projects(cluster: Cluster, new: ClusterFacts) -> Iterator[RowProblem]:
    for project in Project.objects.filter(cluster=cluster).order_by("ref").select_related("type"):
        for column, message in project_problems(
            cluster=new,
            type_eligible=project.type.earmarked_eligible,
            channel=project.channel,
            instrument=project.instrument,
            submitted_on=project.submitted_on,
            status=project.status,
            decided_on=project.decided_on,
            total_cost=project.total_cost,
            granted_support=project.granted_support,
        ):
            yield RowProblem(column, None, _("project {ref}: {problem}", ref=project.ref, problem=message))
