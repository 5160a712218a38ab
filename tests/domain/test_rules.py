"""Row rules shared by import, services and `check` (domain.rules): problems as data."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from clustermonitor.domain.rules import (
    ClusterFacts,
    ProjectFacts,
    allocation_problems,
    closed_year_problem,
    ledger_entry_problems,
    project_problems,
)

VIL = ClusterFacts("VIL", "spearhead", 2016, 2025)
NET = ClusterFacts("NET", "ibn", 2018, 2020)


def approved_project(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "cluster": VIL,
        "type_eligible": True,
        "channel": "earmarked",
        "instrument": "HERMES",
        "submitted_on": date(2020, 1, 10),
        "status": "approved",
        "decided_on": date(2020, 3, 1),
        "total_cost": Decimal("400000.00"),
        "granted_support": Decimal("200000.00"),
    }
    return values | changes


def test_a_valid_approved_earmarked_project_has_no_problems() -> None:
    assert project_problems(**approved_project()) == []


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"instrument": "EFRO"}, [("instrument", "an earmarked project needs instrument HERMES")]),
        (
            {"type_eligible": False},
            [("type", "this project type may not be funded from the earmarked budget")],
        ),
        ({"cluster": NET}, [("cluster", "NET is not a spearhead cluster: no earmarked projects")]),
        ({"channel": "other"}, [("instrument", "HERMES is for earmarked projects only")]),
        ({"decided_on": None}, [("decided_on", "required when the status is approved")]),
        (
            {"status": "submitted", "granted_support": None},
            [("decided_on", "not allowed while the status is submitted")],
        ),
        (
            {"decided_on": date(2020, 1, 9)},
            [("decided_on", "2020-01-09 is before submitted_on 2020-01-10")],
        ),
        ({"granted_support": None}, [("granted_support", "required when the status is approved")]),
        (
            {"status": "rejected"},
            [("granted_support", "not allowed when the status is rejected")],
        ),
        (
            {"granted_support": Decimal("400000.01")},
            [("granted_support", "400000.01 exceeds total_cost 400000.00")],
        ),
    ],
)
def test_project_problems(changes: dict[str, Any], problems: list[tuple[str, str]]) -> None:
    assert project_problems(**approved_project(**changes)) == problems


def test_a_withdrawn_project_may_have_a_withdrawal_date_or_none() -> None:
    for decided_on in (None, date(2020, 2, 1)):
        assert (
            project_problems(
                **approved_project(status="withdrawn", decided_on=decided_on, granted_support=None)
            )
            == []
        )


def test_other_channel_projects_may_be_of_any_type_and_lead_cluster() -> None:
    assert (
        project_problems(
            **approved_project(channel="other", instrument="EFRO", type_eligible=False, cluster=NET)
        )
        == []
    )


def test_allocation_problems_are_all_reported_at_once() -> None:
    assert allocation_problems(
        year=2021,
        envelope="spearhead_operation",
        amount=Decimal("150000.01"),
        cluster=NET,
        cap=Decimal("150000.00"),
    ) == [
        ("year", "2021 is outside the pact years of NET (2018–2020)"),
        ("envelope", "spearhead_operation does not fit ibn cluster NET (ibn)"),
        ("amount", "150000.01 exceeds the yearly operation cap of 150000.00"),
    ]


def test_the_project_envelope_has_no_cap() -> None:
    assert (
        allocation_problems(
            year=2020, envelope="spearhead_projects", amount=Decimal("9000000.00"), cluster=VIL, cap=None
        )
        == []
    )


def test_only_a_commitment_must_lie_within_the_pact() -> None:
    def problems(kind: str) -> list[tuple[str, str]]:
        return ledger_entry_problems(
            year=2021,
            kind=kind,
            envelope="ibn",
            cluster=NET,
            project=None,
            project_ref=None,
            amount=Decimal("1"),
        )

    assert problems("commitment") == [
        ("year", "a commitment must lie within the pact: 2021 is outside the pact years of NET (2018–2020)")
    ]
    assert problems("decommitment") == problems("payment") == []


def test_a_ledger_entry_on_a_project_of_another_cluster() -> None:
    sim_project = ProjectFacts("S1", "SIM", "earmarked", "approved", Decimal("10.00"))

    assert ledger_entry_problems(
        year=2020,
        kind="commitment",
        envelope="spearhead_projects",
        cluster=VIL,
        project=sim_project,
        project_ref="S1",
        amount=Decimal("1.00"),
    ) == [("project", "S1 belongs to cluster SIM, not VIL")]


def test_an_entry_of_a_closed_year_is_dated_on_or_before_its_closing() -> None:
    closed_on = date(2019, 3, 4)

    assert closed_year_problem(2018, closed_on, date(2019, 3, 4)) == []
    assert closed_year_problem(2018, closed_on, date(2019, 3, 5)) == [
        ("date", "2019-03-05 is after 2018 was closed on 2019-03-04")
    ]
    assert closed_year_problem(2019, None, date(2030, 1, 1)) == []
