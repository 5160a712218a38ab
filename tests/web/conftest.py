"""Web tests: the reports' tiny world (tests/reports/conftest.py), the demo dataset, and
one logged-in client per role. The cluster manager is bound to VIL.

The browser tests' fixtures too (helpers in tests/web/browsing.py): one Chromium per
module, the demo dataset behind a live server, and `tab`, a fresh page in a context that
bypasses the page's CSP (so axe-core can be injected), accepts downloads and waits long
enough on a busy machine."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from clustermonitor.datasets.services import dataset_import
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from tests.web.browsing import ARGS, CHROMIUM, require_browser

    require_browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo_site(transactional_db: None, demo_dir: Path, live_server: Any) -> str:  # noqa: F811
    """The demo dataset and one user per role (cluster manager of BLUE) behind a live server."""
    dataset_import(demo_dir)
    make_users("BLUE")
    return str(live_server.url)


@pytest.fixture
def tab(browser: Any, transactional_db: None, live_server: Any) -> Iterator[Any]:
    """A fresh page at 1440 x 900 in a Dutch-speaking browser; closed before the database
    is flushed (it depends on the database), so no request is in flight while the tables
    are truncated."""
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, locale="nl-BE", accept_downloads=True, bypass_csp=True
    )
    context.set_default_timeout(180_000)  # a machine shared by many test runs
    page = context.new_page()
    yield page
    page.goto("about:blank")
    context.close()
