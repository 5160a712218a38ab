"""The renderers print the report's figures by the contract's rules and never recompute one."""

import csv
import datetime
import io
import json
from decimal import Decimal as D
from fractions import Fraction

import pytest

from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.registry import report_build, report_spec
from clustermonitor.reports.renderers import report_format
from clustermonitor.reports.renderers.cells import cell_text, json_value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("45250000"), "45250000.00"),
        (D("-1200.5"), "-1200.50"),
        (D("-0.001"), "0.00"),  # never "-0.00"
        (D("-0"), "0.00"),
        (D("12.345"), "12.35"),  # half-up
        (D("49.9975"), "50.00"),
        (Fraction(87645, 100000), "0.8765"),  # ratios: four decimals, half-up
        (Fraction(199990, 200000), "1.0000"),
        (Fraction(-1, 3), "-0.3333"),
        (datetime.date(2019, 3, 3), "2019-03-03"),
    ],
)
def test_values_print_by_the_contract(value: object, text: str) -> None:
    assert json_value(value) == text
    assert cell_text(value) == text


def test_counts_booleans_and_null_stay_json_types() -> None:
    assert json_value({"n": 7, "mismatch": False, "value": None}) == {
        "n": 7,
        "mismatch": False,
        "value": None,
    }
    assert [cell_text(7), cell_text(True), cell_text(None)] == ["7", "true", ""]


def render(name: str, fmt: str, **options: object) -> str:
    report = report_build(name, **options)
    output = report_format(fmt).render(report, report_spec(name).tables(report))
    assert isinstance(output, str)
    return output


@pytest.mark.django_db
def test_json_is_one_object_with_text_amounts_and_int_counts(world) -> None:
    data = json.loads(render("cluster-overview", "json", year=2018, as_of=datetime.date(2018, 6, 30)))

    assert (data["report"], data["year"], data["as_of"], data["figures"]) == (
        "cluster-overview",
        2018,
        "2018-06-30",
        "provisional",
    )
    vil = data["rows"][1]
    assert vil["committed_projects"] == "4300000.00" and vil["applications"] == 4
    assert vil["other_public_funding_by_instrument"] == {"EFRO": "100000.00"}


@pytest.mark.django_db
def test_csv_holds_the_same_figures_in_tables(world) -> None:
    lines = list(csv.reader(io.StringIO(render("budget-overview", "csv", year=2018))))

    assert lines[:2] == [
        ["report", "year", "as_of", "figures"],
        ["budget-overview", "2018", "", "definitive"],
    ]
    assert ["envelopes"] in lines
    assert ["envelope", "budget", "allocated", "unallocated", "committed", "paid", "available"] in lines
    assert [
        "spearhead_projects",
        "10000000.00",
        "7000000.00",
        "3000000.00",
        "6050000.50",
        "1000000.00",
        "3949999.50",
    ] in lines
    assert [
        "total",
        "11200000.00",
        "8050000.00",
        "3150000.00",
        "6700000.50",
        "1350000.00",
        "4499999.50",
    ] in lines


@pytest.mark.django_db
def test_markdown_tables_right_align_figures(world) -> None:
    text = render("additional-resources", "md", year=2018)

    assert text.startswith("# additional-resources 2018\n\nFigures: definitive. As of: everything stored.\n")
    assert "| cluster | type | instrument | projects | total_cost | granted_support |" in text
    assert "| --- | --- | --- | ---: | ---: | ---: |" in text
    assert "| VIL | spearhead | H2020 | 1 | 900000.00 | 600000.00 |" in text
    assert "| total |  |  | 3 | 1250000.00 | 720000.00 |" in text


@pytest.mark.django_db
def test_every_report_renders_in_every_format(world) -> None:
    for name, options in [
        ("budget-overview", {"year": 2018}),
        ("cluster-overview", {"year": 2018}),
        ("additional-resources", {"year": 2018}),
        ("pact-resources", {}),
        ("project-generation", {"year": 2018}),
        ("kpi-status", {"year": 2018}),
    ]:
        for fmt in ("json", "csv", "md"):
            assert render(name, fmt, **options).endswith("\n")


@pytest.mark.parametrize(
    ("fmt", "message"),
    [("yaml", "unknown format"), ("docx", "unknown format")],
)
def test_unknown_formats_are_refused(fmt: str, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        report_format(fmt)
