"""Who made a change, in the audit trail (django-simple-history) of every write service.

Each service names its actor; the historical row of what it saved carries
`history_change_reason` "<action> by <actor>", whichever door (web, API, CLI) it came in
by. The web request's user is recorded beside it as `history_user`.
"""

from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def require_actor(actor: str) -> None:
    """Every write names who makes it (1–150 characters), for the audit trail."""
    if not actor.strip() or len(actor) > 150:
        raise ValueError("actor: who makes the change, 1–150 characters, for the audit trail")


def save_by(instance: M, *, action: str, actor: str) -> M:
    """Save `instance`, its historical row saying `action` and who did it."""
    instance._change_reason = f"{action} by {actor}"  # type: ignore[attr-defined]
    instance.save()
    return instance


def set_by(
    model: type[M], *, lookup: dict[str, Any], values: dict[str, Any], actor: str, action: str = ""
) -> tuple[M, bool]:
    """`update_or_create` that records the actor: (row, created). Call it under the
    service's locks, as `update_or_create` would be. The action says "set" or "changed"
    unless named."""
    row = model._default_manager.filter(**lookup).first()
    created = row is None
    if row is None:
        row = model(**lookup)
    for field, value in values.items():
        setattr(row, field, value)
    return save_by(row, action=action or ("set" if created else "changed"), actor=actor), created
