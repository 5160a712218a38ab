"""The one year and date parser: four ASCII digits, ISO dates that exist, one message each."""

from datetime import date

import pytest

from clustermonitor.domain.dates import (
    BadDate,
    is_year,
    optional_date,
    optional_year,
    parse_date,
    parse_year,
    year_or_none,
)


@pytest.mark.parametrize("text", ["2018", "1000", "9999"])
def test_a_four_digit_year(text: str) -> None:
    assert parse_year(text) == int(text)


@pytest.mark.parametrize(
    "text",
    ["²⁰¹⁸", "٢٠١٨", "0", "18", "0999", "10000", "99999999999999999999", " 2018", "2018.0", "-201", ""],
)
def test_anything_else_is_refused_with_the_one_message(text: str) -> None:
    with pytest.raises(BadDate) as refused:
        parse_year(text)
    assert str(refused.value) == f"{text!r} is not a four-digit year"
    assert refused.value.message.template == "{year} is not a four-digit year"


def test_a_number_is_a_year_between_1000_and_9999() -> None:
    assert [is_year(y) for y in (999, 1000, 9999, 10000, 0, -2018)] == [
        False,
        True,
        True,
        False,
        False,
        False,
    ]


def test_an_iso_date_that_exists() -> None:
    assert parse_date("2018-06-30") == date(2018, 6, 30)


@pytest.mark.parametrize("text", ["2018-02-30", "30/06/2018", "2018-6-30", "２０１８-06-30", "20180630", "x"])
def test_other_dates_are_refused_with_the_one_message(text: str) -> None:
    with pytest.raises(BadDate) as refused:
        parse_date(text)
    assert str(refused.value) == f"{text!r} is not a date YYYY-MM-DD"


def test_absent_or_empty_is_none() -> None:
    assert (optional_year(None), optional_year(""), optional_date(None), optional_date("")) == (None,) * 4
    assert (optional_year("2019"), optional_date("2019-01-01")) == (2019, date(2019, 1, 1))


def test_a_half_typed_year_is_no_year_yet() -> None:
    """The live previews of the entry forms ignore what is not (yet) a year."""
    assert [year_or_none(text) for text in ("2018", "201", "", None, "²⁰¹⁸", 2018)] == [
        2018,
        None,
        None,
        None,
        None,
        2018,
    ]
