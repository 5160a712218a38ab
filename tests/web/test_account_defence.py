"""Accounts: lockout after repeated failures (login form and the API's HTTP Basic), per
user and per address; Django's password validators on the web and in `adduser`; users
change their own password; `adduser` refuses bad names and a missing password cleanly."""

import base64
import io

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from tests.web.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db
LIMIT = settings.AXES_FAILURE_LIMIT


def login(client: Client, username: str, password: str, address: str = "10.1.1.1") -> int:
    response = client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return response.status_code


def basic(username: str, password: str, address: str = "10.2.2.2") -> int:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    response = Client().get(
        "/api/v1/reports/pact-resources/", HTTP_AUTHORIZATION=f"Basic {token}", REMOTE_ADDR=address
    )
    return response.status_code


def test_the_lockout_is_documented_in_settings() -> None:
    assert 3 <= LIMIT <= 10
    assert settings.AXES_COOLOFF_TIME.total_seconds() >= 300
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_after_the_failures_the_right_password_no_longer_logs_in(users: None) -> None:
    client = Client()
    for _ in range(LIMIT - 1):
        assert login(client, "viewer", "wrong") == 200  # the form again, with its error
    assert login(client, "viewer", "wrong") == 429  # the last failure locks
    assert login(client, "viewer", PASSWORD) == 429
    assert "_auth_user_id" not in client.session
    # from another address the same user is locked too (per user) ...
    assert login(Client(), "viewer", PASSWORD, address="10.9.9.9") == 429
    # ... and another user logs in from elsewhere
    assert login(Client(), "analyst", PASSWORD, address="10.9.9.9") == 302


def test_an_address_trying_many_users_is_locked(users: None) -> None:
    for number in range(LIMIT):
        login(Client(), f"nobody{number}", "wrong", address="10.3.3.3")
    assert login(Client(), "analyst", PASSWORD, address="10.3.3.3") == 429
    assert login(Client(), "analyst", PASSWORD, address="10.4.4.4") == 302


def test_http_basic_is_locked_out_too(users: None) -> None:
    assert basic("viewer", PASSWORD) == 200
    for _ in range(LIMIT):
        assert basic("viewer", "wrong") in (401, 403)
    assert basic("viewer", PASSWORD) in (401, 403, 429)  # refused although right
    assert basic("viewer", PASSWORD, address="10.5.5.5") in (401, 403, 429)  # the user, anywhere
    assert basic("analyst", PASSWORD, address="10.5.5.5") == 200


def test_users_change_their_own_password_judged_by_the_validators(users: None) -> None:
    client = client_for("viewer")
    weak = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"},
        QUERY_STRING="lang=en",
    )
    assert weak.status_code == 200
    assert "too common" in weak.content.decode()

    good = "a-much-longer-new-passphrase"
    done = client.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": good, "new_password2": good}
    )
    assert done.status_code == 302
    assert User.objects.get(username="viewer").check_password(good)
    assert client.get("/").status_code == 200  # still logged in


def test_the_page_asks_for_the_old_password(users: None) -> None:
    page = client_for("cluster").get("/accounts/password/").content.decode()
    assert 'name="old_password"' in page and 'name="new_password2"' in page


@pytest.mark.parametrize("password", ["a", "password", "12345678901234", "admin"])
def test_adduser_refuses_a_weak_password(
    world: object, monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("CLUSTERMONITOR_PASSWORD", password)
    with pytest.raises(CommandError, match="password refused"):
        call_command("adduser", "admin", role="admin", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()


@pytest.mark.parametrize("name", ["", "x" * 200, "<script>", "a b"])
def test_adduser_refuses_names_django_refuses(
    world: object, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("CLUSTERMONITOR_PASSWORD", "a-long-enough-passphrase")
    with pytest.raises(CommandError, match="user name"):
        call_command("adduser", name, role="viewer", stdout=io.StringIO())
    assert User.objects.count() == 0


def test_adduser_without_a_terminal_or_a_password_says_so(
    world: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLUSTERMONITOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="no password: set CLUSTERMONITOR_PASSWORD"):
        call_command("adduser", "marie", role="viewer", stdout=io.StringIO())
    assert not User.objects.filter(username="marie").exists()


def test_an_admin_resets_a_password_with_adduser(users: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERMONITOR_PASSWORD", "a-reset-passphrase-2026")
    call_command("adduser", "viewer", role="viewer", stdout=io.StringIO())
    assert User.objects.get(username="viewer").check_password("a-reset-passphrase-2026")
