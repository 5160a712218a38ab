from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "clustermonitor.datasets"
    label = "datasets"
