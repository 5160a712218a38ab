from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "clustermonitor.budget"
    label = "budget"

    def ready(self) -> None:
        # Models are loaded only now: a change of a cluster must leave our rows valid.
        from clustermonitor.budget import cluster_rows
        from clustermonitor.clusters import dependents

        dependents.register(cluster_rows.allocations)
        dependents.register(cluster_rows.ledger_entries)
