"""The ledger's balance rules, replayed in date order (domain.ledger).

Scenario world: budget 1000.00 on spearhead_projects 2019 and 2020, 600.00 on
spearhead_operation 2020, an operation cap of 400.00, project P1 granted 500.00.
Each breach names the entry, the rule and the exact message.
"""

import itertools
from datetime import date
from decimal import Decimal

import pytest

from clustermonitor.domain.ledger import Breach, Entry, LedgerState, Limits, Tally, sort_for_replay

BUDGETS = {
    (2019, "spearhead_projects"): Decimal("1000.00"),
    (2020, "spearhead_projects"): Decimal("1000.00"),
    (2020, "spearhead_operation"): Decimal("600.00"),
}
CAPS = {"spearhead_operation": Decimal("400.00"), "ibn": Decimal("150.00")}
GRANTED = {"P1": Decimal("500.00"), "P2": Decimal("800.00")}

JAN, FEB, MAR, APR = (date(2020, month, 1) for month in (1, 2, 3, 4))


def limits() -> Limits:
    return Limits(
        budget=lambda year, envelope: BUDGETS.get((year, envelope), Decimal("0.00")),
        cap=lambda envelope: CAPS[envelope],
        granted=lambda ref: GRANTED[ref],
    )


def project(ref: str, day: date, kind: str, amount: str, project: str = "P1") -> Entry:
    """An entry of VIL's project (P1 unless told) booked on 2020."""
    return Entry(ref, day, 2020, kind, "spearhead_projects", "VIL", project, Decimal(amount))


def operation(ref: str, day: date, kind: str, amount: str, cluster: str = "VIL") -> Entry:
    """An entry of a cluster's (VIL unless told) spearhead operation booked on 2020."""
    return Entry(ref, day, 2020, kind, "spearhead_operation", cluster, None, Decimal(amount))


def replay(*entries: Entry) -> list[tuple[str, str, str]]:
    """(entry ref, rule, message) of every breach, entries numbered in input order."""
    numbered = [
        Entry(e.ref, e.date, e.year, e.kind, e.envelope, e.cluster, e.project, e.amount, line)
        for line, e in enumerate(entries, start=2)
    ]
    breaches: list[Breach] = list(LedgerState(limits()).replay(sort_for_replay(numbered)))
    return [(b.entry.ref, b.rule, b.message) for b in breaches]


def test_a_ledger_within_every_balance_replays_clean() -> None:
    assert (
        replay(
            project("E1", JAN, "commitment", "500.00"),
            project("E2", FEB, "payment", "200.00"),
            project("E3", MAR, "decommitment", "100.00"),
            project("E4", MAR, "payment", "200.00"),
            operation("E5", JAN, "commitment", "400.00"),
            operation("E6", FEB, "commitment", "200.00", cluster="SIM"),
            operation("E7", MAR, "payment", "400.00"),
        )
        == []
    )


# --- every rule broken once ---------------------------------------------------------


def test_budget_names_the_last_entry_of_the_first_breaking_date() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "300.00"),
        project("E2", FEB, "commitment", "300.00", project="P2"),
        project("E3", FEB, "commitment", "100.00"),  # 700 on P1 and P2
        project("E4", MAR, "commitment", "300.00", project="P2"),  # 1000: the budget itself
        project("E5", APR, "commitment", "150.00", project="P2"),  # 1150: breaks
        project("E6", APR, "commitment", "50.00"),  # the last entering the budget on APR
        operation("E7", APR, "commitment", "10.00"),  # another envelope
    )

    assert breaches == [
        ("E6", "budget", "net commitments on spearhead_projects 2020 (1200.00) exceed its budget (1000.00)")
    ]


def test_cap_is_per_cluster_operation_and_year() -> None:
    breaches = replay(
        operation("E1", JAN, "commitment", "300.00"),
        operation("E2", JAN, "commitment", "200.00", cluster="SIM"),  # budget 500 of 600
        operation("E3", FEB, "commitment", "100.00"),  # VIL at 400: the cap itself
        operation("E4", MAR, "commitment", "0.01"),  # VIL at 400.01; budget 600.01
    )

    assert breaches == [
        ("E4", "budget", "net commitments on spearhead_operation 2020 (600.01) exceed its budget (600.00)"),
        (
            "E4",
            "cap",
            "net operation commitments of VIL on spearhead_operation 2020 (400.01) "
            "exceed the yearly cap (400.00)",
        ),
    ]


def test_cap_alone() -> None:
    breaches = replay(
        operation("E1", JAN, "commitment", "450.00"),
    )

    assert breaches == [
        (
            "E1",
            "cap",
            "net operation commitments of VIL on spearhead_operation 2020 (450.00) "
            "exceed the yearly cap (400.00)",
        )
    ]


def test_grant() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "300.00"),
        project("E2", FEB, "commitment", "200.00"),  # 500: the grant itself
        project("E3", MAR, "commitment", "0.01"),
    )

    assert breaches == [
        ("E3", "grant", "net commitments of project P1 (500.01) exceed its granted support (500.00)")
    ]


def test_decommit_per_project_all_years_together() -> None:
    earlier_year = Entry("E1", JAN, 2019, "commitment", "spearhead_projects", "VIL", "P1", Decimal("100.00"))
    breaches = replay(
        earlier_year,
        project("E2", FEB, "decommitment", "100.00"),  # releases the 2019 commitment on 2020
        project("E3", MAR, "decommitment", "0.01"),
    )

    assert breaches == [
        ("E3", "decommit", "decommitments (100.01) exceed commitments (100.00) of project P1")
    ]


def test_decommit_per_cluster_operation() -> None:
    breaches = replay(
        operation("E1", JAN, "commitment", "100.00", cluster="SIM"),
        operation("E2", FEB, "decommitment", "50.00"),  # VIL never committed
    )

    assert breaches == [
        ("E2", "decommit", "decommitments (50.00) exceed commitments (0.00) of VIL on spearhead_operation")
    ]


def test_payment_per_project() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "300.00"),
        project("E2", FEB, "payment", "200.00"),
        project("E3", MAR, "decommitment", "150.00"),  # net 150 < 200 paid: E3 breaks it
    )

    assert breaches == [("E3", "payment", "payments (200.00) exceed net commitments (150.00) of project P1")]


def test_payment_per_cluster_operation() -> None:
    breaches = replay(
        operation("E1", JAN, "commitment", "100.00"),
        operation("E2", FEB, "payment", "100.01"),
    )

    assert breaches == [
        ("E2", "payment", "payments (100.01) exceed net commitments (100.00) of VIL on spearhead_operation")
    ]


# --- how breaches are reported ------------------------------------------------------


def test_each_broken_balance_is_reported_once() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "600.00"),  # grant breaks here
        project("E2", FEB, "commitment", "100.00"),  # grant still broken: not again
        project("E3", MAR, "commitment", "400.00", project="P2"),  # budget breaks here
        project("E4", APR, "commitment", "100.00", project="P2"),  # budget still broken: not again
    )

    assert [(ref, rule) for ref, rule, _ in breaches] == [("E1", "grant"), ("E3", "budget")]


def test_a_payment_breach_is_suppressed_while_the_decommit_rule_is_broken() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "100.00"),
        project("E2", FEB, "decommitment", "150.00"),  # decommit broken; net -50
        project("E3", FEB, "payment", "50.00"),  # paid 50 > net -50: not reported
        project("E4", MAR, "commitment", "60.00"),  # decommit healed; net 10 < paid 50
    )

    assert breaches == [
        ("E2", "decommit", "decommitments (150.00) exceed commitments (100.00) of project P1"),
        ("E4", "payment", "payments (50.00) exceed net commitments (10.00) of project P1"),
    ]


def test_a_balance_only_counts_after_all_entries_of_a_date() -> None:
    # Paid and decommitted before the commitment in input order, all on one date.
    assert (
        replay(
            project("E1", JAN, "payment", "100.00"),
            project("E2", JAN, "decommitment", "50.00"),
            project("E3", JAN, "commitment", "200.00"),
        )
        == []
    )


SAME_DATE = [
    project("E1", FEB, "commitment", "300.00"),
    project("E2", FEB, "payment", "350.00"),
    project("E3", FEB, "decommitment", "50.00"),
    project("E4", FEB, "commitment", "300.00", project="P2"),
    project("E5", FEB, "commitment", "500.00", project="P2"),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(SAME_DATE)))))
def test_the_order_inside_a_date_does_not_matter(order: tuple[int, ...]) -> None:
    entries = [SAME_DATE[i] for i in order]

    breaches = replay(project("E0", JAN, "commitment", "100.00"), *entries)

    # Payments first would break P1's payment rule half way through the date: no matter.
    # Only which entry is named follows the order: the last one entering the budget.
    last_into_budget = [e.ref for e in entries if e.kind != "payment"][-1]
    assert breaches == [
        (
            last_into_budget,
            "budget",
            "net commitments on spearhead_projects 2020 (1150.00) exceed its budget (1000.00)",
        )
    ]


def test_breaches_of_one_date_come_in_input_order() -> None:
    breaches = replay(
        project("E1", JAN, "commitment", "700.00", project="P2"),
        operation("E2", FEB, "commitment", "500.00"),  # cap breaks
        project("E3", FEB, "commitment", "600.00"),  # budget and grant break
    )

    assert [(ref, rule) for ref, rule, _ in breaches] == [("E2", "cap"), ("E3", "budget"), ("E3", "grant")]


def test_seeded_tallies_then_one_entry_is_how_a_booking_is_checked() -> None:
    state = LedgerState(limits())
    state.envelope_year[("spearhead_projects", 2020)] = Tally(committed=Decimal("950.00"))
    state.scopes[("project", "P1")] = Tally(committed=Decimal("450.00"), paid=Decimal("100.00"))

    breaches = list(state.replay([project("NEW", APR, "commitment", "60.00")]))

    assert [(b.entry.ref, b.rule, b.message) for b in breaches] == [
        ("NEW", "budget", "net commitments on spearhead_projects 2020 (1010.00) exceed its budget (1000.00)"),
        ("NEW", "grant", "net commitments of project P1 (510.00) exceed its granted support (500.00)"),
    ]
