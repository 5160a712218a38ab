from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "clustermonitor.api"
    label = "api"
