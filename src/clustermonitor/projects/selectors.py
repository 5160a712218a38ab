"""Reads of projects: the lists data-entry forms choose from."""

from clustermonitor.projects.models import ProjectType


def project_type_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") of every project type, by code."""
    types = ProjectType.objects.order_by("code").values_list("code", "name")
    return [(code, f"{code} — {name}") for code, name in types]
