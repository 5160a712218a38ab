"""Where a stored row came from in the imported file, by primary key."""

from clustermonitor.datasets.linemap import LineMap


def test_contiguous_keys_are_found_by_their_distance_from_the_first() -> None:
    lines = LineMap()
    for pk, line in zip(range(101, 111), range(2, 22, 2), strict=True):
        lines.created(pk, line)
    assert [lines.line(pk) for pk in (101, 105, 110)] == [2, 10, 20]
    assert lines.line(100) is None and lines.line(111) is None and lines.line(-5) is None
    assert len(lines) == 10 and 107 in lines and 99 not in lines


def test_keys_with_gaps_are_searched() -> None:
    lines = LineMap()
    for pk, line in ((5, 2), (9, 3), (10, 4), (40, 7)):
        lines.created(pk, line)
    assert [lines.line(pk) for pk in (5, 9, 10, 40)] == [2, 3, 4, 7]
    assert [lines.line(pk) for pk in (4, 6, 8, 11, 39, 41)] == [None] * 6


def test_touched_and_out_of_order_rows_are_kept_apart() -> None:
    lines = LineMap()
    lines.created(7, 2)
    lines.created(8, 3)
    lines.created(3, 4)  # not ascending: still found
    lines.touched(1, 5)  # updated or unchanged
    assert [lines.line(pk) for pk in (7, 8, 3, 1, 2)] == [2, 3, 4, 5, None]
    assert LineMap().line(1) is None
