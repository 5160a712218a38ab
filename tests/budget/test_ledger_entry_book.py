"""Booking ledger entries (`ledger_entry_book`): lock, check, insert — or refuse whole.

World: see `scenario.py` (2020 budgets: operation 1 000 000, projects 1 000 000, ibn
300 000; caps 500 000 / 150 000; VIL's project P1 granted 200 000).
"""

import pytest

from clustermonitor.budget import selectors
from clustermonitor.budget.errors import BookingRefused, WriteRefused
from clustermonitor.budget.models import LedgerEntry
from clustermonitor.domain.ledger import Tally
from tests.factories import (
    BudgetFactory,
    BudgetYearFactory,
    IbnClusterFactory,
    LedgerEntryFactory,
    ParameterFactory,
    ProjectFactory,
    SpearheadClusterFactory,
)

from .scenario import D, World, book, day, refusal

# --- happy paths --------------------------------------------------------------------


def test_a_commitment_is_stored_as_given_with_who_booked_it(world: World) -> None:
    entry = book(
        ref="BL0000001",
        date=day(2020, 5, 4),
        amount=D("120000.00"),
        note="werkingssubsidie",
        actor="an.peeters",
    )

    stored = LedgerEntry.objects.get(ref="BL0000001")
    assert stored.pk == entry.pk
    assert (stored.date, stored.year, stored.kind, stored.envelope) == (
        day(2020, 5, 4),
        2020,
        "commitment",
        "spearhead_operation",
    )
    assert (stored.cluster, stored.project, stored.amount) == (world.vil, None, D("120000.00"))
    assert (stored.note, stored.booked_by) == ("werkingssubsidie", "an.peeters")


def test_a_project_is_committed_paid_and_partly_released(world: World) -> None:
    book(project="P1", amount=D("200000.00"), date=day(2020, 5, 1))  # the whole grant
    book(project="P1", kind="payment", amount=D("150000.00"), date=day(2020, 6, 1))
    book(project="P1", kind="decommitment", amount=D("50000.00"), date=day(2020, 7, 1))  # net = paid

    tally = selectors.scope_tally(cluster=world.vil, envelope="spearhead_projects", project=world.p1)
    assert tally == Tally(committed=D("200000.00"), decommitted=D("50000.00"), paid=D("150000.00"))
    assert selectors.envelope_year_tally(year=2020, envelope="spearhead_projects").net == D("150000.00")


def test_the_last_euro_of_a_budget_may_be_committed(world: World) -> None:
    IbnClusterFactory(code="PRINT3D")
    book(envelope="ibn", cluster="BIOPACK", amount=D("150000.00"))
    book(envelope="ibn", cluster="PRINT3D", amount=D("150000.00"))

    assert selectors.envelope_year_tally(year=2020, envelope="ibn").net == world.ibn.amount


def test_a_decommitment_releases_an_earlier_years_commitment_on_this_year(world: World) -> None:
    LedgerEntryFactory(project=world.p1, year=2019, date=day(2019, 5, 1), amount=D("200000.00"))

    book(project="P1", kind="decommitment", year=2020, amount=D("50000.00"))

    assert selectors.envelope_year_tally(year=2020, envelope="spearhead_projects").net == D("-50000.00")
    assert selectors.envelope_year_tally(year=2019, envelope="spearhead_projects").net == D("200000.00")


def test_an_ibn_grant_may_be_released_after_its_pact_even_on_a_year_without_budget(world: World) -> None:
    LedgerEntryFactory(cluster=world.biopack, envelope="ibn", amount=D("100000.00"))

    book(cluster="BIOPACK", envelope="ibn", kind="decommitment", year=2021, amount=D("20000.00"))

    assert selectors.scope_tally(cluster=world.biopack, envelope="ibn", project=None).net == D("80000.00")


def test_a_back_dated_entry_is_fine_when_every_later_balance_still_holds(world: World) -> None:
    book(amount=D("300000.00"), date=day(2020, 6, 1))

    book(amount=D("200000.00"), date=day(2020, 2, 1))  # cap reached, not exceeded

    assert selectors.operation_year_tally(
        cluster=world.vil, envelope="spearhead_operation", year=2020
    ).net == D("500000.00")


# --- balance rules ------------------------------------------------------------------


def test_budget_refused_by_one_cent(world: World) -> None:
    p9 = ProjectFactory(
        ref="P9", cluster=world.vil, granted_support=D("900000.00"), total_cost=D("900000.00")
    )
    LedgerEntryFactory(project=p9, amount=D("900000.00"))
    book(project="P1", amount=D("100000.00"))  # exactly the budget

    assert refusal(project="P1", amount=D("0.01")) == [
        ("amount", "net commitments on spearhead_projects 2020 (1000000.01) exceed its budget (1000000.00)")
    ]


def test_cap_refused(world: World) -> None:
    book(amount=D("500000.00"))

    assert refusal(amount=D("0.01")) == [
        (
            "amount",
            "net operation commitments of VIL on spearhead_operation 2020 (500000.01) "
            "exceed the yearly cap (500000.00)",
        )
    ]


def test_the_cap_is_a_stored_parameter_when_there_is_one(world: World) -> None:
    ParameterFactory(key="ibn_operation_cap", value=D("100000.000000"))

    assert refusal(cluster="BIOPACK", envelope="ibn", amount=D("100000.01")) == [
        (
            "amount",
            "net operation commitments of BIOPACK on ibn 2020 (100000.01) exceed the yearly cap (100000.00)",
        )
    ]


def test_grant_refused(world: World) -> None:
    assert refusal(project="P1", amount=D("200000.01")) == [
        ("amount", "net commitments of project P1 (200000.01) exceed its granted support (200000.00)")
    ]


def test_decommitting_more_than_was_committed_is_refused(world: World) -> None:
    book(amount=D("100.00"))

    assert refusal(kind="decommitment", amount=D("100.01")) == [
        ("amount", "decommitments (100.01) exceed commitments (100.00) of VIL on spearhead_operation")
    ]


def test_paying_more_than_net_commitments_is_refused(world: World) -> None:
    book(project="P1", amount=D("100000.00"))

    assert refusal(project="P1", kind="payment", amount=D("100000.01")) == [
        ("amount", "payments (100000.01) exceed net commitments (100000.00) of project P1")
    ]


def test_a_payment_dated_before_its_commitment_is_refused(world: World) -> None:
    book(project="P1", amount=D("100000.00"), date=day(2020, 6, 1))

    assert refusal(project="P1", kind="payment", amount=D("10.00"), date=day(2020, 5, 31)) == [
        ("amount", "payments (10.00) exceed net commitments (0.00) of project P1")
    ]


def test_a_back_dated_commitment_is_judged_on_its_own_date(world: World) -> None:
    book(amount=D("500000.00"), date=day(2020, 3, 1))
    book(kind="decommitment", amount=D("100000.00"), date=day(2020, 6, 1))  # net 400 000 today

    # On 2020-04-01 the decommitment had not happened yet: 600 000 > the cap.
    assert refusal(amount=D("100000.00"), date=day(2020, 4, 1)) == [
        (
            "amount",
            "net operation commitments of VIL on spearhead_operation 2020 (600000.00) "
            "exceed the yearly cap (500000.00)",
        )
    ]
    book(amount=D("100000.00"), date=day(2020, 6, 1))  # on the decommitment's date it fits


def test_a_back_dated_decommitment_may_break_a_later_balance(world: World) -> None:
    book(project="P1", amount=D("200000.00"), date=day(2020, 3, 1))
    payment = book(project="P1", kind="payment", amount=D("200000.00"), date=day(2020, 6, 1))

    assert refusal(project="P1", kind="decommitment", amount=D("50000.00"), date=day(2020, 4, 1)) == [
        (
            "amount",
            f"dated 2020-04-01, it breaks a balance at a later date: on 2020-06-01 (entry {payment.ref}) "
            "payments (200000.00) exceed net commitments (150000.00) of project P1",
        )
    ]


def test_a_commitment_needs_a_budget_row(world: World) -> None:
    assert refusal(year=2021, date=day(2021, 2, 1)) == [
        ("amount", "no budget is set for spearhead_operation 2021: a commitment needs one (budget 0.00)")
    ]


def test_a_zero_budget_row_refuses_any_commitment(world: World) -> None:
    BudgetFactory(year=2021, envelope="spearhead_operation", amount=D("0.00"))

    assert refusal(year=2021, amount=D("0.01")) == [
        ("amount", "net commitments on spearhead_operation 2021 (0.01) exceed its budget (0.00)")
    ]


def test_several_balances_broken_at_once_are_all_reported(world: World) -> None:
    world.ibn.amount = D("100000.00")
    world.ibn.save()

    assert refusal(cluster="BIOPACK", envelope="ibn", amount=D("160000.00")) == [
        ("amount", "net commitments on ibn 2020 (160000.00) exceed its budget (100000.00)"),
        (
            "amount",
            "net operation commitments of BIOPACK on ibn 2020 (160000.00) exceed the yearly cap (150000.00)",
        ),
    ]


# --- closed years, refs -------------------------------------------------------------


def test_nothing_is_booked_on_a_closed_year(world: World) -> None:
    BudgetYearFactory(year=2019, closed=True)  # closed on 2020-03-01
    BudgetFactory(year=2019, envelope="spearhead_operation")

    for kind in ("commitment", "decommitment", "payment"):
        assert refusal(kind=kind, year=2019, date=day(2020, 2, 1)) == [
            (
                "year",
                "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change",
            )
        ]


def test_an_open_budget_year_row_is_open(world: World) -> None:
    BudgetYearFactory(year=2020)

    entry = book()

    assert LedgerEntry.objects.filter(pk=entry.pk, year=2020).exists()


def test_a_ref_is_booked_once(world: World) -> None:
    book(ref="BL0000001")

    assert refusal(ref="BL0000001", amount=D("1.00")) == [
        (
            "ref",
            "ledger entry BL0000001 already exists; a stored entry never changes: "
            "book a correction under a new ref",
        )
    ]


@pytest.mark.parametrize("ref", ["", "BL 1", "BL/1", "é", "X" * 41])
def test_a_ref_is_a_code(world: World, ref: str) -> None:
    assert refusal(ref=ref) == [("ref", "must be 1–40 letters, digits, '_', '.' or '-'")]


# --- row rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"kind": "refund"}, ("kind", "unknown kind refund: one of commitment, decommitment, payment")),
        (
            {"envelope": "regional"},
            ("envelope", "unknown envelope regional: one of spearhead_operation, spearhead_projects, ibn"),
        ),
        ({"cluster": "NOPE"}, ("cluster", "unknown cluster NOPE")),
        ({"amount": D("0.00")}, ("amount", "must be greater than 0")),
        ({"amount": D("-5.00")}, ("amount", "must be greater than 0")),
        ({"amount": D("10.005")}, ("amount", "euros with at most two decimals")),
        ({"amount": D("10000000000000.00")}, ("amount", "at most 9999999999999.99")),
        ({"amount": D("1E+30")}, ("amount", "at most 9999999999999.99")),
        ({"amount": D("NaN")}, ("amount", "euros with at most two decimals")),
        ({"year": 20}, ("year", "20 is not a four-digit year")),
        (
            {"envelope": "ibn"},
            (
                "envelope",
                "ibn does not fit spearhead cluster VIL (spearhead_operation or spearhead_projects)",
            ),
        ),
        (
            {"cluster": "BIOPACK", "envelope": "spearhead_operation"},
            ("envelope", "spearhead_operation does not fit ibn cluster BIOPACK (ibn)"),
        ),
        (
            {"year": 2026, "date": day(2026, 1, 5)},
            (
                "year",
                "a commitment must lie within the pact: 2026 is outside the pact years of VIL (2016–2025)",
            ),
        ),
        ({"envelope": "spearhead_projects"}, ("project", "required on envelope spearhead_projects")),
        (
            {"envelope": "spearhead_operation", "project": "P1"},
            ("project", "not allowed on envelope spearhead_operation"),
        ),
        ({"project": "P404"}, ("project", "unknown project P404")),
    ],
)
def test_row_rules(world: World, overrides: dict[str, object], problem: tuple[str, str]) -> None:
    assert refusal(**overrides) == [problem]


def test_only_an_approved_earmarked_project_of_the_cluster_takes_entries(world: World) -> None:
    ProjectFactory(ref="P2", cluster=world.vil, status="submitted", decided_on=None, granted_support=None)
    ProjectFactory(ref="P3", cluster=world.vil, channel="other", instrument="EFRO")
    ProjectFactory(ref="P4", cluster=SpearheadClusterFactory(code="SIM"))

    assert refusal(project="P2") == [("project", "P2 is not an approved earmarked project")]
    assert refusal(project="P3") == [("project", "P3 is not an approved earmarked project")]
    assert refusal(project="P4") == [("project", "P4 belongs to cluster SIM, not VIL")]


def test_every_problem_of_a_booking_is_reported_at_once(world: World) -> None:
    BudgetYearFactory(year=2019, closed=True)
    book(ref="BL0000001")

    problems = refusal(ref="BL0000001", year=2019, kind="refund", amount=D("1.005"))

    assert problems == [
        ("amount", "euros with at most two decimals"),
        ("kind", "unknown kind refund: one of commitment, decommitment, payment"),
        (
            "ref",
            "ledger entry BL0000001 already exists; a stored entry never changes: "
            "book a correction under a new ref",
        ),
        (
            "year",
            "2019 is closed (on 2020-03-01): its figures are definitive; nothing of it may change",
        ),
    ]


def test_a_refusal_reads_as_column_and_message(world: World) -> None:
    with pytest.raises(WriteRefused) as refused:
        book(amount=D("500000.01"))

    assert isinstance(refused.value, BookingRefused)
    assert str(refused.value) == (
        "amount: net operation commitments of VIL on spearhead_operation 2020 (500000.01) "
        "exceed the yearly cap (500000.00)"
    )


def test_a_booking_needs_an_actor(world: World) -> None:
    with pytest.raises(ValueError, match="actor"):
        book(actor=" ")
    assert not LedgerEntry.objects.exists()
