from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "clustermonitor.web"
    label = "web"

    def ready(self) -> None:
        from clustermonitor.datasets.signals import dataset_imported
        from clustermonitor.web.audit import on_dataset_imported

        dataset_imported.connect(on_dataset_imported, dispatch_uid="web-dataset-import-audit")
