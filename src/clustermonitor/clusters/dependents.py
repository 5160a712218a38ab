"""The rows of other apps that name a cluster, as seen by a change of the cluster.

A change of a cluster's type or pact years must leave every stored row that names it
valid. Those rows (allocations, ledger entries, projects) belong to apps built on
clusters, so clusters cannot import them: each such app registers a check of its rows
here when it is ready (`AppConfig.ready`), and `cluster_update` runs them all.
"""

from collections.abc import Callable, Iterator
from typing import NamedTuple

from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.rules import ClusterFacts


class RowProblem(NamedTuple):
    """A stored row the cluster's new facts would make invalid."""

    column: str  # the row's column the rule refuses
    year: int | None  # the row's year (to name the pact year it falls outside), if it has one
    message: str  # names the row


RowCheck = Callable[[Cluster, ClusterFacts], Iterator[RowProblem]]

_checks: list[RowCheck] = []


def register(check: RowCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def stored_row_problems(cluster: Cluster, new: ClusterFacts) -> Iterator[RowProblem]:
    """Every registered app's findings, in the order the apps are installed."""
    for check in _checks:
        yield from check(cluster, new)
