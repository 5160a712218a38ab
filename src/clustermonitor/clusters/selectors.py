"""Reads of clusters: one by its code, the lists data-entry forms choose from."""

from clustermonitor.clusters.models import Cluster


def cluster_choices(*, only: str | None = None) -> list[tuple[str, str]]:
    """(code, "CODE — name") of every cluster, by code; `only` limits it to that one
    (a cluster manager's)."""
    clusters = Cluster.objects.order_by("code")
    if only is not None:
        clusters = clusters.filter(code=only)
    return [(code, f"{code} — {name}") for code, name in clusters.values_list("code", "name")]


def cluster_by_code(code: object) -> Cluster | None:
    """The cluster with code `code` (None when there is none, or no code was given)."""
    return Cluster.objects.filter(code=str(code)).first() if code else None


def cluster_code_of(pk: int | str) -> str | None:
    """The code of the cluster with primary key `pk` (None: no such cluster)."""
    return Cluster.objects.filter(pk=pk).values_list("code", flat=True).first()


def cluster_codes() -> dict[int, str]:
    """The code of every cluster, by primary key."""
    return dict(Cluster.objects.values_list("id", "code"))


def cluster_names() -> list[tuple[str, str]]:
    """(code, name) of every cluster, by code."""
    return list(Cluster.objects.order_by("code").values_list("code", "name"))
