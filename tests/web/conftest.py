"""Web tests: the reports' tiny world (tests/reports/conftest.py), the demo dataset, and
one logged-in client per role. The cluster manager is bound to VIL."""

import os
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from clustermonitor.web.accounts import user_create
from tests.demo.conftest import demo_dataset, demo_db, demo_dir  # noqa: F401
from tests.reports.conftest import World, world  # noqa: F401

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + the ORM

ROLES = ("admin", "analyst", "cluster", "viewer")
PASSWORD = "secret-test-password"


def make_users(cluster: str = "VIL") -> None:
    for role in ROLES:
        user_create(role, role=role, password=PASSWORD, cluster=cluster if role == "cluster" else None)


def client_for(role: str | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(User.objects.get(username=role))
    return client


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """Password hashing made cheap: the web tests create users by the dozen."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def users(world: World) -> None:  # noqa: F811
    make_users("VIL")


@pytest.fixture
def clients(users: None) -> dict[str | None, Client]:
    return {role: client_for(role) for role in (*ROLES, None)}
