from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "clustermonitor.budget"
    label = "budget"
