from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "clustermonitor.projects"
    label = "projects"
