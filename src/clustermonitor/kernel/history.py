"""Reads of the audit trail (django-simple-history): the latest changes of the audited
models and one record's recorded changes. The writes name their actor in `audit`; the
models are registered for history in `web.models` (their historical tables live there),
so these reads take the model and reach its history manager, whichever app it belongs to.
The history pages (web/history.py, the project page) only render what these return.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Field, Model


def history_of(model: type[Model]) -> Any:
    """The model's historical rows (django-simple-history adds `history` at run time)."""
    audited: Any = model
    return audited.history


def latest_changes(
    models: Iterable[type[Model]], *, per_model: int, limit: int
) -> list[tuple[type[Model], Any]]:
    """(model, historical row) of the latest `limit` changes over `models`, newest first,
    each model read for its `per_model` latest, with who made them."""
    changes = [
        (model, row)
        for model in models
        for row in history_of(model).select_related("history_user").order_by("-history_date")[:per_model]
    ]
    changes.sort(key=lambda change: change[1].history_date, reverse=True)
    return changes[:limit]


def record_changes(model: type[Model], pk: Any, *, limit: int) -> list[Any]:
    """One record's historical rows, newest first, with who made them; at most `limit`."""
    key = model._meta.pk.attname
    return list(
        history_of(model)
        .filter(**{key: pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )


def live_record(model: type[Model], pk: Any) -> Model | None:
    """The record as it is now, or None once deleted."""
    return model._default_manager.filter(pk=pk).first()


def recorded_value(row: Any, field: "Field[Any, Any]", *, by_id: Iterable[str] = ()) -> Any:
    """A field's value in a historical row: a related record as it is now (or its id if it
    is gone), except the relations named in `by_id`, given by their id."""
    if not field.is_relation or field.name in by_id:
        return getattr(row, field.attname)
    try:
        return getattr(row, field.name)
    except ObjectDoesNotExist:
        return getattr(row, field.attname)
