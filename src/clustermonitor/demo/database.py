"""What the database holds, as far as the demo is concerned, and how `--fresh` empties it.

Demo data is recognised by its keys: the demo's cluster and KPI codes, and project refs
and ledger ids that start with `DEMO.`. Anything else was entered by someone and the
demo will not touch it unless asked to start afresh.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.demo import facts, kpi_facts
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import Project

PRODUCT_APP_PREFIX = "clustermonitor."
# Not cluster-policy data: who is bound to which cluster, and the audit trail (historical
# rows and dataset imports) of everything done before; `--fresh` keeps them.
KEPT_APPS = frozenset({"web"})


def is_empty() -> bool:
    return not Cluster.objects.exists()


def foreign_data() -> str | None:
    """The first stored row the demo did not create, described; None if there is none."""
    cluster = Cluster.objects.exclude(code__in=[c.code for c in facts.clusters()]).first()
    if cluster is not None:
        return f"cluster {cluster.code}"
    kpi = Kpi.objects.exclude(code__in=[k.code for k in kpi_facts.KPIS]).first()
    if kpi is not None:
        return f"KPI {kpi.code}"
    project = Project.objects.exclude(ref__startswith=facts.REF_PREFIX).first()
    if project is not None:
        return f"project {project.ref}"
    entry = LedgerEntry.objects.exclude(ref__startswith=facts.REF_PREFIX).first()
    if entry is not None:
        return f"ledger entry {entry.ref}"
    return None


def product_tables() -> list[str]:
    """Every cluster-policy table of the product's own apps (clusters, budget, projects,
    KPIs, ...), not the users' cluster bindings or the audit trail (KEPT_APPS)."""
    tables = []
    for config in apps.get_app_configs():
        if config.name.startswith(PRODUCT_APP_PREFIX) and config.label not in KEPT_APPS:
            tables += [
                model._meta.db_table
                for model in config.get_models(include_auto_created=True)
                if model._meta.managed and not model._meta.proxy
            ]
    return sorted(tables)


def wipe() -> None:
    """Empty every cluster-policy table in one statement list (the append-only ledger included).

    Only `clustermonitor demo --fresh` does this: it bypasses the ledger's protection on
    purpose, as `clustermonitor flush` would, but leaves user accounts, their cluster
    bindings and the audit trail alone. Ids are not reset: a new row never takes the id
    of a deleted one, whose history the audit trail keeps.
    """
    statements = connection.ops.sql_flush(no_style(), product_tables(), reset_sequences=False)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with pending deferred FK checks from this transaction.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)
