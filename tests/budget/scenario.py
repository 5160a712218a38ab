"""The budget world the service tests act on, and a `book` helper with sensible defaults.

2020, open. Clusters VIL (spearhead, pact 2016–2025) and BIOPACK (IBN, pact 2018–2020).
Budgets 2020: spearhead_operation 1 000 000, spearhead_projects 1 000 000, ibn 300 000.
Project P1: approved earmarked (HERMES) project of VIL, granted 200 000.
Caps are the defaults: 500 000 per spearhead cluster, 150 000 per IBN, per year.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from clustermonitor.budget.errors import BookingRefused
from clustermonitor.budget.models import Budget, LedgerEntry
from clustermonitor.budget.services import ledger_entry_book
from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from tests.factories import BudgetFactory, IbnClusterFactory, ProjectFactory, SpearheadClusterFactory

D = Decimal
day = datetime.date


@dataclass
class World:
    vil: Cluster
    biopack: Cluster
    p1: Project
    operation: Budget
    projects: Budget
    ibn: Budget


def make_world() -> World:
    vil = SpearheadClusterFactory(code="VIL", pact_start_year=2016, pact_end_year=2025)
    biopack = IbnClusterFactory(code="BIOPACK", pact_start_year=2018, pact_end_year=2020)
    return World(
        vil=vil,
        biopack=biopack,
        p1=ProjectFactory(ref="P1", cluster=vil, granted_support=D("200000.00")),
        operation=BudgetFactory(year=2020, envelope="spearhead_operation", amount=D("1000000.00")),
        projects=BudgetFactory(year=2020, envelope="spearhead_projects", amount=D("1000000.00")),
        ibn=BudgetFactory(year=2020, envelope="ibn", amount=D("300000.00")),
    )


_refs = iter(range(1, 1_000_000))


def book(**overrides: Any) -> LedgerEntry:
    """Book through the service: a VIL operation commitment of 100 000 on 2020 unless told."""
    values: dict[str, Any] = {
        "ref": f"T{next(_refs):06d}",
        "date": day(2020, 5, 1),
        "year": 2020,
        "kind": "commitment",
        "envelope": "spearhead_operation",
        "cluster": "VIL",
        "amount": D("100000.00"),
        "actor": "tester",
    }
    if "project" in overrides and "envelope" not in overrides:
        values["envelope"] = "spearhead_projects"
    values.update(overrides)
    return ledger_entry_book(**values)


def refusal(**overrides: Any) -> list[tuple[str, str]]:
    """The (column, message) problems of a refused booking; checks nothing was stored."""
    stored = LedgerEntry.objects.count()
    with pytest.raises(BookingRefused) as refused:
        book(**overrides)
    assert LedgerEntry.objects.count() == stored
    return refused.value.problems
