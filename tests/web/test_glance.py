"""The dashboard at a glance (issue 14 point 9) and the readers' work (point 14): the
year's headline figures and the commitments month by month come from budget-overview's
own sums; analysts see the applications awaiting a decision, a cluster manager the
decisions on their cluster's applications — and is told of each by e-mail."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail

from clustermonitor.reports.monthly import commitments_by_month
from clustermonitor.reports.registry import report_build
from clustermonitor.web.accounts import user_create
from tests.web.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("as_of", [None, date(2018, 6, 30), date(2019, 1, 31)])
def test_decembers_cumulative_commitments_equal_budget_overviews(world: Any, as_of: date | None) -> None:
    months = commitments_by_month(year=2018, as_of=as_of)
    overview = report_build("budget-overview", year=2018, as_of=as_of)

    assert [m["month"] for m in months] == list(range(1, 13))
    assert months[-1]["cumulative"] == overview["total"]["committed"]
    assert all(isinstance(m["cumulative"], Decimal) for m in months)


def test_commitments_month_by_month_by_hand(world: Any) -> None:
    months = {m["month"]: m for m in commitments_by_month(year=2018)}

    assert months[1]["committed"] == Decimal("500000")  # VIL operation
    assert months[2]["committed"] == Decimal("4650000")  # V1 4 500 000 + NET 150 000
    assert months[3]["committed"] == Decimal("-200000")  # V0 decommitment
    assert months[6]["cumulative"] == Decimal("5900000")
    assert months[12]["cumulative"] == Decimal("6700000.50")


def test_the_dashboard_starts_with_the_headline_figures_then_the_chart_then_the_tables(users: None) -> None:
    html = client_for("viewer").get("/years/2018/").content.decode()

    assert html.index('id="headline"') < html.index('id="months-chart"') < html.index('id="budget-table-0"')
    assert 'id="headline-budget" data-value="11200000.00"' in html
    assert 'id="headline-committed" data-value="6700000.50"' in html
    assert "59,8 % van het budget" in html  # 6 700 000,50 / 11 200 000
    assert html.count('class="committed-point"') == 12
    table = html.split('id="months-table"')[1].split("</table>")[0]
    assert "€ 6.700.000,50" in table and "€ 5.900.000,00" in table


def test_analysts_see_pending_applications_others_do_not(users: None) -> None:
    analyst = client_for("analyst").get("/years/2018/").content.decode()
    viewer = client_for("viewer").get("/years/2018/").content.decode()

    pending = analyst.split('id="pending-table"')[1].split("</table>")[0]
    assert "/projects/V9/decide/" in pending
    assert "/projects/V1/" not in pending  # decided
    assert 'id="pending"' not in viewer


def test_a_cluster_manager_sees_the_decisions_on_their_clusters_applications(users: None) -> None:
    html = client_for("cluster").get("/years/2018/").content.decode()

    decisions = html.split('id="decisions-table"')[1].split("</table>")[0]
    assert "/projects/V2/" in decisions and "/projects/V3/" in decisions
    assert "/projects/S1/" not in decisions  # another cluster's
    assert "/projects/V9/" not in decisions  # not decided
    assert 'id="pending"' not in html


def test_a_decision_is_mailed_to_the_clusters_manager_after_the_commit(
    users: None, django_capture_on_commit_callbacks: Any
) -> None:
    User.objects.filter(username="cluster").update(email="manager@vil.example")
    client = client_for("analyst")

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post("/projects/V9/decide/", {"status": "approved", "decided_on": "2018-01-01"})
    assert refused.status_code == 200 and not mail.outbox  # a refusal tells no one

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post("/projects/V9/decide/", {"status": "rejected", "decided_on": "2019-01-10"})
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["manager@vil.example"]
    assert "V9" in sent.subject and "afgewezen" in sent.subject
    assert "/projects/V9/" in sent.body


def test_the_decision_mail_speaks_each_managers_language_with_a_full_address(
    users: None, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    """The language a manager last chose on the site (`?lang=`), Dutch where not known; the
    link to the project is absolute, on SITE_URL."""
    settings.SITE_URL = "https://clusters.example.be/"
    User.objects.filter(username="cluster").update(email="manager@vil.example")
    manager = client_for("cluster")
    manager.get("/years/2018/?lang=en")  # chooses English on the site
    user_create("second", role="cluster", password=PASSWORD, cluster="VIL", email="second@vil.example")

    with django_capture_on_commit_callbacks(execute=True):
        client_for("analyst").post("/projects/V9/decide/", {"status": "rejected", "decided_on": "2019-01-10"})

    by_recipient = {tuple(m.to): m for m in mail.outbox}
    english, dutch = by_recipient[("manager@vil.example",)], by_recipient[("second@vil.example",)]
    assert "rejected" in english.subject and "afgewezen" in dutch.subject
    assert "https://clusters.example.be/projects/V9/" in english.body
    assert "https://clusters.example.be/projects/V9/" in dutch.body
