"""The written questions in the API: read by every role, taken in by analysts and admins."""

import json
from pathlib import Path

import pytest

from tests.api.conftest import basic, session_client

pytestmark = pytest.mark.django_db
SEED = Path(__file__).parents[2] / "docs" / "written-question-228-2019.txt"


def test_analyst_posts_a_question_and_every_role_reads_it(example_db) -> None:
    client = session_client(None)
    response = client.post(
        "/api/v1/questions/", {"text": SEED.read_text(encoding="utf-8")}, content_type="application/json",
        **basic("analyst"),
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 228
    for role in ("admin", "analyst", "cluster", "viewer"):
        one = client.get("/api/v1/questions/2018-2019/228/", **basic(role))
        assert one.status_code == 200
        assert [s["label"] for s in one.json()["subquestions"]][:3] == ["1a", "1b", "2"]
    listed = client.get("/api/v1/questions/?q=vastleggingen", **basic("viewer")).json()
    assert [q["number"] for q in listed["questions"]] == [228]
    assert client.get("/api/v1/questions/?q=zeppelin", **basic("viewer")).json() == {"questions": []}


def test_viewers_and_cluster_managers_cannot_post_and_bad_input_is_a_400(example_db) -> None:
    client = session_client(None)
    for role in ("viewer", "cluster"):
        refused = client.post(
            "/api/v1/questions/", {"text": "x"}, content_type="application/json", **basic(role)
        )
        assert refused.status_code == 403
    bad = client.post("/api/v1/questions/", {"text": "geen vraag"}, content_type="application/json",
                      **basic("analyst"))  # fmt: skip
    assert bad.status_code == 400 and json.loads(bad.content)["parameter"] == "text"
    assert client.get("/api/v1/questions/2018-2019/999/", **basic("viewer")).status_code == 404
    assert client.get("/api/v1/questions/?status=lost", **basic("viewer")).status_code == 400
    assert client.get("/api/v1/questions/").status_code == 401


def test_schema_documents_the_question_calls(example_db) -> None:
    schema = session_client(None).get("/api/v1/schema/", **basic("viewer")).json()
    assert "/api/v1/questions/" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/questions/"]
    assert "/api/v1/questions/{session}/{number}/" in schema["paths"]


def test_a_questions_answer_and_once_approved_its_frozen_answer(example_db) -> None:
    from datetime import date

    from clustermonitor.questions.draft import question_answer
    from clustermonitor.questions.models import WrittenQuestion
    from clustermonitor.questions.services import question_add, question_approve
    from clustermonitor.reports.answer.render import render_md

    question_add(SEED.read_text(encoding="utf-8"), actor="test", replace=True)
    client, url = session_client(None), "/api/v1/questions/2018-2019/228/answer/"
    drafted = client.get(url, {"lang": "en"}, **basic("cluster")).json()
    assert [s["number"] for s in drafted["sections"]][:4] == ["1a", "1b", "2", "2a"]
    assert (
        "definitive figures"
        in client.get(url, {"format": "md", "lang": "en"}, **basic("viewer")).content.decode()
    )
    stored = WrittenQuestion.objects.get(number=228)
    question_approve(stored, as_of=date(2019, 2, 20), actor="test")  # 2018 still open then
    frozen = client.get(url, {"format": "md", "lang": "en", "as_of": "2020-01-01"}, **basic("viewer"))
    assert frozen.status_code == 200 and frozen["Content-Type"].startswith("text/markdown")
    assert "provisional figures" in frozen.content.decode()  # as frozen, whatever as_of asks
    assert frozen.content.decode() == render_md(question_answer(stored, lang="en"))
    assert client.get(url, {"format": "pdf"}, **basic("viewer")).status_code == 400
    assert client.get(url, {"colour": "red"}, **basic("viewer")).status_code == 400
    assert client.get("/api/v1/questions/2018-2019/999/answer/", **basic("viewer")).status_code == 404
    schema = client.get("/api/v1/schema/", **basic("viewer")).json()
    assert "/api/v1/questions/{session}/{number}/answer/" in schema["paths"]
