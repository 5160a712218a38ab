from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "clustermonitor.projects"
    label = "projects"

    def ready(self) -> None:
        # Models are loaded only now: a change of a cluster must leave its projects valid.
        from clustermonitor.clusters import dependents
        from clustermonitor.projects import cluster_rows

        dependents.register(cluster_rows.projects)
