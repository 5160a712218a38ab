"""Property-based tests of `ledger_entry_book` (hypothesis).

1. Random booking sequences — commitments, decommitments and payments on five scopes,
   two budget years, dates that collide and go back in time — are accepted exactly
   when a full replay of the whole ledger with the new entry (the contract's import
   rule) finds no breach; afterwards, independent grouped SQL aggregates show every
   balance holding.
2. A random invalid booking after a random valid history is refused whole: the
   database is unchanged.

Each example runs in a transaction rolled back at its end, so examples are independent.
"""

import datetime
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import count
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Case, DecimalField, F, Sum, Value, When
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustermonitor.budget import selectors
from clustermonitor.budget.errors import BookingRefused
from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.budget.services import ledger_entry_book
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.ledger import Entry, LedgerState, Limits, sort_for_replay
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project
from tests.factories import (
    BudgetFactory,
    BudgetYearFactory,
    IbnClusterFactory,
    ParameterFactory,
    ProjectFactory,
    SpearheadClusterFactory,
)

pytestmark = pytest.mark.django_db

CENT = Decimal("0.01")
BUDGETS = {
    (2020, "spearhead_operation"): Decimal("500.00"),
    (2020, "spearhead_projects"): Decimal("400.00"),
    (2020, "ibn"): Decimal("200.00"),
    (2021, "spearhead_operation"): Decimal("300.00"),
    (2021, "spearhead_projects"): Decimal("600.00"),
    (2021, "ibn"): Decimal("100.00"),
}
CAPS = {"spearhead_operation": Decimal("300.00"), "ibn": Decimal("150.00")}
GRANTED = {"P1": Decimal("300.00"), "P2": Decimal("250.00")}
SCOPES = [  # (cluster, envelope, project)
    ("VIL", "spearhead_operation", None),
    ("SIM", "spearhead_operation", None),
    ("BIOPACK", "ibn", None),
    ("VIL", "spearhead_projects", "P1"),
    ("SIM", "spearhead_projects", "P2"),
]
FIRST_DAY = datetime.date(2020, 12, 20)

# Modest by default so the suite stays fast; LEDGER_PROPERTY_EXAMPLES=1000 for a long run.
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("LEDGER_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Booking:
    kind: str
    scope: tuple[str, str, str | None]
    year: int
    day: int  # days after FIRST_DAY: a short span, so dates collide and cross a year end
    cents: int

    def values(self, ref: str) -> dict[str, Any]:
        cluster, envelope, project = self.scope
        return {
            "ref": ref,
            "date": FIRST_DAY + datetime.timedelta(days=self.day),
            "year": self.year,
            "kind": self.kind,
            "envelope": envelope,
            "cluster": cluster,
            "project": project,
            "amount": Decimal(self.cents) * CENT,
            "actor": "hypothesis",
        }


bookings = st.builds(
    Booking,
    kind=st.sampled_from(["commitment", "commitment", "decommitment", "payment"]),
    scope=st.sampled_from(SCOPES),
    year=st.sampled_from([2020, 2021]),
    day=st.integers(0, 20),
    cents=st.integers(1, 25_000),
)


@contextmanager
def fresh_world() -> Iterator[None]:
    """The world of one example, rolled back when the example ends."""
    with transaction.atomic():
        vil, sim = SpearheadClusterFactory(code="VIL"), SpearheadClusterFactory(code="SIM")
        IbnClusterFactory(code="BIOPACK", pact_start_year=2018, pact_end_year=2021)
        ProjectFactory(ref="P1", cluster=vil, granted_support=GRANTED["P1"])
        ProjectFactory(ref="P2", cluster=sim, granted_support=GRANTED["P2"])
        for (year, envelope), amount in BUDGETS.items():
            BudgetFactory(year=year, envelope=envelope, amount=amount)
        ParameterFactory(key="spearhead_operation_cap", value=CAPS["spearhead_operation"])
        ParameterFactory(key="ibn_operation_cap", value=CAPS["ibn"])
        BudgetYearFactory(year=2019, closed=True)
        yield
        transaction.set_rollback(True)


def full_replay_accepts(values: dict[str, Any]) -> bool:
    """The import's rule: replay the whole stored ledger plus the new entry, in date order."""
    rows = LedgerEntry.objects.order_by("date", "id").values_list(
        "ref", "date", "year", "kind", "envelope", "cluster__code", "project__ref", "amount"
    )
    stored = [Entry(*row, line=line) for line, row in enumerate(rows, start=2)]
    new = Entry(
        values["ref"],
        values["date"],
        values["year"],
        values["kind"],
        values["envelope"],
        values["cluster"],
        values["project"],
        values["amount"],
        line=len(stored) + 2,
    )
    limits = Limits(
        budget=lambda year, envelope: BUDGETS.get((year, envelope), Decimal("0.00")),
        cap=lambda envelope: CAPS[envelope],
        granted=lambda ref: GRANTED[ref],
    )
    return not list(LedgerState(limits).replay(sort_for_replay([*stored, new])))


MONEY = DecimalField(max_digits=15, decimal_places=2)


def signed(**signs: int) -> Sum:
    whens = [When(kind=kind, then=F("amount") * Value(sign)) for kind, sign in signs.items()]
    return Sum(Case(*whens, default=Value(Decimal("0.00")), output_field=MONEY), output_field=MONEY)


def assert_every_balance_holds() -> None:
    """Independent grouped aggregates over the whole ledger: every balance of the contract."""
    entries = LedgerEntry.objects.order_by()
    for row in entries.values("year", "envelope").annotate(net=signed(commitment=1, decommitment=-1)):
        assert row["net"] <= BUDGETS[(row["year"], row["envelope"])], row
    operation = entries.filter(envelope__in=["spearhead_operation", "ibn"])
    for row in operation.values("cluster__code", "envelope", "year").annotate(
        net=signed(commitment=1, decommitment=-1)
    ):
        assert row["net"] <= CAPS[row["envelope"]], row
    scopes = entries.values("cluster__code", "envelope", "project__ref").annotate(
        committed=signed(commitment=1),
        decommitted=signed(decommitment=1),
        paid=signed(payment=1),
    )
    for row in scopes:
        net = row["committed"] - row["decommitted"]
        assert row["decommitted"] <= row["committed"], row
        assert row["paid"] <= net, row
        if row["project__ref"] is not None:
            assert net <= GRANTED[row["project__ref"]], row


def book_all(sequence: list[Booking], refs: Iterator[int]) -> int:
    """Book each; check the service agrees with the full replay. Returns how many were booked."""
    booked = 0
    for booking in sequence:
        values = booking.values(f"H{next(refs):05d}")
        expected = full_replay_accepts(values)
        try:
            ledger_entry_book(**values)
        except BookingRefused as refused:
            assert not expected, (values, refused.problems)
            assert refused.problems and all(column == "amount" for column, _ in refused.problems)
        else:
            assert expected, values
            booked += 1
    return booked


@PROPERTY_SETTINGS
@given(sequence=st.lists(bookings, min_size=1, max_size=15))
def test_random_bookings_are_accepted_exactly_when_the_ledger_stays_valid(sequence: list[Booking]) -> None:
    with fresh_world():
        booked = book_all(sequence, count(1))

        assert LedgerEntry.objects.count() == booked
        assert_every_balance_holds()


# --- invalid bookings ---------------------------------------------------------------

BREAKS = ["budget", "cap", "grant", "decommit", "payment"]
ROW_PROBLEMS: dict[str, dict[str, Any]] = {
    "envelope does not fit": {"cluster": "VIL", "envelope": "ibn", "project": None},
    "project on operation": {"cluster": "VIL", "envelope": "spearhead_operation", "project": "P1"},
    "project of another cluster": {"cluster": "VIL", "envelope": "spearhead_projects", "project": "P2"},
    "unknown project": {"cluster": "VIL", "envelope": "spearhead_projects", "project": "P404"},
    "unknown cluster": {"cluster": "NOPE"},
    "unknown kind": {"kind": "refund"},
    "zero amount": {"amount": Decimal("0.00")},
    "three decimals": {"amount": Decimal("1.005")},
    "closed year": {"year": 2019},
    "commitment outside the pact": {
        "kind": "commitment",
        "cluster": "BIOPACK",
        "envelope": "ibn",
        "project": None,
        "year": 2022,
    },
    "bad ref": {"ref": "not a ref"},
}


def breaking(booking: Booking, rule: str, extra: Decimal) -> dict[str, Any] | None:
    """A booking sized to break `rule` by `extra` given the stored totals (None: not applicable)."""
    values = booking.values("BAD")
    cluster_code, envelope, project_ref = booking.scope
    cluster = Cluster.objects.get(code=cluster_code)
    project = Project.objects.get(ref=project_ref) if project_ref else None
    scope = selectors.scope_tally(cluster=cluster, envelope=envelope, project=project)
    if rule == "budget":
        net = selectors.envelope_year_tally(year=booking.year, envelope=envelope).net
        values |= {"kind": "commitment", "amount": BUDGETS[(booking.year, envelope)] - net + extra}
    elif rule == "cap":
        if project is not None:
            return None
        net = selectors.operation_year_tally(cluster=cluster, envelope=envelope, year=booking.year).net
        values |= {"kind": "commitment", "amount": CAPS[envelope] - net + extra}
    elif rule == "grant":
        if project is None:
            return None
        values |= {"kind": "commitment", "amount": GRANTED[project.ref] - scope.net + extra}
    elif rule == "decommit":
        values |= {"kind": "decommitment", "amount": scope.committed - scope.decommitted + extra}
    else:
        values |= {"kind": "payment", "amount": scope.net - scope.paid + extra}
    # The latest date, so the stored totals are the balances the new entry meets.
    values["date"] = FIRST_DAY + datetime.timedelta(days=30)
    return values


def snapshot() -> list[list[tuple[Any, ...]]]:
    return [
        list(LedgerEntry.objects.order_by("id").values_list()),
        list(Budget.objects.order_by("id").values_list()),
        list(BudgetYear.objects.order_by("year").values_list()),
        list(Allocation.objects.order_by("id").values_list()),
    ]


@PROPERTY_SETTINGS
@given(
    history=st.lists(bookings, max_size=10),
    booking=bookings,
    problem=st.sampled_from(BREAKS + sorted(ROW_PROBLEMS)),
    extra_cents=st.integers(1, 10_000),
)
def test_an_invalid_booking_is_refused_whole(
    history: list[Booking], booking: Booking, problem: str, extra_cents: int
) -> None:
    with fresh_world():
        book_all(history, count(1))
        if problem in ROW_PROBLEMS:
            values = booking.values("BAD") | ROW_PROBLEMS[problem]
        else:
            values = breaking(booking, problem, Decimal(extra_cents) * CENT)
            if values is None:
                return
        before = snapshot()

        with pytest.raises(BookingRefused) as refused:
            ledger_entry_book(**values)

        assert refused.value.problems
        assert snapshot() == before


def test_a_duplicate_ref_is_refused_whole() -> None:
    with fresh_world():
        ledger_entry_book(**Booking("commitment", SCOPES[0], 2020, 0, 100).values("DUP"))
        before = snapshot()

        with pytest.raises(BookingRefused):
            ledger_entry_book(**Booking("commitment", SCOPES[1], 2021, 3, 100).values("DUP"))

        assert snapshot() == before
