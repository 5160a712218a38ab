"""Factories for test scenarios: small, valid rows with readable defaults.

The defaults describe one plausible world: clusters whose pact runs 2016–2025, budgets
and bookings in 2020, an approved earmarked project. Override what the scenario is
about and nothing else, e.g. `BudgetFactory(envelope="ibn", amount=D("1000.00"))`.

`LedgerEntryFactory` writes a row directly, without the balance rules: use it to set
the stage, and `budget.services.ledger_entry_book` for the action under test.
"""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import (
    EARMARKED_INSTRUMENT,
    Channel,
    ClusterType,
    Direction,
    Envelope,
    KpiKind,
    LedgerKind,
    ProjectStatus,
    YearStatus,
)
from clustermonitor.kernel.models import BudgetYear, Parameter
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType

YEAR = 2020


class SpearheadClusterFactory(DjangoModelFactory[Cluster]):
    class Meta:
        model = Cluster
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"SPH{n}")
    name = factory.LazyAttribute(lambda o: f"Spearhead cluster {o.code}")
    type = ClusterType.SPEARHEAD.value
    domain = "materials"
    recognised_on = datetime.date(2016, 1, 15)
    pact_start_year = 2016
    pact_end_year = 2025


class IbnClusterFactory(SpearheadClusterFactory):
    code = factory.Sequence(lambda n: f"IBN{n}")
    name = factory.LazyAttribute(lambda o: f"Innovative business network {o.code}")
    type = ClusterType.IBN.value
    pact_start_year = 2018
    pact_end_year = 2020


class BudgetYearFactory(DjangoModelFactory[BudgetYear]):
    """An open year; `BudgetYearFactory(closed=True)` closes it on 1 March of the next year."""

    class Meta:
        model = BudgetYear
        django_get_or_create = ("year",)

    class Params:
        closed = factory.Trait(
            status=YearStatus.CLOSED.value,
            closed_on=factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 3, 1)),
        )

    year = YEAR
    status = YearStatus.OPEN.value
    closed_on = None


class BudgetFactory(DjangoModelFactory[Budget]):
    class Meta:
        model = Budget
        django_get_or_create = ("year", "envelope")

    year = YEAR
    envelope = Envelope.SPEARHEAD_PROJECTS.value
    amount = Decimal("1000000.00")
    source = "Hermesfonds"


class AllocationFactory(DjangoModelFactory[Allocation]):
    class Meta:
        model = Allocation

    year = YEAR
    cluster = factory.SubFactory(SpearheadClusterFactory)
    envelope = Envelope.SPEARHEAD_OPERATION.value
    amount = Decimal("400000.00")
    decided_on = datetime.date(YEAR, 1, 20)


class ParameterFactory(DjangoModelFactory[Parameter]):
    class Meta:
        model = Parameter
        django_get_or_create = ("key",)

    key = "spearhead_operation_cap"
    value = Decimal("500000.00")


class ProjectTypeFactory(DjangoModelFactory[ProjectType]):
    """An eligible type (ICON); pass `earmarked_eligible=False` and a code for another."""

    class Meta:
        model = ProjectType
        django_get_or_create = ("code",)

    code = "ICON"
    name = "ICON (interuniversitair coöperatief onderzoek)"
    earmarked_eligible = True


class ProjectFactory(DjangoModelFactory[Project]):
    """An approved earmarked (HERMES) project of a spearhead cluster."""

    class Meta:
        model = Project
        django_get_or_create = ("ref",)

    ref = factory.Sequence(lambda n: f"P{n:04d}")
    cluster = factory.SubFactory(SpearheadClusterFactory)
    title = factory.LazyAttribute(lambda o: f"Project {o.ref}")
    type = factory.SubFactory(ProjectTypeFactory)
    channel = Channel.EARMARKED.value
    instrument = EARMARKED_INSTRUMENT
    submitted_on = datetime.date(YEAR, 1, 10)
    status = ProjectStatus.APPROVED.value
    decided_on = datetime.date(YEAR, 3, 1)
    total_cost = Decimal("400000.00")
    requested_support = Decimal("250000.00")
    granted_support = Decimal("200000.00")


class LedgerEntryFactory(DjangoModelFactory[LedgerEntry]):
    """A stored ledger row, written without the balance rules (set the stage with it).

    An operation commitment by default; given `project=`, a project entry of the
    project's cluster on the project envelope.
    """

    class Meta:
        model = LedgerEntry

    ref = factory.Sequence(lambda n: f"BL{n:07d}")
    date = datetime.date(YEAR, 4, 1)
    year = YEAR
    kind = LedgerKind.COMMITMENT.value
    project = None
    envelope = factory.Maybe("project", Envelope.SPEARHEAD_PROJECTS.value, Envelope.SPEARHEAD_OPERATION.value)
    cluster = factory.Maybe(
        "project", factory.SelfAttribute("project.cluster"), factory.SubFactory(SpearheadClusterFactory)
    )
    amount = Decimal("100000.00")
    note = ""
    booked_by = "factory"


class KpiFactory(DjangoModelFactory[Kpi]):
    class Meta:
        model = Kpi
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"C-{n}")
    name = factory.LazyAttribute(lambda o: f"KPI {o.code}")
    unit = "count"
    kind = KpiKind.OUTPUT.value
    direction = Direction.UP.value
    computed_from = ""


class KpiTargetFactory(DjangoModelFactory[KpiTarget]):
    class Meta:
        model = KpiTarget

    cluster = factory.SubFactory(SpearheadClusterFactory)
    kpi = factory.SubFactory(KpiFactory)
    year = YEAR
    target = Decimal("50")


class KpiResultFactory(DjangoModelFactory[KpiResult]):
    class Meta:
        model = KpiResult

    cluster = factory.SubFactory(SpearheadClusterFactory)
    kpi = factory.SubFactory(KpiFactory)
    year = YEAR
    value = Decimal("40")
    reported_on = datetime.date(YEAR + 1, 3, 31)
    source = "voortgangsverslag"
