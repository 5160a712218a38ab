from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "clustermonitor.clusters"
    label = "clusters"
