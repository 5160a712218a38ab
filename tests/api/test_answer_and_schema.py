"""`GET /api/v1/answer/` (the drafted answer as JSON or Markdown) and `GET /api/v1/schema/`
(OpenAPI 3 from drf-spectacular, valid, every parameter documented)."""

import io
import json

import pytest
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

from clustermonitor.reports.registry import REPORTS
from tests.api.conftest import basic, session_client

pytestmark = pytest.mark.django_db


def test_the_markdown_answer_is_the_cli_answer(example_db: None) -> None:
    out = io.StringIO()
    call_command("answer", "--year", "2018", "--as-of", "2019-03-03", "--lang", "en", stdout=out)

    response = session_client("viewer").get("/api/v1/answer/?year=2018&as_of=2019-03-03&lang=en&format=md")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.content.decode() == out.getvalue()


def test_the_json_answer_has_the_six_sub_questions_with_their_tables(example_db: None) -> None:
    data = session_client("cluster").get("/api/v1/answer/?year=2018&as_of=2019-03-03").json()
    budget = (
        session_client("cluster").get("/api/v1/reports/budget-overview/?year=2018&as_of=2019-03-03").json()
    )

    assert (data["year"], data["as_of"], data["lang"]) == (2018, "2019-03-03", "nl")
    assert [s["number"] for s in data["sections"]] == ["1", "2a", "2b", "3", "4", "5", "6"]
    envelopes = data["sections"][1]["tables"][0]
    assert envelopes["rows"][-1]["committed"] == budget["total"]["committed"]
    assert envelopes["headers"][0] == "enveloppe"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("", "year"),
        ("?year=2018&lang=fr", "lang"),
        ("?year=2018&format=docx", "format"),
        ("?year=2018&x=1", "x"),
    ],
)
def test_answer_parameters_are_checked(example_db: None, query: str, parameter: str) -> None:
    response = session_client("viewer").get(f"/api/v1/answer/{query}")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["parameter"] == parameter


def test_the_answer_needs_a_reader(example_db: None) -> None:
    assert session_client(None).get("/api/v1/answer/?year=2018").status_code == 401
    assert session_client(None).get("/api/v1/answer/?year=2018", **basic("nobody")).status_code == 403


def test_the_schema_is_valid_openapi_3_and_documents_the_parameters(example_db: None) -> None:
    response = session_client(None).get("/api/v1/schema/", **basic("viewer"))
    schema = json.loads(response.content)

    assert response.status_code == 200
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/reports/",
        "/api/v1/reports/{name}/",
        "/api/v1/answer/",
        "/api/v1/questions/",
        "/api/v1/questions/{session}/{number}/",
        "/api/v1/questions/{session}/{number}/answer/",
    }
    report = schema["paths"]["/api/v1/reports/{name}/"]["get"]
    parameters = {p["name"]: p for p in report["parameters"]}
    assert set(parameters) == {"name", "year", "cluster", "as_of"}
    assert parameters["name"]["schema"]["enum"] == sorted(REPORTS)
    assert parameters["as_of"]["schema"]["format"] == "date"
    assert {"200", "400", "401", "403", "404"} <= set(report["responses"])
    assert set(schema["components"]["securitySchemes"]) == {"basicAuth", "cookieAuth"}


def test_the_schema_is_also_yaml(example_db: None) -> None:
    response = session_client("viewer").get("/api/v1/schema/?format=yaml")

    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")
