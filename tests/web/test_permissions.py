"""The permission matrix: every address × every role → allowed (200) or refused (403, a
404 for another cluster's record, or a redirect to a login page). The cluster manager is
bound to VIL."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ALL = {"admin", "analyst", "cluster", "viewer"}
READ_ALL = {"admin", "analyst", "viewer"}
WRITERS = {"admin", "analyst"}

MATRIX: list[tuple[str, set[str]]] = [
    ("/", ALL),
    ("/years/2018/", ALL),
    ("/years/2018/?as_of=2018-06-30", ALL),
    ("/reports/budget-overview/?year=2018", ALL),
    ("/reports/cluster-overview/?year=2018", ALL),
    ("/reports/additional-resources/?year=2018", ALL),
    ("/reports/pact-resources/", ALL),
    ("/reports/project-generation/?year=2018", ALL),
    ("/reports/kpi-status/?year=2018", ALL),
    ("/reports/budget-overview/?year=2018&format=csv&table=0", ALL),
    ("/reports/budget-overview/?year=2018&format=xlsx", ALL),
    ("/reports/kpi-status/?year=2018&format=html", ALL),
    ("/clusters/VIL/", ALL),
    ("/clusters/SIM/", READ_ALL),
    ("/clusters/new/", WRITERS),
    ("/clusters/VIL/edit/", WRITERS),  # not even a cluster's own manager
    ("/projects/V1/", ALL),
    ("/projects/S1/", READ_ALL),  # a cluster manager opening another cluster's project by URL
    ("/projects/", ALL),  # a cluster manager sees their own cluster's projects only
    ("/projects/?year=2018&cluster=SIM&status=approved&type=ICON&page=2", ALL),
    ("/projects/new/", ALL - {"viewer"}),
    ("/projects/V9/decide/", WRITERS),
    ("/ledger/", ALL),
    ("/ledger/book/", WRITERS),
    ("/allocations/new/", WRITERS),
    ("/budgets/new/", WRITERS),
    ("/kpis/target/new/", WRITERS),
    ("/kpis/result/new/", ALL - {"viewer"}),
    ("/drill/ledger/?year=2018&cluster=VIL&envelope=spearhead_projects&measure=committed", ALL),
    ("/drill/ledger/?year=2018&cluster=SIM&envelope=spearhead_projects&measure=committed", READ_ALL),
    ("/drill/ledger/?year=2018&measure=committed", READ_ALL),
    ("/drill/projects/?year=2018&cluster=SIM&measure=approved", READ_ALL),
    ("/drill/kpis/?year=2018&cluster=VIL&status=met", ALL),
    ("/years/2019/close/", {"admin"}),
    ("/import/", WRITERS),
    ("/export/", READ_ALL),
    ("/history/", READ_ALL),
    ("/history/budget-year/2018/", READ_ALL),  # records of no one cluster: readers of everything
    ("/admin/", {"admin"}),
    ("/users/", {"admin"}),
    ("/users/new/", {"admin"}),
    ("/questions/", ALL),  # written questions are public documents: every role reads them
    ("/questions/?q=budget&status=received&order=deadline", ALL),
    ("/questions/new/", WRITERS),
    ("/answer/?year=2018", ALL),
    ("/answer/?year=2018&format=md", ALL),
]
QUESTION_MATRIX: list[tuple[str, set[str]]] = [
    ("/questions/2018-2019/228/", ALL),
    ("/questions/2018-2019/228/answer.md", ALL),
    ("/questions/2018-2019/228/answer.docx?lang=en", ALL),
    ("/questions/2018-2019/228/assign/", WRITERS),  # each write of the page is a form of its own
    ("/questions/2018-2019/228/status/", WRITERS),
    ("/questions/2018-2019/228/approve/", WRITERS),
    ("/questions/2018-2019/228/2a/map/", WRITERS),
    ("/questions/2018-2019/228/2a/prose/", WRITERS),
]


@pytest.mark.parametrize(("url", "allowed"), MATRIX, ids=[url for url, _ in MATRIX])
def test_permission_matrix(clients: dict[str | None, Client], url: str, allowed: set[str]) -> None:
    for role, client in clients.items():
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        elif role is None:
            assert response.status_code == 302, (role, url)
            assert response["Location"].startswith("/accounts/login/?next="), response["Location"]
        else:
            assert response.status_code in (302, 403, 404), (role, url, response.status_code)
            if response.status_code == 302:
                assert "login" in response["Location"]


@pytest.mark.parametrize(("url", "allowed"), QUESTION_MATRIX, ids=[url for url, _ in QUESTION_MATRIX])
def test_permission_matrix_of_a_question(
    clients: dict[str | None, Client], url: str, allowed: set[str]
) -> None:
    from pathlib import Path

    from clustermonitor.questions.services import question_add

    question_add(
        (Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt").read_text(), actor="t"
    )
    test_permission_matrix(clients, url, allowed)


def test_question_writes_are_for_analysts_and_admins(clients: dict[str | None, Client]) -> None:
    from pathlib import Path

    from clustermonitor.questions.services import question_add

    question_add(
        (Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt").read_text(), actor="t"
    )
    for role in ("viewer", "cluster"):
        for url in ("1b/map/", "1b/prose/", "approve/", "status/", "assign/"):
            assert clients[role].post(f"/questions/2018-2019/228/{url}", {}).status_code == 403, (role, url)


def test_anonymous_users_see_the_login_page_only(client: Client) -> None:
    page = client.get("/accounts/login/").content.decode()

    assert 'name="username"' in page
    assert 'name="password"' in page


def test_login_with_username_and_password(users: None, client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "viewer", "password": "secret-test-password"})

    assert response.status_code == 302
    assert client.get("/years/2018/").status_code == 200


def test_cluster_manager_sees_only_their_clusters_ledger(clients: dict[str | None, Client]) -> None:
    page = clients["cluster"].get("/ledger/?year=2018").content.decode()

    assert "/projects/V1/" in page
    assert "/projects/S1/" not in page
    assert "NET" not in page.split("<tbody>")[1]


def test_cluster_manager_cannot_submit_for_another_cluster(clients: dict[str | None, Client]) -> None:
    response = clients["cluster"].post(
        "/projects/new/",
        {
            "ref": "X1",
            "cluster": "SIM",
            "title": "Not mine",
            "type": "ICON",
            "channel": "earmarked",
            "submitted_on": "2018-05-01",
            "total_cost": "100",
            "requested_support": "50",
        },
    )

    assert response.status_code == 403


def test_cluster_manager_drills_only_into_their_own_figures(clients: dict[str | None, Client]) -> None:
    page = clients["cluster"].get("/reports/cluster-overview/?year=2018").content.decode()

    assert "cluster=VIL" in page
    assert "cluster=SIM" not in page
    assert "scope=pact" not in page  # totals span every cluster


def test_record_history_follows_the_records_cluster(clients: dict[str | None, Client]) -> None:
    from clustermonitor.clusters.models import Cluster
    from clustermonitor.projects.models import Project

    own = Project.objects.get(ref="V1").pk
    other = Project.objects.get(ref="S1").pk
    for role, client in clients.items():
        for url, allowed in (
            (f"/history/project/{own}/", ALL),
            (f"/history/project/{other}/", READ_ALL),
            (f"/history/cluster/{Cluster.objects.get(code='SIM').pk}/", READ_ALL),
        ):
            status = client.get(url).status_code
            refused = 302 if role is None else 404 if role == "cluster" else 403
            assert status == (200 if role in allowed else refused), (role, url)


def test_another_clusters_record_is_answered_as_one_that_does_not_exist(
    clients: dict[str | None, Client],
) -> None:
    from clustermonitor.projects.models import Project

    other = Project.objects.get(ref="S1").pk
    missing = Project.objects.order_by("-pk").first().pk + 1000  # type: ignore[union-attr]
    pairs = [
        ("/clusters/SIM/", "/clusters/NOPE/"),
        ("/projects/S1/", "/projects/NOPE/"),
        (f"/history/project/{other}/", f"/history/project/{missing}/"),
        ("/projects/S1/decide/", "/projects/NOPE/decide/"),
    ]
    manager = clients["cluster"]
    for existing, absent in pairs:
        seen, unseen = manager.get(existing), manager.get(absent)
        assert (seen.status_code, unseen.status_code) != (200, 200)
        assert seen.status_code == unseen.status_code, (existing, seen.status_code, unseen.status_code)
        # The same page but for the address itself (the language switch links back to it)
        # and the form's CSRF token, which is masked anew for every response.
        assert _same_page(seen.content, existing) == _same_page(unseen.content, absent), existing


def _same_page(content: bytes, address: str) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content.replace(address.encode(), b""))
