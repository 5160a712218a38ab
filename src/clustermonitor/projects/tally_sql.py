"""What projects add to their kept tallies, as SQL: one definition for every writer.

A project counts once as an application, in its submission month (whatever its status),
and once more as an approval, in its decision month, while its status is approved
(`TallyEvent`). A tally keeps only what the reports ask of its event (`KEPT`). What a
set of stored projects adds is one GROUP BY (`contributions_sql`);
a writer reads it for the rows it writes before and after writing (`stored`) and adds
the difference (`changes`) to the tallies (`ProjectTally.objects.add`), in its own
transaction. This module reads no model, so the models can call it on every write.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum

from django.db import connection

from clustermonitor.domain.enums import Channel, ProjectStatus
from clustermonitor.kernel.aggregates import cents_sum_sql, period_start_sql


class TallyEvent(StrEnum):
    """What a tally counts: applications by their submission month (every status), and
    approvals by their decision month."""

    SUBMITTED = "submitted"
    APPROVED = "approved"


class TallySpan(StrEnum):
    """How long a tally's period is: a month (what a question as of a day inside the year
    adds up, month by month), or the whole year (what a question of the year as it stands
    reads: a twelfth of the rows)."""

    MONTH = "month"
    YEAR = "year"


TALLY_KEY = ("event", "cluster_id", "span", "starts_on", "channel", "instrument", "type_id")
TALLY_FIGURES = ("projects", "total_cost_cents", "granted_cents")
TallyKey = tuple[str, int, str, dt.date, str, str, int | None]  # TALLY_KEY's values
# The key as the unique index has it (a type not kept, NULL, is one value there): what an
# upsert names as its conflict, and a row is found by.
UNIQUE_KEY = (*TALLY_KEY[:-1], "COALESCE(type_id, 0)")

# Beyond its cluster, period and channel, what each event keeps of a project: its
# instrument and its type, as SQL over the project's row (`''` / NULL: not kept). The
# reports count applications per cluster and channel, and approvals per instrument (the
# other channel's; an earmarked one's is always HERMES) and per type (the earmarked
# channel's). Keeping every instrument and type of both made nearly one row a project.
KEPT = {
    TallyEvent.SUBMITTED: ("''", "CAST(NULL AS bigint)"),  # typed: PostgreSQL's UNION would make it text
    TallyEvent.APPROVED: ("instrument", f"CASE WHEN channel = '{Channel.EARMARKED}' THEN type_id END"),
}
NOT_KEPT = KEPT[TallyEvent.SUBMITTED]  # constants, the same in every row: not grouped by


def kept_for(event: TallyEvent, names: Iterable[str], channel: str | None) -> bool:
    """The tallies of `event` answer a question over these fields (ORM names: `type__code`,
    `instrument`, `cluster__type`…) of the projects of one channel (None: both): `KEPT`
    said in field names, so a report cannot read a figure the tallies do not keep."""
    asked = {name.split("__")[0].removesuffix("_id") for name in names}
    if event is TallyEvent.SUBMITTED:
        return not asked & {"instrument", "type"}
    return "type" not in asked or channel == Channel.EARMARKED


Figures = tuple[int, int, int]  # projects, total cost in cents, granted support in cents
Tallies = dict[TallyKey, Figures]
ZERO: Figures = (0, 0, 0)

# The fields a project's tallies depend on: an update of any other changes none.
TALLIED_FIELDS = frozenset(
    {"cluster", "cluster_id", "channel", "instrument", "type", "type_id", "submitted_on", "status"}
    | {"decided_on", "total_cost", "granted_support"}
)
CHUNK = 500  # ids per query: well under SQLite's bound on parameters
_rebuilt_later: ContextVar[bool] = ContextVar("tallies_rebuilt_later", default=False)


@contextmanager
def rebuilt_later() -> Iterator[None]:
    """Writes inside keep no tallies row by row: the caller rebuilds them (the import, after
    its `--replace` deletions; a deletion finding tallies out of step would stop it)."""
    token = _rebuilt_later.set(True)
    try:
        yield
    finally:
        _rebuilt_later.reset(token)


def contributions_sql(project_table: str, where: str, spans: Sequence[TallySpan] = tuple(TallySpan)) -> str:
    """(TALLY_KEY…, TALLY_FIGURES…) of the projects `where` holds, grouped (for `spans`)."""
    vendor = connection.vendor
    table = connection.ops.quote_name(project_table)
    total = cents_sum_sql("total_cost", vendor)
    selects = []
    for event, day, only, granted in (
        (TallyEvent.SUBMITTED, "submitted_on", "", "0"),
        (TallyEvent.APPROVED, "decided_on", f"status = '{ProjectStatus.APPROVED}' AND ", None),
    ):
        granted = granted or cents_sum_sql("granted_support", vendor)
        for span in spans:
            key = ("cluster_id", period_start_sql(day, vendor, span), "channel", *KEPT[event])
            group = ", ".join(sql for sql in key if sql not in NOT_KEPT)
            selects.append(
                f"SELECT '{event}', {key[0]}, '{span}', {', '.join(key[1:])}, COUNT(*), {total}, {granted} "
                f"FROM {table} WHERE {only}({where}) GROUP BY {group}"
            )
    return " UNION ALL ".join(selects)


def years_from_months_sql(tally_table: str) -> str:
    """The year tallies as the sums of their months' (TALLY_KEY…, TALLY_FIGURES…).

    A year's tally counts the projects of its months under the same key: adding up the
    month rows gives it, a GROUP BY of a few rows a project, where grouping the projects
    again cost SQLite as much as the months did (0.8 s at 200k projects).
    """
    table = connection.ops.quote_name(tally_table)
    year = period_start_sql("starts_on", connection.vendor, TallySpan.YEAR)
    as_year = {"span": f"'{TallySpan.YEAR}'", "starts_on": year}  # the rest of the key as kept
    key = ", ".join(as_year.get(name, name) for name in TALLY_KEY)
    grouped = ", ".join(as_year.get(name, name) for name in TALLY_KEY if name != "span")
    figures = ", ".join(f"SUM({name})" for name in TALLY_FIGURES)
    return f"SELECT {key}, {figures} FROM {table} WHERE span = '{TallySpan.MONTH}' GROUP BY {grouped}"


def read(sql: str, params: Sequence[int] = ()) -> Tallies:
    """The tallies a query returns (TALLY_KEY…, TALLY_FIGURES…), leaving out those counting 0."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    tallies: Tallies = {}
    for event, cluster, span, starts, channel, instrument, kind, n, total, granted in rows:
        if n or total or granted:
            key = (event, cluster, span, _day(starts), channel, instrument, kind)
            tallies[key] = (int(n), int(total), int(granted))
    return tallies


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def stored(project_table: str, pks: Sequence[int]) -> Tallies:
    """What the stored projects with these ids add to the tallies."""
    tallies: Tallies = {}
    if _rebuilt_later.get():
        return tallies
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        where = f"id IN ({', '.join(['%s'] * len(chunk))})"
        params = [*chunk] * (len(TallyEvent) * len(TallySpan))  # the WHERE of each select
        for key, figures in read(contributions_sql(project_table, where), params).items():
            tallies[key] = _plus(tallies.get(key, ZERO), figures)  # chunks may share a key
    return tallies


def changes(*, before: Tallies, after: Tallies) -> Tallies:
    """What a write changed in the tallies: `after` less `before` (nothing inside `rebuilt_later`)."""
    if _rebuilt_later.get():
        return {}
    return {key: _plus(after.get(key, ZERO), before.get(key, ZERO), sign=-1) for key in before | after}


def _plus(a: Figures, b: Figures, *, sign: int = 1) -> Figures:
    return (a[0] + sign * b[0], a[1] + sign * b[1], a[2] + sign * b[2])
