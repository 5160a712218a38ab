"""The demo's written questions: 89 reconstructed and frozen as of 5 December 2018, 228
being drafted, its page showing 89's figures then against now."""

import json

import pytest

from clustermonitor.questions.demo import demo_questions
from tests.demo.conftest import demo_dataset, demo_db, demo_dir  # noqa: F401
from tests.questions.conftest import question, shown

pytestmark = pytest.mark.django_db


def test_demo_holds_89_frozen_and_228_drafting(demo_db) -> None:  # noqa: F811
    demo_questions()
    earlier, later = shown(89), shown(228)

    assert earlier["status"] == "approved" and earlier["snapshot"]["as_of"] == "2018-12-05"
    assert earlier["refers_to"] == []
    assert later["status"] == "drafting" and later["refers_to"] == [{"number": 89, "date": "2018-12-05"}]
    changed = json.loads(question("diff", "89"))["changed"]
    assert {"report": "budget-overview", "year": 2018, "cluster": None, "row": None, "measure": "figures",
            "then": "provisional", "now": "definitive"} in changed  # fmt: skip
    assert "Reconstructie" in question("draft", "89")
    demo_questions()  # a second demo run replaces them
    assert shown(89)["status"] == "approved"
