from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "clustermonitor.reports"
    label = "reports"
