"""The placeholder home page shows the budget-overview of the latest year."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_shows_the_latest_years_budget_overview(world, client: Client) -> None:
    page = client.get("/").content.decode()

    assert "Budget overview 2018" in page
    assert "<td>spearhead_projects</td><td>10000000.00</td>" in page


def test_home_without_data(client: Client) -> None:
    assert "No data yet" in client.get("/").content.decode()
