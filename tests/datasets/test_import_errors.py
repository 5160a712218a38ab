"""Every contract rule, broken once: exit 1, the exact FILE:LINE: column, nothing written.

Each case edits a copy of the small valid dataset `tests/fixtures/tiny`.
"""

import pytest

from tests.datasets.helpers import append_to, copy_fixture, import_errors, replace_in, snapshot

pytestmark = pytest.mark.django_db

P1 = "P1,VIL,Smart ports,CLUSTER_RD,earmarked,HERMES,2017-01-10,approved,2017-03-01,1000000.00,600000.00,500000.00"

# (file, old text, new text, expected error prefix)
EDITS = [
    # types and formats
    ("clusters.csv", "VIL,VIL,spearhead", "V IL,VIL,spearhead", "clusters.csv:2: column code:"),
    ("clusters.csv", "CAT,Catalisti,spearhead", "CAT,Catalisti,cluster", "clusters.csv:3: column type:"),
    ("clusters.csv", "2016-07-14,2017,2019", "2016-07-14,17,2019", "clusters.csv:4: column pact_start_year:"),
    (
        "clusters.csv",
        "NET,Some network,ibn,,2016-07-14",
        "NET,Some network,ibn,,2016-02-30",
        "clusters.csv:4: column recognised_on:",
    ),
    ("clusters.csv", "2016-07-14,2017,2019", "2016-07-14,2017,2016", "clusters.csv:4: column pact_end_year:"),
    (
        "clusters.csv",
        "NET,Some network,ibn",
        "NET,,ibn",
        "clusters.csv:4: column name: required value missing",
    ),
    ("budgets.csv", "2017,ibn,300000.00", "2017,ibn,-300000.00", "budgets.csv:4: column amount:"),
    ("budgets.csv", "2017,ibn,300000.00", "2017,ibn,300000.001", "budgets.csv:4: column amount:"),
    ("budgets.csv", "2017,ibn,300000.00", "2017,ibn,300 000.00", "budgets.csv:4: column amount:"),
    ("budgets.csv", "2017,ibn,300000.00", "2017,ibn,300000,00", "budgets.csv:4: column -:"),
    ("budgets.csv", "2018,ibn,300000.00", "2018,operation,300000.00", "budgets.csv:7: column envelope:"),
    ("years.csv", "2017,closed,2018-03-01", "2017,closed,", "years.csv:2: column closed_on: required"),
    ("years.csv", "2018,open,", "2018,open,2019-01-01", "years.csv:3: column closed_on: not allowed"),
    ("years.csv", "2018,open,", "2018,pending,", "years.csv:3: column status:"),
    # allocations
    (
        "allocations.csv",
        "2017,NET,ibn,150000.00",
        "2020,NET,ibn,150000.00",
        "allocations.csv:6: column year:",
    ),
    (
        "allocations.csv",
        "2017,NET,ibn,150000.00",
        "2017,NET,spearhead_projects,150000.00",
        "allocations.csv:6: column envelope:",
    ),
    (
        "allocations.csv",
        "2017,NET,ibn,150000.00",
        "2017,NET,ibn,150000.01",
        "allocations.csv:6: column amount:",
    ),
    (
        "allocations.csv",
        "2017,NET,ibn,150000.00",
        "2017,XXX,ibn,150000.00",
        "allocations.csv:6: column cluster: unknown cluster XXX",
    ),
    (
        "allocations.csv",
        "2017,CAT,spearhead_operation,400000.00",
        "2017,CAT,spearhead_operation,500000.01",
        "allocations.csv:3: column amount:",
    ),
    # projects
    (
        "projects.csv",
        "earmarked,HERMES,2017-01-10",
        "earmarked,EFRO,2017-01-10",
        "projects.csv:2: column instrument:",
    ),
    (
        "projects.csv",
        "REGIONAL_DEV,other,EFRO",
        "REGIONAL_DEV,other,HERMES",
        "projects.csv:4: column instrument:",
    ),
    (
        "projects.csv",
        "P1,VIL,Smart ports,CLUSTER_RD",
        "P1,VIL,Smart ports,TRAINING",
        "projects.csv:2: column type:",
    ),
    (
        "projects.csv",
        "P1,VIL,Smart ports,CLUSTER_RD",
        "P1,VIL,Smart ports,NOPE",
        "projects.csv:2: column type: unknown project type NOPE",
    ),
    (
        "projects.csv",
        "P6,NET,Training,TRAINING,other,WSE",
        "P6,NET,Training,ICON,earmarked,HERMES",
        "projects.csv:7: column cluster:",
    ),
    (
        "projects.csv",
        "approved,2017-03-01,1000000.00",
        "approved,,1000000.00",
        "projects.csv:2: column decided_on: required",
    ),
    (
        "projects.csv",
        "submitted,,100000.00",
        "submitted,2018-03-01,100000.00",
        "projects.csv:7: column decided_on: not allowed",
    ),
    (
        "projects.csv",
        "2017-01-10,approved,2017-03-01",
        "2017-01-10,approved,2017-01-09",
        "projects.csv:2: column decided_on:",
    ),
    ("projects.csv", "600000.00,500000.00", "600000.00,", "projects.csv:2: column granted_support: required"),
    (
        "projects.csv",
        "rejected,2017-06-15,500000.00,300000.00,",
        "rejected,2017-06-15,500000.00,300000.00,1.00",
        "projects.csv:5: column granted_support: not allowed",
    ),
    (
        "projects.csv",
        "1000000.00,600000.00,500000.00",
        "1000000.00,600000.00,1000000.01",
        "projects.csv:2: column granted_support:",
    ),
    (
        "projects.csv",
        "P3,VIL,Regional hub,REGIONAL_DEV,other,EFRO,2017-03-01,approved",
        "P3,VIL,Regional hub,REGIONAL_DEV,public,EFRO,2017-03-01,approved",
        "projects.csv:4: column channel:",
    ),
    # ledger: row rules
    (
        "ledger.csv",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P1",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P9",
        "ledger.csv:4: column project: unknown project P9",
    ),
    (
        "ledger.csv",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P1",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P3",
        "ledger.csv:4: column project:",
    ),
    (
        "ledger.csv",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P1",
        "L3,2017-03-05,2017,commitment,spearhead_projects,CAT,P1",
        "ledger.csv:4: column project:",
    ),
    (
        "ledger.csv",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,P1",
        "L3,2017-03-05,2017,commitment,spearhead_projects,VIL,",
        "ledger.csv:4: column project: required",
    ),
    (
        "ledger.csv",
        "L1,2017-01-20,2017,commitment,spearhead_operation,VIL,",
        "L1,2017-01-20,2017,commitment,spearhead_operation,VIL,P1",
        "ledger.csv:2: column project: not allowed",
    ),
    (
        "ledger.csv",
        "L2,2017-01-20,2017,commitment,ibn,NET",
        "L2,2017-01-20,2017,commitment,spearhead_operation,NET",
        "ledger.csv:3: column envelope:",
    ),
    (
        "ledger.csv",
        "L2,2017-01-20,2017,commitment,ibn,NET,,150000.00",
        "L2,2017-01-20,2017,commitment,ibn,NET,,0",
        "ledger.csv:3: column amount:",
    ),
    ("ledger.csv", "L5,2017-06-01,2017,payment", "L5,2018-06-01,2017,payment", "ledger.csv:6: column date:"),
    (
        "ledger.csv",
        "L6,2018-02-01,2018,decommitment",
        "L6,2018-02-01,2018,dekommitment",
        "ledger.csv:7: column kind:",
    ),
    # parameters
    (
        "parameters.csv",
        "spearhead_operation_cap,500000.00",
        "spearhead_operation_kap,500000.00",
        "parameters.csv:2: column key:",
    ),
    (
        "parameters.csv",
        "spearhead_operation_cap,500000.00",
        "operation_support_rate,1.0",
        "parameters.csv:2: column value:",
    ),
    (
        "parameters.csv",
        "spearhead_operation_cap,500000.00",
        "spearhead_operation_cap,500000.001",
        "parameters.csv:2: column value:",
    ),
    # KPIs
    (
        "kpis.csv",
        "APPS,Applications,count,output,up,applications",
        "APPS,Applications,count,output,up,submissions",
        "kpis.csv:3: column computed_from:",
    ),
    (
        "kpis.csv",
        "MEMBERS,Active members,count,output,up,",
        "MEMBERS,Active members,count,output,sideways,",
        "kpis.csv:2: column direction:",
    ),
    (
        "kpi_targets.csv",
        "VIL,APPS,2017,3",
        "VIL,APPZ,2017,3",
        "kpi_targets.csv:3: column kpi: unknown KPI APPZ",
    ),
    ("kpi_targets.csv", "VIL,APPS,2017,3", "VIL,APPS,2017,3,5", "kpi_targets.csv:3: column -:"),
    ("kpi_results.csv", "2017,80,2018-04-01", "2017,80e3,2018-04-01", "kpi_results.csv:2: column value:"),
    (
        "cofinancing.csv",
        "VIL,2017,600000.00",
        "VIX,2017,600000.00",
        "cofinancing.csv:2: column cluster: unknown cluster VIX",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), EDITS, ids=[e[3] for e in EDITS])
def test_broken_row_is_refused_at_its_place(tmp_path, file, old, new, expected):
    folder = copy_fixture("tiny", tmp_path)
    replace_in(folder, file, old, new)
    before = snapshot()

    errors = import_errors(folder)

    assert any(e.startswith(expected) for e in errors), errors
    assert snapshot() == before


# Cross-row rules: (file, appended lines, expected error prefix)
APPENDS = [
    (
        "clusters.csv",
        ["VIL,Duplicate,spearhead,,2016-10-27,2017,2026"],
        "clusters.csv:5: column code: duplicate key (first at line 2)",
    ),
    ("budgets.csv", ["2017,ibn,1.00,"], "budgets.csv:8: column envelope: duplicate key (first at line 4)"),
    # running total of 2018 spearhead_projects (2,500,000 at line 8) first exceeds 5,000,000 at line 10
    (
        "allocations.csv",
        ["2018,CAT,spearhead_operation,1.00,", "2018,CAT,spearhead_projects,2500000.01,"],
        "allocations.csv:10: column amount:",
    ),
    # balances: budget of ibn 2018 is 300,000; NET's cap 150,000
    ("ledger.csv", ["L8,2018-03-01,2018,commitment,ibn,NET,,150000.01,"], "ledger.csv:9: column amount:"),
    # project P1: granted 500,000, net 400,000 after L6
    (
        "ledger.csv",
        ["L8,2018-03-01,2018,commitment,spearhead_projects,VIL,P1,100000.01,"],
        "ledger.csv:9: column amount:",
    ),
    # decommitments above commitments of P2
    (
        "ledger.csv",
        ["L8,2018-03-01,2018,decommitment,spearhead_projects,CAT,P2,2500000.01,"],
        "ledger.csv:9: column amount:",
    ),
    # payments above net commitments of VIL's operation (500,000 committed, 250,000 paid)
    (
        "ledger.csv",
        ["L8,2018-03-01,2018,payment,spearhead_operation,VIL,,250000.01,"],
        "ledger.csv:9: column amount:",
    ),
    # commitment outside NET's pact (2017-2019)
    ("ledger.csv", ["L8,2020-03-01,2020,commitment,ibn,NET,,1.00,"], "ledger.csv:9: column year:"),
    # a ledger entry of a closed year dated after its closing
    (
        "ledger.csv",
        ["L8,2018-03-02,2017,payment,spearhead_operation,VIL,,1.00,"],
        "ledger.csv:9: column date:",
    ),
    (
        "ledger.csv",
        ["L7,2018-02-10,2018,payment,spearhead_operation,VIL,,1.00,"],
        "ledger.csv:9: column id: duplicate key (first at line 8)",
    ),
]


@pytest.mark.parametrize(("file", "lines", "expected"), APPENDS, ids=[a[2] for a in APPENDS])
def test_cross_row_rule_is_refused_at_its_place(tmp_path, file, lines, expected):
    folder = copy_fixture("tiny", tmp_path)
    append_to(folder, file, *lines)
    before = snapshot()

    errors = import_errors(folder)

    assert any(e.startswith(expected) for e in errors), errors
    assert snapshot() == before


def test_every_error_is_reported_at_once(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    replace_in(folder, "budgets.csv", "2017,ibn,300000.00", "2017,ibn,-1")
    replace_in(folder, "projects.csv", "2017-01-10,approved,2017-03-01", "2017-01-10,approved,2017-01-09")
    append_to(folder, "ledger.csv", "L8,2018-03-01,2018,commitment,ibn,NET,,150000.01,")

    errors = import_errors(folder)

    assert [e.split(": column")[0] for e in errors] == ["budgets.csv:4", "projects.csv:2", "ledger.csv:9"]


def test_errors_print_file_line_column_message(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    replace_in(folder, "projects.csv", "600000.00,500000.00", "600000.00,")
    assert import_errors(folder) == [
        "projects.csv:2: column granted_support: required when the status is approved"
    ]


def test_required_file_missing(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    (folder / "clusters.csv").unlink()
    assert "clusters.csv:0: column -: required file missing" in import_errors(folder)


def test_header_unknown_and_missing_column(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    replace_in(folder, "projects.csv", "ref,cluster,title,", "ref,cluster,titel,")
    errors = import_errors(folder)
    assert "projects.csv:1: column titel: unknown column" in errors
    assert "projects.csv:1: column title: required column missing" in errors


def test_not_utf8_names_line_and_column(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    path = folder / "projects.csv"
    path.write_bytes(path.read_bytes().replace(b"Green polymers", b"Green \xe9polymers"))
    errors = import_errors(folder)
    assert errors[0].startswith("projects.csv:3: column title: not valid UTF-8"), errors


def test_payment_breach_not_reported_where_decommitments_exceed_commitments(tmp_path):
    folder = copy_fixture("tiny", tmp_path)
    append_to(
        folder,
        "ledger.csv",
        "L8,2018-03-01,2018,decommitment,spearhead_operation,VIL,,400000.00,",
    )
    # VIL operation: committed 500,000; decommitted 400,000 → net 100,000 < paid 250,000
    errors = import_errors(folder)
    assert errors == [
        "ledger.csv:9: column amount: payments (250000.00) exceed net commitments (100000.00) "
        "of VIL on spearhead_operation"
    ]
    append_to(folder, "ledger.csv", "L9,2018-03-01,2018,decommitment,spearhead_operation,VIL,,100000.01,")
    errors = import_errors(folder)
    assert len(errors) == 1 and errors[0].startswith("ledger.csv:10: column amount: decommitments"), errors
