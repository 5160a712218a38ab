"""The import rules of the budget files: years, budgets, allocations, cofinancing and the
ledger (append-only: a stored entry never changes; a closed year's entries are dated by
its closing date)."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db.models import QuerySet

from clustermonitor.budget.models import (
    Allocation,
    Budget,
    Cofinancing,
    LedgerBalance,
    LedgerEntry,
    MonthSums,
)
from clustermonitor.datasets import contract
from clustermonitor.datasets.dbutil import with_keys
from clustermonitor.datasets.file_import import FileImport, ImportState, Problem, Values
from clustermonitor.domain import rules
from clustermonitor.domain.enums import DEFAULT_BUDGET_SOURCE, operation_cap_key
from clustermonitor.domain.messages import _
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project


class YearsImport(FileImport):
    spec = contract.YEARS
    model = BudgetYear
    key_fields = ("year",)
    year_field = "year"

    def problems(self, v: Values) -> list[Problem]:
        if v["status"] == "closed" and v["closed_on"] is None:
            return [("closed_on", "required when the status is closed")]
        if v["status"] == "open" and v["closed_on"] is not None:
            return [("closed_on", "not allowed when the status is open")]
        return []

    def fields(self, v: Values) -> dict[str, Any]:
        return {"year": v["year"], "status": v["status"], "closed_on": v["closed_on"]}

    def compared_fields(self) -> list[str]:
        return ["year", "status", "closed_on"]


class BudgetsImport(FileImport):
    spec = contract.BUDGETS
    model = Budget
    key_fields = ("year", "envelope")
    year_field = "year"

    def fields(self, v: Values) -> dict[str, Any]:
        source = v["source"] if v["source"] is not None else DEFAULT_BUDGET_SOURCE
        return {"year": v["year"], "envelope": v["envelope"], "amount": v["amount"], "source": source}


class AllocationsImport(FileImport):
    spec = contract.ALLOCATIONS
    model = Allocation
    key_fields = ("year", "cluster_id", "envelope")
    year_field = "year"

    def problems(self, v: Values) -> list[Problem]:
        missing = self.cluster_problems(v["cluster"])
        if missing:
            return missing
        facts = self.run.clusters[v["cluster"]][1]
        cap = self.run.parameter(operation_cap_key(v["envelope"]))
        return rules.allocation_problems(
            year=v["year"], envelope=v["envelope"], amount=v["amount"], cluster=facts, cap=cap
        )

    def fields(self, v: Values) -> dict[str, Any]:
        return {
            "year": v["year"],
            "cluster_id": self.run.clusters[v["cluster"]][0],
            "envelope": v["envelope"],
            "amount": v["amount"],
            "decided_on": v["decided_on"],
        }


class CofinancingImport(FileImport):
    spec = contract.COFINANCING
    model = Cofinancing
    key_fields = ("cluster_id", "year")

    def problems(self, v: Values) -> list[Problem]:
        return self.cluster_problems(v["cluster"])

    def fields(self, v: Values) -> dict[str, Any]:
        return {"cluster_id": self.run.clusters[v["cluster"]][0], "year": v["year"], "amount": v["amount"]}


class LedgerImport(FileImport):
    spec = contract.LEDGER
    model = LedgerEntry
    key_fields = ("ref",)
    year_field = "year"

    def __init__(self, run: ImportState) -> None:
        super().__init__(run)
        self.month_sums = MonthSums()

    def removable(self, *, closed_before: dict[int, date]) -> QuerySet[Any] | None:
        return None  # the ledger is append-only

    def prepare(self, batch: Sequence[tuple[int, Values]]) -> None:
        refs = {v["project"] for _, v in batch if v["project"]}
        self.projects: dict[str, tuple[int, rules.ProjectFacts]] = {
            ref: (pk, rules.ProjectFacts(ref, cluster, channel, status, granted))
            for pk, ref, cluster, channel, status, granted in with_keys(
                Project.objects.all(), "ref", list(refs)
            ).values_list("pk", "ref", "cluster__code", "channel", "status", "granted_support")
        }

    def problems(self, v: Values) -> list[Problem]:
        missing = self.cluster_problems(v["cluster"])
        ref = v["project"]
        self.refuse_if_invalid(contract.PROJECTS, ref)
        if missing:
            return missing
        facts = self.run.clusters[v["cluster"]][1]
        project = self.projects.get(ref)
        problems = rules.ledger_entry_problems(
            year=v["year"],
            kind=v["kind"],
            envelope=v["envelope"],
            cluster=facts,
            project=project[1] if project else None,
            project_ref=ref,
            amount=v["amount"],
        )
        closed_on = self.run.closed_on.get(v["year"])
        return problems + rules.closed_year_problem(v["year"], closed_on, v["date"])

    def fields(self, v: Values) -> dict[str, Any]:
        ref = v["project"]
        return {
            "ref": v["id"],
            "date": v["date"],
            "year": v["year"],
            "kind": v["kind"],
            "envelope": v["envelope"],
            "cluster_id": self.run.clusters[v["cluster"]][0],
            "project_id": self.projects[ref][0] if ref else None,
            "amount": v["amount"],
            "note": v["note"] or "",
        }

    def compared_fields(self) -> list[str]:
        return ["ref", "date", "year", "kind", "envelope", "cluster_id", "project_id", "amount", "note"]

    def change_problems(
        self, fields: dict[str, Any], *, changed: bool, closed_before: dict[int, date]
    ) -> list[Problem]:
        """A stored entry never changes; a new one is judged as any row of its year."""
        if changed:
            message = _(
                "entry {ref} is stored with other values: the ledger is append-only, "
                "book a correcting entry instead",
                ref=fields["ref"],
            )
            return [("-", message)]
        return super().change_problems(fields, changed=changed, closed_before=closed_before)

    def created(self, rows: Sequence[dict[str, Any]]) -> None:
        self.month_sums.add(
            (f["cluster_id"], f["year"], f["envelope"], f["kind"], f["date"], f["amount"]) for f in rows
        )

    def finish(self) -> None:
        """The kept balances of every entry created, in one write (was one per batch: a
        third of a PostgreSQL import went to those upserts)."""
        LedgerBalance.objects.add_sums(self.month_sums)
        self.month_sums = MonthSums()
