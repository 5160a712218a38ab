"""Every drill-down target a report declares has a selection of its records that reads
every filter the target gives (reports/drill_records.py). A target without one would
leave the web to guess which records make up the figure; one whose filter the
selection ignores would list (and add up) other records than the figure's."""

from collections.abc import Iterator

import pytest

from clustermonitor.reports.drill import ALLOCATIONS, LEDGER, RECORDS, Drill
from clustermonitor.reports.drill_records import SELECTIONS, UnknownFilter, records, target_problems
from clustermonitor.reports.registry import REPORTS, report_build
from clustermonitor.reports.tables import Table

pytestmark = pytest.mark.django_db


def declared_tables() -> Iterator[tuple[str, Table]]:
    for name, spec in REPORTS.items():
        options = {"year": 2018} if spec.yearly else {}
        for table in spec.tables(report_build(name, **options)):
            yield name, table


def test_every_declared_target_has_a_selection_reading_all_its_filters(world: object) -> None:
    checked = 0
    for name, table in declared_tables():
        for column, drill in table.drill.items():
            assert target_problems(drill) == [], (name, table.title, column)
            checked += 1

    assert checked >= 30  # every report with figures declares its targets


def test_every_kind_of_records_has_a_selection() -> None:
    assert set(SELECTIONS) == set(RECORDS)


@pytest.mark.parametrize(
    ("drill", "problem"),
    [
        (Drill(ALLOCATIONS, {"channel": "other"}), "allocations does not read 'channel'"),
        (Drill(LEDGER, {"measure": "allocated"}), "ledger knows no measure 'allocated'"),
        (Drill(LEDGER, from_row={"instrument": "instrument"}), "ledger does not read 'instrument'"),
    ],
)
def test_a_target_its_selection_cannot_serve_is_found(drill: Drill, problem: str) -> None:
    assert problem in target_problems(drill)


def test_an_unknown_measure_is_refused_not_taken_for_the_default(world: object) -> None:
    with pytest.raises(UnknownFilter):
        records(LEDGER, {"measure": "nope"}, year=2018, as_of=None)
