"""Reads of clusters: the lists data-entry forms choose from."""

from clustermonitor.clusters.models import Cluster


def cluster_choices(*, only: str | None = None) -> list[tuple[str, str]]:
    """(code, "CODE — name") of every cluster, by code; `only` limits it to that one
    (a cluster manager's)."""
    clusters = Cluster.objects.order_by("code")
    if only is not None:
        clusters = clusters.filter(code=only)
    return [(code, f"{code} — {name}") for code, name in clusters.values_list("code", "name")]
