"""Malformed years and dates on the web pages are a 400 naming the value (a 404 in the
path), never a 500: the same parser and message as the API and the CLI."""

import pytest
from django.utils.html import escape

from tests.web.conftest import client_for

BAD_YEARS = ["²⁰¹⁸", "0", "0999", "10000", "18", "99999999999999999999", "2018.0"]
BAD_DATES = ["2018-02-30", "30/06/2018", "２０１８-06-30"]
YEAR_PAGES = [
    "/",
    "/years/2018/",
    "/reports/budget-overview/",
    "/reports/kpi-status/",
    "/ledger/",
    "/projects/",
]
AS_OF_PAGES = ["/", "/years/2018/", "/reports/budget-overview/", "/clusters/VIL/", "/drill/ledger/"]


@pytest.mark.django_db
def test_a_malformed_year_is_a_400_naming_it(users: None) -> None:
    client = client_for("analyst")
    for page in YEAR_PAGES:
        for year in BAD_YEARS:
            response = client.get(page, {"year": year, "lang": "en"})

            assert response.status_code == 400, (page, year)
            assert escape(f"{year!r} is not a four-digit year") in response.content.decode(), (page, year)


@pytest.mark.django_db
def test_a_malformed_as_of_is_a_400_naming_it(users: None) -> None:
    client = client_for("analyst")
    for page in AS_OF_PAGES:
        for as_of in BAD_DATES:
            response = client.get(page, {"as_of": as_of, "lang": "nl", "year": "2018"})

            assert response.status_code == 400, (page, as_of)
            assert escape(f"{as_of!r} is geen datum JJJJ-MM-DD") in response.content.decode(), (page, as_of)


@pytest.mark.django_db
def test_a_year_in_the_path_that_is_not_one_is_a_404(users: None) -> None:
    client = client_for("admin")
    for path in ["/years/99999999999999999999/", "/years/0/", "/years/²⁰¹⁸/", "/years/10000/close/"]:
        assert client.get(path).status_code == 404, path
