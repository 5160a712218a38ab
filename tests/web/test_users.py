"""Users and their roles in the web app (issue 14 point 14): admins list users, create one
bound to a role (and a cluster manager to a cluster), change a user's role, cluster and
e-mail address; every choice is validated; no one else may open these pages."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from clustermonitor.access import permissions
from clustermonitor.clusters.models import Cluster
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db
NEW = {
    "username": "marie",
    "email": "marie@sim.example",
    "role": "cluster",
    "cluster": "SIM",
    "password": "a-long-Secret-42",
}


def error(html: str, field: str) -> str:
    return html.split(f'id="error-{field}">')[1].split("</span>")[0]


def test_an_admin_binds_a_new_user_to_a_role_and_a_cluster(users: None) -> None:
    admin = client_for("admin")

    response = admin.post("/users/new/", NEW)

    assert response.status_code == 302 and response["Location"] == "/users/"
    marie = User.objects.get(username="marie")
    assert (permissions.role_of(marie), permissions.bound_cluster(marie)) == ("cluster", "SIM")
    assert marie.email == "marie@sim.example" and marie.check_password(NEW["password"])
    listing = admin.get("/users/").content.decode()
    assert "marie" in listing and "clustermanager" in listing and "/clusters/SIM/" in listing


def test_the_list_names_a_managers_cluster_and_each_user_opens_for_a_change(users: None) -> None:
    listing = client_for("admin").get("/users/").content.decode()
    user = User.objects.get(username="cluster")
    name = Cluster.objects.get(code="VIL").name

    row = listing.split(f'href="/users/{user.pk}/edit/"', 1)[1].split("</tr>", 1)[0]
    assert '">cluster</a>' in row  # the user name is the link to change the user
    assert f'<a href="/clusters/VIL/">{name}</a>' in row and ">VIL<" not in row


def test_an_admin_changes_a_users_role_and_the_cluster_binding_goes(users: None) -> None:
    admin = client_for("admin")
    user = User.objects.get(username="cluster")

    page = admin.get(f"/users/{user.pk}/edit/").content.decode()
    assert 'value="VIL" selected' in page
    response = admin.post(f"/users/{user.pk}/edit/", {"role": "analyst", "cluster": "", "email": ""})

    assert response.status_code == 302
    user = User.objects.get(username="cluster")
    assert (permissions.role_of(user), permissions.bound_cluster(user)) == ("analyst", None)
    assert user.check_password("secret-test-password")  # an empty password keeps it


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"cluster": ""}, "cluster", "Een clustermanager is aan een cluster gebonden: kies er een."),
        ({"role": "viewer"}, "cluster", "Enkel een clustermanager is aan een cluster gebonden."),
        ({"cluster": "NOPE"}, "cluster", "Selecteer een geldige keuze."),
        ({"role": "king"}, "role", "Selecteer een geldige keuze."),
        ({"username": "viewer"}, "username", "Er bestaat al een gebruiker met deze naam."),
        ({"email": "not-an-address"}, "email", "Voer een geldig e-mailadres in."),
        ({"password": ""}, "password", "Dit veld is verplicht."),
    ],
)
def test_wrong_choices_are_refused_beside_their_field(
    users: None, changes: dict[str, str], field: str, message: str
) -> None:
    html = client_for("admin").post("/users/new/", {**NEW, **changes}).content.decode()

    assert message in error(html, field)
    assert not User.objects.filter(username="marie").exists()


def test_an_admin_cannot_take_their_own_admin_role_away(users: None) -> None:
    admin = User.objects.get(username="admin")

    html = client_for("admin").post(f"/users/{admin.pk}/edit/", {"role": "viewer"}).content.decode()

    assert "U kunt uw eigen beheerdersrol niet afnemen." in error(html, "role")
    assert permissions.role_of(User.objects.get(username="admin")) == "admin"


def test_only_admins_open_the_users_pages(clients: dict[str | None, Client]) -> None:
    pk = User.objects.get(username="viewer").pk
    for url in ("/users/", "/users/new/", f"/users/{pk}/edit/"):
        for role, client in clients.items():
            status = client.get(url).status_code
            assert status == (200 if role == "admin" else 302 if role is None else 403), (role, url)
    assert client_for("admin").get("/users/999999/edit/").status_code == 404


def test_only_admins_see_the_users_link(clients: dict[str | None, Any]) -> None:
    for role in ("admin", "analyst", "cluster", "viewer"):
        html = clients[role].get("/").content.decode()
        assert ('href="/users/"' in html) == (role == "admin"), role
