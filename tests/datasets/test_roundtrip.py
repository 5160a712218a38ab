"""Export → import into an empty database → export gives the same bytes; XLSX reads as CSV."""

import filecmp
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from clustermonitor.budget.models import Allocation, Budget, Cofinancing, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.models import BudgetYear, Parameter
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget
from clustermonitor.projects.models import Project, ProjectType
from tests.datasets.helpers import FIXTURES, run_import, snapshot

pytestmark = pytest.mark.django_db

EXAMPLE = FIXTURES / "flanders-small"


def export(target: Path, *args: str) -> Path:
    call_command("export", str(target), *args, stdout=StringIO())
    return target


def empty_database() -> None:
    LedgerEntry.objects.all()._raw_delete(LedgerEntry.objects.db)  # the ledger refuses delete()
    for model in (KpiResult, KpiTarget, Kpi, Cofinancing, Allocation, Budget, BudgetYear, Parameter, Project):
        model.objects.all().delete()
    ProjectType.objects.all().delete()
    Cluster.objects.all().delete()


def same_files(a: Path, b: Path) -> list[str]:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return mismatch + errors


def test_the_example_exports_in_canonical_form(tmp_path):
    run_import(EXAMPLE)
    assert same_files(export(tmp_path / "out"), EXAMPLE / "export") == []


def test_export_import_export_is_byte_identical(tmp_path):
    run_import(EXAMPLE)
    first = export(tmp_path / "first")
    empty_database()
    assert snapshot()["clusters.csv"] == []
    run_import(first)
    assert same_files(export(tmp_path / "second"), first) == []


def test_xlsx_export_imports_as_the_same_dataset(tmp_path):
    run_import(EXAMPLE)
    before = snapshot()
    workbook = export(tmp_path / "dataset.xlsx", "--format", "xlsx")
    empty_database()
    run_import(workbook)
    assert snapshot() == before


def test_xlsx_cells_keep_text_as_text(tmp_path):
    from openpyxl import load_workbook

    run_import(EXAMPLE)
    workbook = load_workbook(export(tmp_path / "dataset.xlsx", "--format", "xlsx"))
    amount = workbook["budgets"]["C2"]
    assert amount.value == 1387000 and amount.data_type == "n"
    assert amount.number_format == "#,##0.00"
    assert workbook["clusters"]["A2"].data_type == "s"
