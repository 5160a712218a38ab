"""Each closed vocabulary is defined once, by its domain enum: the model choices and the
data contract's allowed values are derived from it, and must list exactly its values."""

from enum import StrEnum
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import IntegrityError, models, transaction

from clustermonitor.budget.models import Allocation, Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets import contract
from clustermonitor.datasets.dbutil import insert_rows
from clustermonitor.domain import enums
from clustermonitor.domain.parameters import DEFAULTS
from clustermonitor.kernel.fields import text_choices
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import Project

# (model, field, contract file, column, vocabulary)
VOCABULARY_COLUMNS: list[tuple[type[models.Model], str, contract.FileSpec, str, type[StrEnum]]] = [
    (Cluster, "type", contract.CLUSTERS, "type", enums.ClusterType),
    (BudgetYear, "status", contract.YEARS, "status", enums.YearStatus),
    (Budget, "envelope", contract.BUDGETS, "envelope", enums.Envelope),
    (Allocation, "envelope", contract.ALLOCATIONS, "envelope", enums.Envelope),
    (Project, "channel", contract.PROJECTS, "channel", enums.Channel),
    (Project, "status", contract.PROJECTS, "status", enums.ProjectStatus),
    (LedgerEntry, "kind", contract.LEDGER, "kind", enums.LedgerKind),
    (LedgerEntry, "envelope", contract.LEDGER, "envelope", enums.Envelope),
    (Kpi, "kind", contract.KPIS, "kind", enums.KpiKind),
    (Kpi, "direction", contract.KPIS, "direction", enums.Direction),
    (Kpi, "computed_from", contract.KPIS, "computed_from", enums.ComputedFrom),
]


@pytest.mark.parametrize(("model", "field", "spec", "column", "vocabulary"), VOCABULARY_COLUMNS)
def test_model_choices_and_contract_values_are_the_enums(
    model: type[models.Model], field: str, spec: contract.FileSpec, column: str, vocabulary: type[StrEnum]
) -> None:
    values = [member.value for member in vocabulary]
    model_values = [value for value, _label in model._meta.get_field(field).choices or []]  # type: ignore[union-attr]

    assert model_values == values
    assert list(spec.column(column).choices) == values


def test_every_contract_column_with_allowed_values_is_tied_to_a_vocabulary() -> None:
    tied = {(spec.name, column) for _m, _f, spec, column, _v in VOCABULARY_COLUMNS}
    tied.add((contract.PARAMETERS.name, "key"))
    with_choices = {(spec.name, c.name) for spec in contract.FILES for c in spec.columns if c.choices}

    assert with_choices == tied
    assert contract.PARAMETERS.column("key").choices == tuple(sorted(DEFAULTS))


def test_a_vocabulary_without_a_label_for_every_value_does_not_load() -> None:
    with pytest.raises(ImproperlyConfigured, match="labels for exactly open, closed"):
        text_choices("YearStatusChoices", enums.YearStatus, {enums.YearStatus.OPEN: "open"})


# The vocabulary columns the database itself holds to their values (kernel.fields.one_of).
CHECKED_IN_THE_DATABASE = [(Cluster, "type"), (Budget, "envelope"), (Allocation, "envelope")]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), CHECKED_IN_THE_DATABASE)
def test_the_database_takes_each_value_of_a_vocabulary_and_nothing_else(
    model: type[models.Model], field: str, example_dir: Path
) -> None:
    call_command("import", str(example_dir), "--quiet", stdout=StringIO())
    row = model._default_manager.first()
    assert row is not None
    rows = model._default_manager.filter(pk=row.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(**{field: "unknown"})
    with transaction.atomic():  # its own value again: the check lets every value through
        rows.update(**{field: getattr(row, field)})


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["kind", "envelope"])
def test_the_database_refuses_a_ledger_entry_outside_its_vocabularies(field: str, example_dir: Path) -> None:
    """Through the import's own bulk insert (the ledger refuses updates before SQL)."""
    call_command("import", str(example_dir), "--quiet", stdout=StringIO())
    stored = LedgerEntry.objects.filter(envelope=enums.Envelope.IBN).values().first()
    assert stored is not None
    fields = {k: v for k, v in stored.items() if k != "id"} | {"ref": "NEW-1"}
    with transaction.atomic():  # the stored entry's values again, under a new key: taken
        insert_rows(LedgerEntry, [fields])
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(LedgerEntry, [fields | {"ref": "NEW-2", field: "unknown"}])


@pytest.mark.django_db
def test_the_database_holds_a_decision_date_to_the_statuses_that_have_one(example_dir: Path) -> None:
    call_command("import", str(example_dir), "--quiet", stdout=StringIO())
    decided = (
        Project.objects.filter(status=enums.ProjectStatus.REJECTED).first()
        or Project.objects.filter(status=enums.ProjectStatus.APPROVED).first()
    )
    assert decided is not None and decided.decided_on is not None
    rows = Project.objects.filter(pk=decided.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(status="unknown")
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(decided_on=None)
