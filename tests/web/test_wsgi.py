"""The production entry point (`clustermonitor.wsgi`, what gunicorn serves)."""

import gc
import importlib

import pytest
from django.test import RequestFactory


@pytest.mark.django_db
def test_the_wsgi_application_answers_and_start_up_is_frozen_out_of_the_collector() -> None:
    try:
        wsgi = importlib.reload(importlib.import_module("clustermonitor.wsgi"))  # runs its start-up
        assert gc.get_freeze_count() > 10_000  # the URL conf and everything start-up made
    finally:
        gc.unfreeze()  # the test process goes on collecting as before
    environ = RequestFactory().get("/accounts/login/").environ
    statuses: list[str] = []

    body = b"".join(wsgi.application(environ, lambda status, headers: statuses.append(status)))

    assert statuses == ["200 OK"] and b"<form" in body
