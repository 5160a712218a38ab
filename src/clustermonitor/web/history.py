"""The audit trail as pages: the latest changes of every audited record and the dataset
imports (`/history/`), and one record's whole history (`/history/<kind>/<pk>/`: who,
when, what changed, field by field). A record's history is shown to whoever may see the
record: a cluster's records to its manager, the rest to readers of everything."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from clustermonitor.access import permissions
from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.selectors import cluster_code_of
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


def history_url(model: type[Model], pk: Any) -> str:
    return reverse("record-history", args=[KIND_OF[model], pk])


def history_page(request: HttpRequest) -> HttpResponse:
    """The latest changes of every audited record and the latest imports; readers of everything."""
    permissions.require(permissions.may_read_all(request.user))
    changes = []
    words = Words()
    for model in AUDITED:
        for record in _history(model).select_related("history_user").order_by("-history_date")[:30]:
            changes.append(
                {
                    "model": kind_name(model),
                    "name": words.record(model, record),
                    "record": record,
                    "url": history_url(model, getattr(record, model._meta.pk.attname)),
                }
            )
    changes.sort(key=lambda c: c["record"].history_date, reverse=True)
    context = {"changes": changes[:100], "imports": recent_imports(50)}
    return render(request, "web/history.html", context)


def record_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Every recorded change of one record, newest first, with the fields each changed."""
    model = KINDS.get(kind)
    if model is None:
        raise Http404("unknown kind of record")
    if pk > 2**63 - 1:  # beyond any key the database can hold (SQLite raises OverflowError)
        raise Http404("no such record")
    key = model._meta.pk.attname
    rows = list(
        _history(model)
        .filter(**{key: pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: RECORD_LIMIT + 1]
    )
    live = model._default_manager.filter(pk=pk).first()
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
                "new": words.value(model, field, row, _value(row, field)),
            }
            for field in model._meta.concrete_fields
            if not field.primary_key and getattr(row, field.attname) not in (None, "")
        ]
    return []


def _field(model: type[Model], name: str) -> Any:
    return model._meta.get_field(name)


def _value(row: Any, field: Any) -> Any:
    """A field's value in a historical row; a cluster or KPI by its id (Words names it), another
    related record by its name (or its id if gone)."""
    if not field.is_relation or field.name in ("cluster", "kpi"):
        return getattr(row, field.attname)
    try:
        return getattr(row, field.name)
    except ObjectDoesNotExist:
        return getattr(row, field.attname)


def _verbose(model: type[Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def _history(model: type[Model]) -> Any:
    """The model's django-simple-history manager (registered in `web.models`)."""
    audited: Any = model
    return audited.history
