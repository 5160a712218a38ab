"""`GET /api/v1/reports/<name>/`: the body is exactly what `clustermonitor report NAME
--format json` prints, for every report run of the worked example; parameters refused
with a 400 naming them; the web app's read rules for each role."""

import io
import shlex
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clustermonitor.reports.registry import REPORTS, report_build
from tests.api.conftest import ROLES, basic, session_client
from tests.reports.test_expected_example import commands

pytestmark = pytest.mark.django_db


def cli(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def api_address(args: list[str]) -> str:
    """`NAME --year Y --as-of D --format json` → `/api/v1/reports/NAME/?year=Y&as_of=D`."""
    name, *options = args
    query = {}
    for option, value in zip(options[::2], options[1::2], strict=True):
        if option != "--format":
            query[option.removeprefix("--").replace("-", "_")] = value
    return f"/api/v1/reports/{name}/" + (f"?{urlencode(query)}" if query else "")


@pytest.mark.parametrize(("expected_file", "args"), commands(), ids=[name for name, _ in commands()])
def test_the_body_is_the_cli_output(example_db: None, expected_file: str, args: list[str]) -> None:
    response = session_client("admin").get(api_address(args))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content.decode() == cli(*args)


def test_the_address_is_made_from_the_cli_options() -> None:
    args = shlex.split("pact-resources --cluster VIL --as-of 2019-03-03 --format json")

    assert api_address(args) == "/api/v1/reports/pact-resources/?cluster=VIL&as_of=2019-03-03"


def test_the_list_names_every_report_and_its_parameters(example_db: None) -> None:
    data = session_client("viewer").get("/api/v1/reports/").json()

    assert [r["name"] for r in data["reports"]] == list(REPORTS)
    pact = next(r for r in data["reports"] if r["name"] == "pact-resources")
    assert pact["parameters"] == [
        {"name": "year", "use": "refused"},
        {"name": "cluster", "use": "optional"},
        {"name": "as_of", "use": "optional"},
    ]
    assert data["reports"][0]["url"] == "/api/v1/reports/budget-overview/"


@pytest.mark.parametrize(
    ("address", "parameter", "message"),
    [
        ("budget-overview/", "year", "budget-overview needs year"),
        ("budget-overview/?year=18", "year", "'18' is not a four-digit year"),
        ("budget-overview/?year=2018&as_of=2018-02-30", "as_of", "'2018-02-30' is not a date YYYY-MM-DD"),
        ("budget-overview/?year=2018&as_of=30/06/2018", "as_of", "'30/06/2018' is not a date YYYY-MM-DD"),
        ("budget-overview/?year=2018&asof=2018-06-30", "asof", "unknown parameter 'asof'"),
        ("pact-resources/?year=2018", "year", "covers the whole pact and does not take year"),
        ("cluster-overview/?year=2018&cluster=VIL", "cluster", "cluster is accepted by pact-resources only"),
        ("pact-resources/?cluster=NOPE", "cluster", "unknown cluster: NOPE"),
    ],
)
def test_a_refused_parameter_is_a_400_naming_it(
    example_db: None, address: str, parameter: str, message: str
) -> None:
    response = session_client("analyst").get(f"/api/v1/reports/{address}")

    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert message in response.json()["detail"]


def test_an_unknown_report_is_a_404(example_db: None) -> None:
    response = session_client("viewer").get("/api/v1/reports/balance-sheet/?year=2018")

    assert response.status_code == 404
    assert "unknown report 'balance-sheet'" in response.json()["detail"]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_reports_with_a_session_or_http_basic(example_db: None, role: str) -> None:
    address = "/api/v1/reports/budget-overview/?year=2018"

    assert session_client(role).get(address).status_code == 200
    assert session_client(None).get(address, **basic(role)).status_code == 200


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), (basic("viewer", "wrong-password"), 401), (basic("nobody"), 403)],
    ids=["anonymous", "wrong-password", "no-role"],
)
def test_who_may_not_read_is_refused(example_db: None, headers: dict[str, str], status: int) -> None:
    for address in ("/api/v1/reports/", "/api/v1/reports/budget-overview/?year=2018", "/api/v1/schema/"):
        response = session_client(None).get(address, **headers)

        assert response.status_code == status, address
        assert "detail" in response.json()
    if status == 401:
        assert response["WWW-Authenticate"].startswith("Basic")


def test_an_anonymous_call_is_not_sent_to_the_login_page(example_db: None) -> None:
    response = session_client(None).get("/api/v1/reports/budget-overview/?year=2018")

    assert response.status_code == 401
    assert "Location" not in response


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("pact-resources/", 200),  # the public aggregate: every spearhead cluster
        ("pact-resources/?cluster=VIL", 200),  # their own cluster
        ("pact-resources/?cluster=AIAPPLIED", 200),  # the same public figures as its row above
        ("cluster-overview/?year=2018", 200),
        ("kpi-status/?year=2018", 200),
    ],
)
def test_a_cluster_manager_reads_every_report_as_the_report_pages_allow(
    example_db: None, address: str, status: int
) -> None:
    response = session_client("cluster").get(f"/api/v1/reports/{address}")

    assert response.status_code == status


@pytest.mark.parametrize("role", ["admin", "analyst", "viewer"])
def test_readers_of_everything_read_any_cluster(example_db: None, role: str) -> None:
    assert session_client(role).get("/api/v1/reports/pact-resources/?cluster=AIAPPLIED").status_code == 200


def test_the_api_adds_no_query_per_row(example_db: None) -> None:
    """The benchmarked address: the report's own queries, plus session, user and role."""
    client = session_client("viewer")
    with CaptureQueriesContext(connection) as report_queries:
        report_build("cluster-overview", year=2018)
    with CaptureQueriesContext(connection) as api_queries:
        assert client.get("/api/v1/reports/cluster-overview/?year=2018").status_code == 200

    assert len(api_queries) <= len(report_queries) + 3
    with CaptureQueriesContext(connection) as budget_queries:
        assert client.get("/api/v1/reports/budget-overview/?year=2018").status_code == 200
    assert len(budget_queries) <= 10


@pytest.mark.parametrize("address", ["/api/v1/nothing/", "/api/v1/questions/2018-2019/x/", "/api/v2/"])
def test_an_unknown_api_address_is_a_json_404(example_db: None, address: str) -> None:
    response = session_client("viewer").get(address)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "no such API address" in response.json()["detail"]
