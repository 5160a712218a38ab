"""Pages read with a fixed number of queries, whatever the data's size (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.web.conftest import client_for, make_users

pytestmark = pytest.mark.django_db

PAGES = [
    "/years/2019/",
    "/reports/cluster-overview/?year=2019",
    "/reports/pact-resources/",
    "/ledger/?year=2019",
    "/projects/?year=2019",
    "/history/",
    "/clusters/BLUE/",
    "/drill/ledger/?year=2019&measure=committed",
    "/drill/projects/?year=2019&measure=approved&channel=earmarked&column=approved_support",
]


@pytest.mark.parametrize("url", PAGES)
def test_demo_pages_use_few_queries(demo_db: object, url: str) -> None:
    make_users("BLUE")
    client = client_for("admin")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200

    assert len(queries) <= 40, [q["sql"][:120] for q in queries.captured_queries]
