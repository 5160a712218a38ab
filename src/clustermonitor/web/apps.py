from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "clustermonitor.web"
    label = "web"
