from django.apps import AppConfig


class KernelConfig(AppConfig):
    name = "clustermonitor.kernel"
    label = "kernel"
    verbose_name = "shared kernel"
