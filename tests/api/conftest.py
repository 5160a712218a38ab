"""API tests on the worked example (tests/fixtures/flanders-small), imported once per
module inside a transaction rolled back at the end, with one user per role (the cluster
manager bound to VIL) and one user without a role."""

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client, override_settings

from clustermonitor.datasets.services import dataset_import
from clustermonitor.web.accounts import user_create
from tests.reports.test_expected_example import EXAMPLE

ROLES = ("admin", "analyst", "cluster", "viewer")
PASSWORD = "secret-test-password"
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """HTTP Basic checks the password on every call: a cheap hasher for the tests."""
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="module")
def example_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        dataset_import(EXAMPLE)
        for role in ROLES:
            user_create(role, role=role, password=PASSWORD, cluster="VIL" if role == "cluster" else None)
        User.objects.create_user("nobody", password=PASSWORD)  # logged in, but no role
        yield
        transaction.set_rollback(True)


def session_client(username: str | None) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    if username is not None:
        client.force_login(User.objects.get(username=username))
    return client


def basic(username: str, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}
