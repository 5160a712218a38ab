"""No dead ends: the 403, 404 and 500 pages in the site's layout, with navigation, in
the page's language (the 500 page without the database); a year without a budget says
so; pact-resources has no year picker."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from clustermonitor.budget.models import Budget
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.web.errors import server_error


@pytest.mark.django_db
def test_403_in_the_layout_with_navigation_in_the_pages_language(clients: dict[str | None, Client]) -> None:
    nl = clients["cluster"].get("/users/")
    en = clients["cluster"].get("/users/?lang=en")

    assert nl.status_code == en.status_code == 403
    assert 'href="/projects/"' in nl.content.decode()  # the site's navigation
    assert "U mag deze pagina niet openen" in nl.content.decode()
    assert "You may not open this page" in en.content.decode()
    assert '<html lang="en">' in en.content.decode()


@pytest.mark.django_db
def test_404_in_the_layout_with_navigation_in_the_pages_language(clients: dict[str | None, Client]) -> None:
    nl = clients["viewer"].get("/projects/NO-SUCH-REF/")
    en = clients["viewer"].get("/no/such/page/?lang=en")

    assert nl.status_code == en.status_code == 404
    assert "Deze pagina bestaat niet" in nl.content.decode()
    assert "This page does not exist" in en.content.decode()
    assert 'href="/ledger/"' in en.content.decode()


@pytest.mark.django_db
def test_400_for_a_wrong_sort_is_in_the_layout(clients: dict[str | None, Client]) -> None:
    response = clients["viewer"].get("/projects/?sort=secret&lang=en")

    assert response.status_code == 400
    assert "This request cannot be answered" in response.content.decode()
    assert 'href="/projects/"' in response.content.decode()


def test_500_page_needs_no_database() -> None:
    """No django_db mark: any query here would fail the test."""
    request = RequestFactory().get("/")
    with translation.override("en"):
        en = server_error(request).content.decode()
    with translation.override("nl"):
        nl = server_error(request).content.decode()

    assert "Something went wrong" in en and '<html lang="en">' in en
    assert "Er ging iets mis" in nl
    assert 'href="/reports/budget-overview/"' in nl  # navigation, without a role


@pytest.mark.django_db
def test_a_year_without_a_budget_says_so(clients: dict[str | None, Client]) -> None:
    BudgetYear.objects.create(year=2019, status="open")
    assert not Budget.objects.filter(year=2019).exists()

    dashboard = clients["viewer"].get("/years/2019/").content.decode()
    report = clients["viewer"].get("/reports/budget-overview/?year=2019&lang=en").content.decode()
    with_budget = clients["viewer"].get("/years/2018/").content.decode()

    assert 'id="no-budget"' in dashboard and "Geen begroting vastgelegd voor 2019" in dashboard
    assert "budget-table-0" not in dashboard  # no dashboard of zeros
    assert "No budget has been set for 2019" in report
    assert 'id="no-budget"' not in with_budget


@pytest.mark.django_db
def test_pact_resources_has_no_year_picker(clients: dict[str | None, Client]) -> None:
    pact = clients["viewer"].get("/reports/pact-resources/").content.decode()
    yearly = clients["viewer"].get("/reports/budget-overview/?year=2018").content.decode()

    assert 'name="year"' not in pact and 'name="as_of"' in pact
    assert 'name="year"' in yearly
