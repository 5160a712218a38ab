"""Data entry on the web: clusters created and changed, lists to choose from (a cluster
manager's hold their cluster only), the booking form's live position, and refusals in the
page's language — Dutch by default, the services' English with ?lang=en."""

import pytest

from clustermonitor.budget.models import LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.models import BudgetYear
from tests.web.conftest import client_for

pytestmark = pytest.mark.django_db

OVERSPENDING = {
    "ref": "L-NEW",
    "date": "2018-10-01",
    "year": "2018",
    "kind": "commitment",
    "envelope": "spearhead_projects",
    "cluster": "VIL",
    "project": "V2",
    "amount": "100000.00",
}
CLUSTER = {
    "code": "BIO",
    "name": "Biotech",
    "type": "spearhead",
    "domain": "life sciences",
    "recognised_on": "2019-01-15",
    "pact_start_year": "2019",
    "pact_end_year": "2028",
}


def page(response: object) -> str:
    assert response.status_code == 200, response.status_code  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def error(html: str, field: str) -> str:
    return html.split(f'id="error-{field}">')[1].split("</span>")[0]


def test_a_refused_booking_is_explained_in_dutch(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)

    html = page(client_for("analyst").post("/ledger/book/", OVERSPENDING))

    assert error(html, "amount") == (
        "de netto vastleggingen van project V2 (€ 900.000,50) overschrijden de toegekende steun (€ 800.000,50)"
    )
    assert not LedgerEntry.objects.filter(ref="L-NEW").exists()


def test_a_refused_booking_is_explained_in_english_with_lang_en(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)

    html = page(client_for("analyst").post("/ledger/book/?lang=en", OVERSPENDING))

    assert error(html, "amount") == (
        "net commitments of project V2 (€900,000.50) exceed its granted support (€800,000.50)"
    )


def test_nested_messages_are_translated_too(users: None) -> None:
    html = page(
        client_for("analyst").post(
            "/allocations/new/", {"year": "2027", "cluster": "NET", "envelope": "ibn", "amount": "1.00"}
        )
    )

    # the cluster by its name (issue 14.2)
    assert "2027 valt buiten de pactjaren van Network (2018–2020)" in error(html, "year")


def test_an_analyst_creates_a_cluster_then_changes_it(users: None) -> None:
    client = client_for("analyst")
    response = client.post("/clusters/new/", CLUSTER)

    assert response.status_code == 302
    assert response["Location"] == "/clusters/BIO/"
    form = page(client.get("/clusters/BIO/edit/"))
    assert 'value="Biotech"' in form
    assert 'name="code"' not in form  # the key never changes

    response = client.post("/clusters/BIO/edit/", {**CLUSTER, "name": "Flanders Biotech"})

    assert response.status_code == 302
    assert Cluster.objects.get(code="BIO").name == "Flanders Biotech"
    history = Cluster.history.filter(code="BIO").order_by("history_date")  # type: ignore[attr-defined]
    assert [(h.history_user.username, h.history_change_reason) for h in history] == [
        ("analyst", "created by analyst"),
        ("analyst", "changed by analyst"),
    ]


def test_cluster_errors_are_shown_beside_their_fields(users: None) -> None:
    client = client_for("admin")
    html = page(client.post("/clusters/new/", {**CLUSTER, "code": "VIL", "pact_end_year": "2018"}))

    assert error(html, "code") == "cluster VIL bestaat al"
    assert error(html, "pact_end_year") == "2018 ligt vóór het eerste pactjaar 2019"

    # VIL has a 2018 allocation (a closed year): its pact may not start after it
    html = page(client.post("/clusters/VIL/edit/", {**CLUSTER, "pact_start_year": "2019"}))
    assert "2018 valt buiten de pactjaren van Logistics (2019–2028)" in error(html, "pact_start_year")
    assert Cluster.objects.get(code="VIL").pact_start_year == 2017


def test_forms_offer_lists_from_the_database(users: None) -> None:
    booking = page(client_for("analyst").get("/ledger/book/"))
    assert '<select name="cluster"' in booking
    assert '<option value="SIM">SIM — Materials</option>' in booking
    years = booking.split('<select name="year"')[1].split("</select>")[0]
    assert '<option value="2019">' in years
    assert '<option value="2018">' not in years  # closed: nothing may be entered on it

    application = page(client_for("cluster").get("/projects/new/"))
    clusters = application.split('<select name="cluster"')[1].split("</select>")[0]
    assert "VIL" in clusters
    assert "SIM" not in clusters
    assert '<select name="type"' in application


def test_the_booking_form_shows_the_position_while_typing(users: None) -> None:
    partial = page(
        client_for("analyst").get(
            "/ledger/book/?year=2018&envelope=spearhead_projects&cluster=VIL&project=V2",
            headers={"HX-Request": "true"},
        )
    )

    assert "<html" not in partial
    # budget 10 000 000 − net commitments 4 500 000 + 800 000.50 + 1 000 000 − 200 000 − 50 000
    assert "beschikbaar € 3.949.999,50" in partial
    assert "nog vast te leggen € 0,00" in partial  # V2: granted 800 000.50, committed 800 000.50
