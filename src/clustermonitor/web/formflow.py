"""The one flow of every data-entry page: the form → (a confirmation where the change is
weighty) → the service → a refusal beside its fields in the page's language, or a message
and a redirect to the page that shows the result.

A confirmation is stateless: `warnings(data)` says what the reader must confirm (a
replaced amount, more than requested, a year closed for good). The page shows them with
a "confirm" button carrying a digest of those warnings; the write happens only when the
posted digest equals the digest of the warnings the same data gives now, so changing a
field after the warning asks again. Before asking, the write is tried and rolled back, so
a change the service would refuse shows its refusal, not a question.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.web.forms import add_problems

CONFIRM = "confirmed"


@dataclass
class Live:
    """A part of the page that follows the form's fields as they change: HTMX asks the
    page's own URL for it alone (`template`, with `value` as `name`) whenever a field
    changes, and the page shows it at once when opened with the fields filled in."""

    url: str
    id: str
    template: str
    name: str
    value: Any

    def context(self) -> dict[str, Any]:
        return {"live": {"url": self.url, "id": self.id, "template": self.template}, self.name: self.value}


@dataclass
class Flow:
    """What one entry page does. `save(data, actor)` calls the service and returns what it
    wrote; `done(saved, data)` gives the success message and the URL to go to."""

    title: str
    save: Callable[[dict[str, Any], str], Any]
    done: Callable[[Any, dict[str, Any]], tuple[str, str]]
    warnings: Callable[[dict[str, Any]], list[str]] | None = None
    context: dict[str, Any] = field(default_factory=dict)
    live: Live | None = None


def digest(warnings: list[str]) -> str:
    return hashlib.sha256("\n".join(warnings).encode()).hexdigest()[:16]


def form_flow(request: HttpRequest, form: forms.Form, flow: Flow) -> HttpResponse:
    if flow.live and request.method == "GET" and request.headers.get("HX-Request") == "true":
        return render(request, flow.live.template, {flow.live.name: flow.live.value})
    warnings: list[str] = []
    actor = request.user.get_username()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        warnings = flow.warnings(data) if flow.warnings else []
        confirmed = not warnings or request.POST.get(CONFIRM) == digest(warnings)
        try:
            if confirmed:
                saved = flow.save(data, actor)
            else:
                _trial(flow, data, actor)
        except WriteRefused as refused:
            add_problems(form, refused.problems)
            warnings = []
        else:
            if confirmed:  # (else: asked, nothing written)
                message, url = flow.done(saved, data)
                messages.success(request, message)
                return redirect(url)
    context = {
        "form": form,
        "title": flow.title,
        "warnings": warnings,
        "confirm_digest": digest(warnings) if warnings else "",
        **flow.context,
        **(flow.live.context() if flow.live else {}),
    }
    return render(request, "web/form.html", context)


class _Rollback(Exception):
    """Undoes a trial write."""


def _trial(flow: Flow, data: dict[str, Any], actor: str) -> None:
    """The write tried and rolled back (with its history rows and on-commit mails): raises
    the service's WriteRefused if it would refuse."""
    try:
        with transaction.atomic():
            flow.save(data, actor)
            raise _Rollback
    except _Rollback:
        return None
