"""clustermonitor demousers: one user per role for the demo, names and passwords printed.

For a demo database only: the passwords are printed and well known. Each has an e-mail
address at demo.invalid, so the decision mails show on the console (EMAIL_BACKEND).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from clustermonitor.reports.selectors import spearhead_clusters
from clustermonitor.web.accounts import user_create

DEMO_USERS = (
    ("admin", "admin", "demo-admin"),
    ("analyst", "analyst", "demo-analyst"),
    ("cluster", "cluster", "demo-cluster"),
    ("viewer", "viewer", "demo-viewer"),
)


class Command(BaseCommand):
    help = "Create one demo user per role (admin, analyst, cluster, viewer) and print their passwords."

    def handle(self, *args: Any, **options: Any) -> None:
        first = spearhead_clusters().order_by("code").first()
        if first is None:
            raise CommandError("no cluster: run `clustermonitor demo` first")
        self.stdout.write("demo users (log in at http://127.0.0.1:8000/accounts/login/):")
        for name, role, password in DEMO_USERS:
            cluster = first.code if role == "cluster" else None
            user_create(name, role=role, password=password, cluster=cluster, email=f"{name}@demo.invalid")
            where = f" (cluster {cluster})" if cluster else ""
            self.stdout.write(f"  {name:8} password {password:13} role {role}{where}")
