"""Safe entry (issue 14 point 7) and the one form flow (issue 10 point 6): a replaced
amount, more support than requested and closing a year are confirmed first; amounts are
typed with thousand separators the page's way; a form opened with a year and an envelope
shows its position at once; the entry views share one flow and build no URL by hand."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.kernel.fields import MONEY
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project
from clustermonitor.web.amounts import AmountField, parse_amount
from clustermonitor.web.templatetags.web import money
from tests.web.conftest import client_for

WEB = Path(__file__).resolve().parents[2] / "src/clustermonitor/web"
REPLACE = {"year": "2018", "cluster": "VIL", "envelope": "spearhead_projects", "amount": "5.000.000,00"}


def digest_of(html: str) -> str:
    return html.split('name="confirmed" value="')[1].split('"')[0]


@pytest.mark.parametrize(
    ("text", "dutch", "expected"),
    [
        ("3.100.000,00", True, "3100000.00"),
        ("3100000,5", True, "3100000.5"),
        ("3.100", True, "3100"),
        ("3100000.00", True, "3100000.00"),  # as machines write it
        ("€ 1.234,56", True, "1234.56"),
        ("-1.000,00", True, "-1000.00"),
        ("3,100,000.00", False, "3100000.00"),
        ("3100000.00", False, "3100000.00"),
        ("0.10", False, "0.10"),
    ],
)
def test_amounts_are_parsed_exactly_the_pages_way(text: str, dutch: bool, expected: str) -> None:
    parsed = parse_amount(text, dutch=dutch)

    assert isinstance(parsed, Decimal)
    assert parsed == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("3.10.000", True),
        ("1,2,3", True),
        ("3,100,000.00", True),
        ("100,50", False),
        ("abc", False),
        ("", True),
    ],
)
def test_ambiguous_or_wrong_amounts_are_refused(text: str, dutch: bool) -> None:
    with pytest.raises(ValueError):
        parse_amount(text, dutch=dutch)


@pytest.mark.django_db
def test_an_amount_field_takes_what_the_money_column_stores() -> None:
    field = AmountField()
    stored = Budget._meta.get_field("amount")

    assert (field.max_digits, field.decimal_places) == (MONEY["max_digits"], MONEY["decimal_places"])
    assert (stored.max_digits, stored.decimal_places) == (field.max_digits, field.decimal_places)  # type: ignore[union-attr]


def test_an_amount_with_separators_is_saved_exactly_and_a_wrong_one_is_a_form_error(users: None) -> None:
    client = client_for("analyst")
    response = client.post(
        "/budgets/new/", {"year": "2019", "envelope": "ibn", "amount": "3.100.000,01", "source": "x"}
    )
    assert response.status_code == 302
    assert Budget.objects.get(year=2019, envelope="ibn").amount == Decimal("3100000.01")

    english = client_for("analyst").post(
        "/budgets/new/?lang=en", {"year": "2019", "envelope": "ibn", "amount": "3,100,000.01", "source": "x"}
    )
    assert english.status_code == 302  # the same amount: nothing to confirm

    wrong = client.post(
        "/budgets/new/", {"year": "2019", "envelope": "ibn", "amount": "3,1,0", "source": "x"}
    )
    assert wrong.status_code == 200
    assert "Geef een bedrag, bv. 3.100.000,00." in wrong.content.decode()


@pytest.mark.django_db
def test_replacing_an_allocation_shows_old_and_new_and_asks_to_confirm(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)
    client = client_for("analyst")

    asked = client.post("/allocations/new/", REPLACE).content.decode()

    assert "€ 4.000.000,00" in asked and "€ 5.000.000,00" in asked
    assert 'id="confirm"' in asked
    stored = Allocation.objects.get(year=2018, cluster__code="VIL", envelope="spearhead_projects")
    assert stored.amount == Decimal("4000000")  # nothing written yet

    changed = client.post(
        "/allocations/new/", {**REPLACE, "amount": "6.000.000,00", "confirmed": digest_of(asked)}
    )
    assert changed.status_code == 200  # another amount than the one confirmed: asked again
    assert "€ 6.000.000,00" in changed.content.decode()

    saved = client.post("/allocations/new/", {**REPLACE, "confirmed": digest_of(asked)})
    assert saved.status_code == 302
    stored.refresh_from_db()
    assert stored.amount == Decimal("5000000.00")


@pytest.mark.django_db
def test_a_refusal_is_shown_before_any_question(users: None) -> None:
    BudgetYear.objects.filter(year=2018).update(status="open", closed_on=None)

    html = (
        client_for("analyst")
        .post("/allocations/new/", {**REPLACE, "amount": "9.000.000,00"})
        .content.decode()
    )

    assert 'id="confirm"' not in html
    assert 'id="error-amount"' in html


@pytest.mark.django_db
def test_approving_more_than_requested_warns_first(users: None) -> None:
    client = client_for("analyst")
    project = Project.objects.filter(status="submitted").first()
    assert project is not None
    more = project.requested_support + 1
    data = {"status": "approved", "decided_on": "2019-12-01", "granted_support": str(more)}

    form = client.get(f"/projects/{project.ref}/decide/").content.decode()
    assert "steun gevraagd" in form.split('id="form-note">')[1]  # the request beside the decision
    asked = client.post(f"/projects/{project.ref}/decide/", data).content.decode()

    assert 'id="confirm"' in asked, asked
    project.refresh_from_db()
    assert project.status == "submitted"
    done = client.post(f"/projects/{project.ref}/decide/", {**data, "confirmed": digest_of(asked)})
    assert done.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.granted_support) == ("approved", more)


@pytest.mark.django_db
def test_a_form_opened_with_a_year_and_an_envelope_shows_the_position_at_once(users: None) -> None:
    client: Client = client_for("analyst")

    booking = client.get("/ledger/book/?year=2018&envelope=spearhead_projects&cluster=VIL").content.decode()
    allocation = client.get(
        "/allocations/new/?year=2018&envelope=spearhead_projects&cluster=VIL"
    ).content.decode()

    assert "<html" in booking and 'id="position-available"' in booking
    assert "<html" in allocation and "€ 7.000.000,00" in allocation
    assert 'id="current-allocation"' in allocation and "€ 4.000.000,00" in allocation


@pytest.mark.django_db
def test_the_budget_form_shows_the_envelopes_position_at_once_and_live(users: None) -> None:
    """Budget, allocated to clusters and remaining, on load and (HTMX) when the year or the
    envelope changes; a year without a budget says so."""
    client: Client = client_for("analyst")
    budget = Budget.objects.get(year=2018, envelope="spearhead_projects").amount
    allocated = sum(a.amount for a in Allocation.objects.filter(year=2018, envelope="spearhead_projects"))

    page = client.get("/budgets/new/?year=2018&envelope=spearhead_projects").content.decode()
    live = client.get(
        "/budgets/new/?year=2018&envelope=spearhead_projects", headers={"HX-Request": "true"}
    ).content.decode()
    empty = client.get(
        "/budgets/new/?year=2031&envelope=ibn", headers={"HX-Request": "true"}
    ).content.decode()

    assert 'hx-get="/budgets/new/"' in page and 'id="budget-position"' in page
    assert "<html" not in live
    for html in (page, live):
        assert f'<span id="budget-now" class="nowrap">{money(budget)}</span>' in html
        assert f'<span id="budget-allocated" class="nowrap">{money(allocated)}</span>' in html
        assert f'<span id="budget-remaining" class="nowrap">{money(budget - allocated)}</span>' in html
    assert "Nog geen budget" in empty and 'id="budget-remaining"' not in empty


def test_the_entry_views_share_one_flow_and_build_no_url_by_hand() -> None:
    entry = (WEB / "entry.py").read_text()

    assert entry.count("form_flow(") >= 9  # every entry page
    assert "WriteRefused" not in entry and "redirect(" not in entry and "messages." not in entry
    for module in WEB.glob("*.py"):
        hand_made = re.findall(
            r"""f?["'](/(?:years|clusters|projects|ledger|history|drill|kpis)/)""", module.read_text()
        )
        assert not hand_made, (module.name, hand_made)
