"""The budget rows a change of a cluster must leave valid (registered with
`clusters.dependents`): its allocations and its ledger entries, by the importer's row rules."""

from collections.abc import Iterator
from decimal import Decimal

from clustermonitor.budget.models import Allocation, LedgerEntry
from clustermonitor.clusters.dependents import RowProblem
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.enums import OPERATION_ENVELOPES, operation_cap_key
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import (
    ClusterFacts,
    ProjectFacts,
    allocation_problems,
    ledger_entry_problems,
)
from clustermonitor.kernel.selectors import parameter_value


def allocations(cluster: Cluster, new: ClusterFacts) -> Iterator[RowProblem]:
    caps: dict[str, Decimal] = {
        envelope: parameter_value(operation_cap_key(envelope)) for envelope in OPERATION_ENVELOPES
    }
    rows = Allocation.objects.filter(cluster=cluster).order_by("year", "envelope")
    for year, envelope, amount in rows.values_list("year", "envelope", "amount"):
        for column, message in allocation_problems(
            year=year, envelope=envelope, amount=amount, cluster=new, cap=caps.get(envelope)
        ):
            row = _("allocation {year} {envelope}: {problem}", year=year, envelope=envelope, problem=message)
            yield RowProblem(column, year, row)


def ledger_entries(cluster: Cluster, new: ClusterFacts) -> Iterator[RowProblem]:
    entries = LedgerEntry.objects.filter(cluster=cluster).order_by("date", "id")
    fields = (
        "ref",
        "year",
        "kind",
        "envelope",
        "amount",
        "project__ref",
        "project__channel",
        "project__status",
    )
    for ref, year, kind, envelope, amount, project_ref, channel, status in entries.values_list(*fields):
        stored = ProjectFacts(project_ref, new.code, channel, status, None) if project_ref else None
        for column, message in ledger_entry_problems(
            year=year,
            kind=kind,
            envelope=envelope,
            cluster=new,
            project=stored,
            project_ref=project_ref,
            amount=amount,
        ):
            yield RowProblem(column, year, _("ledger entry {ref}: {problem}", ref=ref, problem=message))
