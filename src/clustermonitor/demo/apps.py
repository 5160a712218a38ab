from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "clustermonitor.demo"
    label = "demo"
