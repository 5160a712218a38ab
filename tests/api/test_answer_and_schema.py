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
        *(f"/api/v1/reports/{name}/" for name in REPORTS),
        "/api/v1/answer/",
        "/api/v1/questions/",
        "/api/v1/questions/{session}/{number}/",
        "/api/v1/questions/{session}/{number}/answer/",
    }
    assert set(schema["components"]["securitySchemes"]) == {"basicAuth", "cookieAuth"}


def _parameters(schema: dict, path: str) -> dict[str, dict]:
    return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}


def test_each_report_states_exactly_which_parameters_it_requires(example_db: None) -> None:
    schema = json.loads(session_client("viewer").get("/api/v1/schema/").content)
    four_digits = {"type": "integer", "minimum": 1000, "maximum": 9999, "example": 2018}

    for name, spec in REPORTS.items():
        parameters = _parameters(schema, f"/api/v1/reports/{name}/")
        if spec.yearly:  # five reports require year; pact-resources refuses it
            assert parameters["year"]["required"] is True
            assert parameters["year"]["schema"] == four_digits
        else:
            assert "year" not in parameters
        assert parameters["as_of"]["schema"] == {"type": "string", "format": "date"}
        assert not parameters["as_of"].get("required")
        assert ("cluster" in parameters) == spec.per_cluster
    assert sum(spec.yearly for spec in REPORTS.values()) == 5
    cluster = _parameters(schema, "/api/v1/reports/pact-resources/")["cluster"]
    assert "VIL" in cluster["schema"]["enum"]
    assert _parameters(schema, "/api/v1/answer/")["year"]["schema"] == four_digits


def test_the_schema_is_also_yaml(example_db: None) -> None:
    response = session_client("viewer").get("/api/v1/schema/?format=yaml")

    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")
