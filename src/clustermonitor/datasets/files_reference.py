"""The import rules of the reference files: parameters, project types, clusters, projects,
KPIs and their targets and results (what each row must satisfy, the fields it writes)."""

from decimal import Decimal
from typing import Any

from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets import contract
from clustermonitor.datasets.file_import import FileImport, Problem, Values
from clustermonitor.domain import rules
from clustermonitor.domain.messages import _
from clustermonitor.domain.parameters import AMOUNT_KEYS
from clustermonitor.kernel.models import Parameter
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType


class ParametersImport(FileImport):
    spec = contract.PARAMETERS
    model = Parameter
    key_fields = ("key",)

    def problems(self, v: Values) -> list[Problem]:
        value: Decimal = v["value"]
        if v["key"] in AMOUNT_KEYS:
            if value != value.quantize(Decimal("0.01")):
                return [("value", _("{number} is not an amount (at most 2 decimals)", number=str(value)))]
        elif not 0 < value < 1:
            message = _("the support rate must lie strictly between 0 and 1, not {number}", number=str(value))
            return [("value", message)]
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


class ProjectsImport(FileImport):
    spec = contract.PROJECTS
    model = Project
    key_fields = ("ref",)

    def problems(self, v: Values) -> list[Problem]:
        problems = self.cluster_problems(v["cluster"])
        if v["type"] not in self.run.project_types:
            self.refuse_if_invalid(contract.PROJECT_TYPES, v["type"])
            problems.append(("type", _("unknown project type {code}", code=v["type"])))
        if problems:
            return problems
        facts = self.run.clusters[v["cluster"]][1]
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
            problems.append(("kpi", _("unknown KPI {code}", code=v["kpi"])))
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
