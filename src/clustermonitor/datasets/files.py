"""Per-file import rules: what a row must satisfy and how it maps onto a model.

Each `FileImport` knows one contract file: its key, the row rules that need other files
(references, pact years, caps, closed years) and the model fields it writes. The
importer drives them in dependency order; cross-row rules (sums, ledger balances) run
afterwards over the stored result in `validation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from django.db import models
from django.db.models import QuerySet

from clustermonitor.budget.models import (
    Allocation,
    Budget,
    Cofinancing,
    LedgerBalance,
    LedgerEntry,
    MonthSums,
)
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets import contract
from clustermonitor.datasets.dbutil import with_keys
from clustermonitor.domain import rules
from clustermonitor.domain.enums import DEFAULT_BUDGET_SOURCE, operation_cap_key
from clustermonitor.domain.parameters import AMOUNT_KEYS
from clustermonitor.kernel.models import BudgetYear, Parameter
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType

if TYPE_CHECKING:
    from clustermonitor.datasets.importer import ImportRun

Values = dict[str, Any]
Problem = rules.Problem


class RefersToInvalid(Exception):
    """The row refers to a row already reported invalid: skipped without a second error."""


class FileImport:
    spec: ClassVar[contract.FileSpec]
    model: ClassVar[type[models.Model]]
    key_fields: ClassVar[tuple[str, ...]]  # model fields that make the key
    year_field: ClassVar[str | None] = None  # rows of a closed year may not change

    def __init__(self, run: ImportRun) -> None:
        self.run = run

    def prepare(self, batch: Sequence[tuple[int, Values]]) -> None:
        """Fetch what the batch's rows refer to, in one query, before checking them."""

    def problems(self, v: Values) -> list[Problem]:
        return []

    def fields(self, v: Values) -> dict[str, Any]:
        raise NotImplementedError

    def compared_fields(self) -> list[str]:
        return [f.attname for f in self.model._meta.concrete_fields if not f.primary_key]

    def created(self, rows: Sequence[dict[str, Any]]) -> None:
        """After the rows' fields were inserted in bulk (no model save): keep what derives from them."""

    def finish(self) -> None:
        """After the file's last batch (in the import's transaction): write what was kept up."""

    def change_problems(
        self, fields: dict[str, Any], *, changed: bool, closed_before: dict[int, date]
    ) -> list[Problem]:
        """Writing this row over what the database held: no row of a closed year is added
        or changed (closed before the import began)."""
        year = fields.get(self.year_field) if self.year_field else None
        if year not in closed_before:
            return []
        verb = "changed" if changed else "added"
        message = f"{year} is closed (definitive since {closed_before[year]}): no row of it may be {verb}"
        return [(self.year_field or "year", message)]

    def removable(self, *, closed_before: dict[int, date]) -> QuerySet[Any] | None:
        """The stored rows --replace may remove when the dataset no longer holds them: all
        but those of a closed year; None when none may go."""
        rows = self.model.objects.all()
        if self.year_field:
            rows = rows.exclude(**{f"{self.year_field}__in": list(closed_before)})
        return rows

    # helpers
    def cluster_problems(self, code: str, column: str = "cluster") -> list[Problem]:
        if code in self.run.clusters:
            return []
        self.refuse_if_invalid(contract.CLUSTERS, code)
        return [(column, f"unknown cluster {code}")]

    def refuse_if_invalid(self, spec: contract.FileSpec, key: str | None) -> None:
        if key is not None and key in self.run.invalid[spec.name]:
            raise RefersToInvalid(key)


class ParametersImport(FileImport):
    spec = contract.PARAMETERS
    model = Parameter
    key_fields = ("key",)

    def problems(self, v: Values) -> list[Problem]:
        value: Decimal = v["value"]
        if v["key"] in AMOUNT_KEYS:
            if value != value.quantize(Decimal("0.01")):
                return [("value", f"{value} is not an amount (at most 2 decimals)")]
        elif not 0 < value < 1:
            return [("value", f"the support rate must lie strictly between 0 and 1, not {value}")]
        return []

    def fields(self, v: Values) -> dict[str, Any]:
        return {"key": v["key"], "value": v["value"]}


class ProjectTypesImport(FileImport):
    spec = contract.PROJECT_TYPES
    model = ProjectType
    key_fields = ("code",)

    def fields(self, v: Values) -> dict[str, Any]:
        return {"code": v["code"], "name": v["name"], "earmarked_eligible": v["earmarked_eligible"]}


class ClustersImport(FileImport):
    spec = contract.CLUSTERS
    model = Cluster
    key_fields = ("code",)

    def problems(self, v: Values) -> list[Problem]:
        return rules.cluster_problems(pact_start_year=v["pact_start_year"], pact_end_year=v["pact_end_year"])

    def fields(self, v: Values) -> dict[str, Any]:
        return {name: ("" if v[name] is None else v[name]) for name in self.spec.column_names}


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
        _, facts = self.run.clusters[v["cluster"]]
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


class ProjectsImport(FileImport):
    spec = contract.PROJECTS
    model = Project
    key_fields = ("ref",)

    def problems(self, v: Values) -> list[Problem]:
        problems = self.cluster_problems(v["cluster"])
        if v["type"] not in self.run.project_types:
            self.refuse_if_invalid(contract.PROJECT_TYPES, v["type"])
            problems.append(("type", f"unknown project type {v['type']}"))
        if problems:
            return problems
        _, facts = self.run.clusters[v["cluster"]]
        return rules.project_problems(
            cluster=facts,
            type_eligible=self.run.project_types[v["type"]][1],
            channel=v["channel"],
            instrument=v["instrument"],
            submitted_on=v["submitted_on"],
            status=v["status"],
            decided_on=v["decided_on"],
            total_cost=v["total_cost"],
            granted_support=v["granted_support"],
        )

    def fields(self, v: Values) -> dict[str, Any]:
        fields = {name: v[name] for name in self.spec.column_names if name not in ("cluster", "type")}
        fields["cluster_id"] = self.run.clusters[v["cluster"]][0]
        fields["type_id"] = self.run.project_types[v["type"]][0]
        return fields


class KpisImport(FileImport):
    spec = contract.KPIS
    model = Kpi
    key_fields = ("code",)

    def fields(self, v: Values) -> dict[str, Any]:
        return {name: ("" if v[name] is None else v[name]) for name in self.spec.column_names}


class _KpiFigureImport(FileImport):
    key_fields = ("cluster_id", "kpi_id", "year")

    def problems(self, v: Values) -> list[Problem]:
        problems = self.cluster_problems(v["cluster"])
        if v["kpi"] not in self.run.kpis:
            self.refuse_if_invalid(contract.KPIS, v["kpi"])
            problems.append(("kpi", f"unknown KPI {v['kpi']}"))
        return problems

    def fields(self, v: Values) -> dict[str, Any]:
        fields = {name: v[name] for name in self.spec.column_names if name not in ("cluster", "kpi")}
        if "source" in fields and fields["source"] is None:
            fields["source"] = ""
        fields["cluster_id"] = self.run.clusters[v["cluster"]][0]
        fields["kpi_id"] = self.run.kpis[v["kpi"]]
        return fields


class KpiTargetsImport(_KpiFigureImport):
    spec = contract.KPI_TARGETS
    model = KpiTarget


class KpiResultsImport(_KpiFigureImport):
    spec = contract.KPI_RESULTS
    model = KpiResult


class LedgerImport(FileImport):
    spec = contract.LEDGER
    model = LedgerEntry
    key_fields = ("ref",)
    year_field = "year"

    def __init__(self, run: ImportRun) -> None:
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
        _, facts = self.run.clusters[v["cluster"]]
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
            message = (
                f"entry {fields['ref']} is stored with other values: the ledger is append-only, "
                "book a correcting entry instead"
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


IMPORTS: tuple[type[FileImport], ...] = (
    ParametersImport,
    ProjectTypesImport,
    ClustersImport,
    YearsImport,
    BudgetsImport,
    AllocationsImport,
    CofinancingImport,
    ProjectsImport,
    KpisImport,
    KpiTargetsImport,
    KpiResultsImport,
    LedgerImport,
)
assert tuple(i.spec for i in IMPORTS) == contract.FILES
