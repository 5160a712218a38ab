"""The audit trail as pages: the latest changes of every audited record and the dataset
imports (`/history/`), and one record's whole history (`/history/<kind>/<pk>/`: who,
when, what changed, field by field). A record's history is shown to whoever may see the
record: a cluster's records to its manager, the rest to readers of everything. The audit
trail is read through `kernel.history`; this module only renders it."""

from typing import Any

from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from clustermonitor.access import permissions
from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.selectors import cluster_code_of
from clustermonitor.kernel.history import latest_changes, live_record, record_changes, recorded_value
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.projects.models import Project
from clustermonitor.web.audit import recent_imports
from clustermonitor.web.history_words import Words, kind_name
from clustermonitor.web.models import AUDITED

KINDS: dict[str, type[Model]] = {
    "cluster": Cluster,
    "budget-year": BudgetYear,
    "budget": Budget,
    "allocation": Allocation,
    "ledger-entry": LedgerEntry,
    "project": Project,
    "kpi-target": KpiTarget,
    "kpi-result": KpiResult,
}
KIND_OF = {model: kind for kind, model in KINDS.items()}
RECORD_LIMIT = 200
NAMED_BY_ID = ("cluster", "kpi")  # a cluster or KPI in a change by its id: Words names it


def history_url(model: type[Model], pk: Any) -> str:
    return reverse("record-history", args=[KIND_OF[model], pk])


def history_page(request: HttpRequest) -> HttpResponse:
    """The latest changes of every audited record and the latest imports; readers of everything."""
    permissions.require(permissions.may_read_all(request.user))
    words = Words()
    changes = [
        {
            "model": kind_name(model),
            "name": words.record(model, record),
            "record": record,
            "url": history_url(model, getattr(record, model._meta.pk.attname)),
        }
        for model, record in latest_changes(AUDITED, per_model=30, limit=100)
    ]
    context = {"changes": changes, "imports": recent_imports(50)}
    return render(request, "web/history.html", context)


def record_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Every recorded change of one record, newest first, with the fields each changed."""
    model = KINDS.get(kind)
    if model is None:
        raise Http404("unknown kind of record")
    if pk > 2**63 - 1:  # beyond any key the database can hold (SQLite raises OverflowError)
        raise Http404("no such record")
    rows = record_changes(model, pk, limit=RECORD_LIMIT + 1)
    live = live_record(model, pk)
    if live is None and not rows:
        raise Http404("no such record")
    permissions.require_visible(_may_see(request.user, model, live or rows[0]))
    words = Words()
    changes = [
        {"record": row, "fields": _changed_fields(model, row, older, words)}
        for row, older in zip(rows[:RECORD_LIMIT], [*rows[1:], None], strict=False)
    ]
    context = {
        "model": kind_name(model),
        "live": live,
        "title": words.record(model, live or rows[0]),
        "changes": changes,
        "truncated": len(rows) > RECORD_LIMIT,
        "cluster_url": _cluster_url(model, live),
    }
    return render(request, "web/record_history.html", context)


def _cluster_code(model: type[Model], record: Any) -> str | None:
    if model is Cluster:
        return str(record.code)
    cluster_id = getattr(record, "cluster_id", None)
    if cluster_id is None:
        return None
    return cluster_code_of(cluster_id)


def _may_see(user: Any, model: type[Model], record: Any) -> bool:
    """A cluster's records: whoever may see that cluster; budgets and years: readers of everything."""
    if hasattr(record, "cluster_id") or model is Cluster:
        code = _cluster_code(model, record)
        return code is not None and permissions.may_see_cluster(user, code)
    return permissions.may_read_all(user)


def _cluster_url(model: type[Model], live: Any) -> str | None:
    if live is None:
        return None
    if model is Project:
        return reverse("project", args=[live.ref])
    code = _cluster_code(model, live)
    return reverse("cluster", args=[code]) if code else None


def _changed_fields(model: type[Model], row: Any, older: Any, words: Words) -> list[dict[str, Any]]:
    """What a change did, in the page's words: on an update, each field changed with its old
    and new value; on a creation (or the first change recorded), every field's value."""
    if row.history_type == "~" and older is not None:
        return [
            {
                "field": _verbose(model, change.field),
                "old": words.value(model, _field(model, change.field), row, change.old),
                "new": words.value(model, _field(model, change.field), row, change.new),
            }
            for change in row.diff_against(older).changes
        ]
    if row.history_type == "+" or (row.history_type == "~" and older is None):
        return [
            {
                "field": _verbose(model, field.name),
                "old": None,
                "new": words.value(model, field, row, recorded_value(row, field, by_id=NAMED_BY_ID)),
            }
            for field in model._meta.concrete_fields
            if not field.primary_key and getattr(row, field.attname) not in (None, "")
        ]
    return []


def _field(model: type[Model], name: str) -> Any:
    return model._meta.get_field(name)


def _verbose(model: type[Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))
