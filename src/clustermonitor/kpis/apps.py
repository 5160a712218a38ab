from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "clustermonitor.kpis"
    label = "kpis"
