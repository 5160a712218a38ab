"""`clustermonitor check`: breaches as ERROR lines (exit 1), warnings as WARNING lines (exit 0)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from clustermonitor.budget.models import Budget
from clustermonitor.datasets.check import data_check
from tests.datasets.helpers import FIXTURES, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny():
    run_import(FIXTURES / "tiny")


def lines(**kwargs):
    return [str(line) for line in data_check(**kwargs)]


def test_the_tiny_dataset_has_these_warnings(tiny):
    assert lines(today=date(2021, 6, 1)) == [
        "WARNING projects.csv P1: decided more than 3 years before 2021-06-01 and paid 200000.00 "
        "of 400000.00 net commitments",
        "WARNING projects.csv P2: decided more than 3 years before 2021-06-01 and paid 0.00 "
        "of 2500000.00 net commitments",
        "WARNING allocations.csv CAT: no allocation in pact year 2018, which has a budget",
    ]


def test_as_of_looks_at_what_was_known(tiny):
    found = lines(as_of=date(2017, 4, 1))
    # P2 is not approved yet on 2017-04-01; P1 is, and is committed; nothing is closed yet.
    assert found == []


def test_approved_project_without_commitment_and_missing_kpi_result(tiny, tmp_path):
    from clustermonitor.kpis.models import KpiResult

    KpiResult.objects.all().delete()
    found = lines(as_of=date(2018, 3, 2))
    assert (
        "WARNING kpi_targets.csv VIL,MEMBERS,2017: 2017 is closed but KPI MEMBERS of VIL has no result"
        in found
    )
    # APPS is computed from projects: it always has a value, never a warning
    assert not any("APPS" in line for line in found)


def test_operation_grant_above_cofinancing(tiny):
    from clustermonitor.budget.models import Cofinancing

    Cofinancing.objects.filter(cluster__code="VIL", year=2017).update(amount="400000.00")
    assert (
        "WARNING cofinancing.csv VIL,2017: net operation commitments 500000.00 exceed what the members' "
        "co-financing of 400000.00 supports at a 50 % rate (400000.00)"
    ) in lines(today=date(2018, 1, 1))


def test_a_breach_is_an_error_and_exits_1(tiny):
    Budget.objects.filter(year=2018, envelope="ibn").update(amount="0.00")
    Budget.objects.filter(year=2017, envelope="ibn").update(amount="100000.00")
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("check", "--lang", "en", stdout=out, stderr=StringIO())
    assert failure.value.returncode == 1
    errors = [line for line in out.getvalue().splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR allocations.csv 2017,NET,ibn: column amount: the allocations of ibn 2017 add up to 150000.00, "
        "more than its budget (100000.00)",
        "ERROR ledger.csv L2: column amount: net commitments on ibn 2017 (150000.00) exceed its budget "
        "(100000.00)",
    ]


def test_warnings_only_exit_0(tiny):
    out, err = StringIO(), StringIO()
    call_command("check", "--as-of", "2021-06-01", "--lang", "en", stdout=out, stderr=err)
    assert out.getvalue().count("WARNING") == 3
    assert "0 error(s), 3 warning(s)" in err.getvalue()
