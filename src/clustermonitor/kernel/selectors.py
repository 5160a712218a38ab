"""Reads every app's writes consult: closed years (the one closed-year rule) and the
programme parameters."""

from datetime import date
from decimal import Decimal

from clustermonitor.domain.enums import YearStatus
from clustermonitor.domain.money import quantize
from clustermonitor.domain.parameters import AMOUNT_KEYS, DEFAULTS
from clustermonitor.domain.rules import Problem, closed_year_problems
from clustermonitor.kernel.models import BudgetYear, Parameter


def year_closed_on(year: int) -> date | None:
    """The date a closed year's figures became definitive; None while the year is open."""
    return (
        BudgetYear.objects.filter(year=year, status=YearStatus.CLOSED)
        .values_list("closed_on", flat=True)
        .first()
    )


def closed_years() -> dict[int, date]:
    """Every closed year and the date it closed."""
    rows = BudgetYear.objects.filter(status=YearStatus.CLOSED).values_list("year", "closed_on")
    return {year: closed_on for year, closed_on in rows if closed_on is not None}


def closed_year_check(year: int, column: str = "year") -> list[Problem]:
    """Nothing of a closed year changes: the problem (on `column`) when `year` is closed."""
    return closed_year_problems(year, year_closed_on(year), column)


def parameters() -> dict[str, Decimal]:
    """Every programme parameter: the stored value, else the domain default."""
    stored = dict(Parameter.objects.filter(key__in=DEFAULTS).values_list("key", "value"))
    return {key: _parameter(key, stored.get(key, default)) for key, default in DEFAULTS.items()}


def parameter_value(key: str) -> Decimal:
    """One programme parameter (e.g. `spearhead_operation_cap`); KeyError if unknown."""
    if key not in DEFAULTS:
        raise KeyError(f"unknown parameter {key}: one of {', '.join(sorted(DEFAULTS))}")
    stored = Parameter.objects.filter(key=key).values_list("value", flat=True).first()
    return _parameter(key, DEFAULTS[key] if stored is None else stored)


def _parameter(key: str, value: Decimal) -> Decimal:
    # The column keeps six decimals; caps are amounts (cents), the rate keeps its digits.
    return quantize(value) if key in AMOUNT_KEYS else value.normalize()
