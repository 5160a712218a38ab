"""The dashboard with the production cache of figures: what a form writes shows on the
next page view, and the cached figures keep each user's language and cluster scope."""

import pytest

from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db


def figures_of(response: object) -> str:
    """The cached part of the dashboard: from the budget section to the report links."""
    assert response.status_code == 200, response.status_code  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    return page[page.index("<section>") : page.rindex("</section>")]


def test_a_budget_set_in_the_form_shows_on_the_cached_dashboard(users: None, figures_cache: None) -> None:
    analyst = client_for("analyst")
    assert 'id="no-budget"' in analyst.get("/years/2019/").content.decode()  # 2019: no budget yet

    posted = analyst.post(
        "/budgets/new/", {"year": "2019", "envelope": "ibn", "amount": "250000", "source": "X"}
    )

    assert posted.status_code == 302
    assert "€ 250.000,00" in figures_of(analyst.get("/years/2019/"))


def test_cached_figures_keep_the_language_of_who_asks(users: None, figures_cache: None) -> None:
    viewer = client_for("viewer")

    dutch = figures_of(viewer.get("/years/2018/"))
    english = figures_of(viewer.get("/years/2018/?lang=en"))

    assert "€ 10.000.000,00" in dutch and "€10,000,000.00" not in dutch
    assert "€10,000,000.00" in english


def test_cached_figures_keep_the_cluster_scope_of_who_asks(users: None, figures_cache: None) -> None:
    viewer, manager = client_for("viewer"), client_for("cluster")  # the manager is bound to VIL

    for_viewer = figures_of(viewer.get("/years/2018/"))
    for_manager = figures_of(manager.get("/years/2018/"))

    assert "cluster=SIM" in for_viewer  # drill-down links into another cluster's records
    assert "cluster=SIM" not in for_manager
    assert "cluster=VIL" in for_manager
    assert figures_of(viewer.get("/years/2018/")) == for_viewer
