"""Every API operation against its own OpenAPI schema, with schemathesis and all its checks:
generated valid and invalid requests, as an admin over HTTP Basic, on the worked example.

A failure here is a call whose answer the schema does not describe: a 5xx, a 400 for a
request the schema calls valid, a 2xx for one it calls invalid, an undeclared status or a
body of another shape."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.auths import apply_basic_auth
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import PASSWORD, basic, session_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(example_db: None, settings: Any) -> Iterator[Any]:
    # schemathesis also sends wrong credentials (its ignored_auth check); the lockout they
    # would earn is tested on its own (tests/web/test_account_defence.py), not in the way here.
    settings.AXES_ENABLED = False
    response = session_client(None).get("/api/v1/schema/", **basic("admin"))
    loaded = schemathesis.openapi.from_dict(json.loads(response.content))
    loaded.app = WSGIHandler()
    # Calling the WSGI app directly would close the test transaction's connection (on
    # PostgreSQL). Disconnected after the test client's call above, which reconnects them.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield loaded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case: Any) -> None:
    # Set as the case's own credentials, so schemathesis takes them away (and sends wrong
    # ones) to see that the API then refuses.
    apply_basic_auth(case, "admin", PASSWORD)
    response = case.call(headers={"Host": "127.0.0.1"})
    if _prose_refused(case, response):
        # A question's text is prose: only parsing it tells whether it holds a written
        # question, so a body the schema calls valid may still be refused, but only for
        # its text, and as a 400 the schema declares. Every other check still runs.
        assert response.json()["parameter"] == "text"
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
    else:
        case.validate_response(response)


def _prose_refused(case: Any, response: Any) -> bool:
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    return case.operation.label == "POST /api/v1/questions/" and positive and response.status_code == 400
