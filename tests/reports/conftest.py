"""A tiny world for the reports, small enough to compute every figure by hand.

2018, clusters VIL and SIM (spearhead, pact 2017–2026), OLD (spearhead, pact 2010–2016)
and NET (IBN, 2018–2020). 2017 was closed on 2018-03-01, 2018 on 2019-03-04.

Budgets 2018: spearhead_operation 1 000 000, spearhead_projects 10 000 000, ibn 200 000.
Allocations 2018: VIL operation 500 000 and projects 4 000 000 (2018-01-10); SIM operation
400 000 (undated) and projects 3 000 000 (2018-07-01, after mid-year); NET 150 000.

Projects (earmarked unless an instrument is named):
  V0  VIL ICON   submitted 2017-02-01, approved 2017-04-01, cost 1 000 000, granted 700 000
  V1  VIL ICON   submitted 2017-11-01, approved 2018-02-01, cost 6 000 000, granted 4 500 000
  V2  VIL cSBO   submitted 2018-03-01, approved 2018-09-01, cost 1 000 000, granted 800 000.50
  V3  VIL INNOVATION submitted 2018-04-01, rejected 2018-05-01
  V4  VIL INNOVATION submitted 2018-05-01, withdrawn without a date
  V7  VIL ICON   submitted 2018-01-02, approved 2018-11-01, cost 100, granted 0.01
  V5  VIL EFRO   submitted 2018-01-05, approved 2018-03-01, cost 300 000, granted 100 000
  V6  VIL H2020  submitted 2018-02-01, approved 2018-10-01, cost 900 000, granted 600 000
  S1  SIM ICON   submitted 2018-01-15, approved 2018-06-01, cost 2 000 000, granted 1 000 000
  N1  NET EFRO   submitted 2018-03-01, approved 2018-04-01, cost 50 000, granted 20 000
  O1  OLD ICON   submitted 2016-02-01, approved 2016-05-01, cost 500 000, granted 300 000
  V9  VIL ICON   submitted 2018-12-01, still submitted (no decision)

Ledger (date, year booked on, kind, envelope, cluster/project, amount):
  2017-04-10 2017 commitment   projects  V0   700 000
  2018-02-10 2018 commitment   projects  V1 4 500 000
  2018-09-10 2018 commitment   projects  V2   800 000.50
  2018-03-01 2018 decommitment projects  V0   200 000   (releases 2017's commitment)
  2018-06-15 2018 commitment   projects  S1 1 000 000
  2018-01-20 2018 commitment   operation VIL  500 000
  2018-05-20 2018 payment      operation VIL  250 000
  2018-12-20 2018 payment      projects  V1 1 000 000
  2018-02-05 2018 commitment   ibn       NET  150 000
  2019-01-15 2018 payment      ibn       NET  100 000   (dated 2019, booked on 2018)
  2016-05-10 2016 commitment   projects  O1   300 000
  2018-04-01 2018 decommitment projects  O1    50 000   (OLD, after its pact)
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from tests.factories import (
    AllocationFactory,
    BudgetFactory,
    BudgetYearFactory,
    IbnClusterFactory,
    LedgerEntryFactory,
    ProjectFactory,
    ProjectTypeFactory,
    SpearheadClusterFactory,
)

D = Decimal
day = datetime.date


@dataclass
class World:
    clusters: dict[str, Cluster]
    projects: dict[str, Project]


def _project(ref: str, cluster: Cluster, type_code: str, **fields: object) -> Project:
    eligible = type_code in {"ICON", "cSBO", "INNOVATION"}
    kind = ProjectTypeFactory(code=type_code, name=type_code, earmarked_eligible=eligible)
    return ProjectFactory(ref=ref, cluster=cluster, type=kind, **fields)


def _other(ref: str, cluster: Cluster, instrument: str, **fields: object) -> Project:
    return _project(ref, cluster, "REGIONAL_DEV", channel="other", instrument=instrument, **fields)


def _approved(submitted: datetime.date, decided: datetime.date, cost: str, granted: str) -> dict[str, object]:
    return {
        "submitted_on": submitted,
        "status": "approved",
        "decided_on": decided,
        "total_cost": D(cost),
        "granted_support": D(granted),
    }


def _not_granted(submitted: datetime.date, status: str, decided: datetime.date | None) -> dict[str, object]:
    return {"submitted_on": submitted, "status": status, "decided_on": decided, "granted_support": None}


def _ledger(when: datetime.date, year: int, kind: str, amount: str, **where: object) -> None:
    LedgerEntryFactory(date=when, year=year, kind=kind, amount=D(amount), **where)


@pytest.fixture
def world(db: None) -> World:
    BudgetYearFactory(year=2017, status="closed", closed_on=day(2018, 3, 1))
    BudgetYearFactory(year=2018, status="closed", closed_on=day(2019, 3, 4))
    vil = SpearheadClusterFactory(code="VIL", name="Logistics", pact_start_year=2017, pact_end_year=2026)
    sim = SpearheadClusterFactory(code="SIM", name="Materials", pact_start_year=2017, pact_end_year=2026)
    old = SpearheadClusterFactory(code="OLD", name="Old pact", pact_start_year=2010, pact_end_year=2016)
    net = IbnClusterFactory(code="NET", name="Network", pact_start_year=2018, pact_end_year=2020)

    BudgetFactory(year=2018, envelope="spearhead_operation", amount=D("1000000.00"))
    BudgetFactory(year=2018, envelope="spearhead_projects", amount=D("10000000.00"))
    BudgetFactory(year=2018, envelope="ibn", amount=D("200000.00"))
    january = day(2018, 1, 10)
    AllocationFactory(
        year=2018, cluster=vil, envelope="spearhead_operation", amount=D("500000"), decided_on=january
    )
    AllocationFactory(
        year=2018, cluster=vil, envelope="spearhead_projects", amount=D("4000000"), decided_on=january
    )
    AllocationFactory(
        year=2018, cluster=sim, envelope="spearhead_operation", amount=D("400000"), decided_on=None
    )
    AllocationFactory(
        year=2018, cluster=sim, envelope="spearhead_projects", amount=D("3000000"), decided_on=day(2018, 7, 1)
    )
    AllocationFactory(year=2018, cluster=net, envelope="ibn", amount=D("150000"), decided_on=day(2018, 2, 1))

    p = {
        "V0": _project("V0", vil, "ICON", **_approved(day(2017, 2, 1), day(2017, 4, 1), "1000000", "700000")),
        "V1": _project(
            "V1", vil, "ICON", **_approved(day(2017, 11, 1), day(2018, 2, 1), "6000000", "4500000")
        ),
        "V2": _project(
            "V2", vil, "cSBO", **_approved(day(2018, 3, 1), day(2018, 9, 1), "1000000", "800000.50")
        ),
        "V3": _project("V3", vil, "INNOVATION", **_not_granted(day(2018, 4, 1), "rejected", day(2018, 5, 1))),
        "V4": _project("V4", vil, "INNOVATION", **_not_granted(day(2018, 5, 1), "withdrawn", None)),
        "V7": _project("V7", vil, "ICON", **_approved(day(2018, 1, 2), day(2018, 11, 1), "100", "0.01")),
        "V5": _other("V5", vil, "EFRO", **_approved(day(2018, 1, 5), day(2018, 3, 1), "300000", "100000")),
        "V6": _other("V6", vil, "H2020", **_approved(day(2018, 2, 1), day(2018, 10, 1), "900000", "600000")),
        "S1": _project(
            "S1", sim, "ICON", **_approved(day(2018, 1, 15), day(2018, 6, 1), "2000000", "1000000")
        ),
        "N1": _other("N1", net, "EFRO", **_approved(day(2018, 3, 1), day(2018, 4, 1), "50000", "20000")),
        "O1": _project("O1", old, "ICON", **_approved(day(2016, 2, 1), day(2016, 5, 1), "500000", "300000")),
        "V9": _project("V9", vil, "ICON", **_not_granted(day(2018, 12, 1), "submitted", None)),
    }

    _ledger(day(2017, 4, 10), 2017, "commitment", "700000", project=p["V0"])
    _ledger(day(2018, 2, 10), 2018, "commitment", "4500000", project=p["V1"])
    _ledger(day(2018, 9, 10), 2018, "commitment", "800000.50", project=p["V2"])
    _ledger(day(2018, 3, 1), 2018, "decommitment", "200000", project=p["V0"])
    _ledger(day(2018, 6, 15), 2018, "commitment", "1000000", project=p["S1"])
    _ledger(day(2018, 1, 20), 2018, "commitment", "500000", cluster=vil, envelope="spearhead_operation")
    _ledger(day(2018, 5, 20), 2018, "payment", "250000", cluster=vil, envelope="spearhead_operation")
    _ledger(day(2018, 12, 20), 2018, "payment", "1000000", project=p["V1"])
    _ledger(day(2018, 2, 5), 2018, "commitment", "150000", cluster=net, envelope="ibn")
    _ledger(day(2019, 1, 15), 2018, "payment", "100000", cluster=net, envelope="ibn")
    _ledger(day(2016, 5, 10), 2016, "commitment", "300000", project=p["O1"])
    _ledger(day(2018, 4, 1), 2018, "decommitment", "50000", project=p["O1"])
    return World(clusters={"VIL": vil, "SIM": sim, "OLD": old, "NET": net}, projects=p)
