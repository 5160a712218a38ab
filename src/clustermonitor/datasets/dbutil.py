"""Database utilities of the import: bulk inserts, key look-ups and statistics, per vendor."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.db import connection, models
from django.db.models import QuerySet
from django.db.models.fields import AutoFieldMixin

BATCH_SIZE = 2000


def key_is_unique(model: type[models.Model], fields: tuple[str, ...]) -> bool:
    """The database refuses a second row with these fields' values (primary key, unique
    field or unique constraint)."""
    columns = {_column(model, name) for name in fields}
    if len(fields) == 1:
        field = model._meta.get_field(fields[0])
        if isinstance(field, models.Field) and field.unique:  # primary keys are unique too
            return True
    return any(
        isinstance(constraint, models.UniqueConstraint)
        and constraint.condition is None
        and {_column(model, name) for name in constraint.fields} == columns
        for constraint in model._meta.constraints
    )


def new_keys(model: type[models.Model], count: int) -> list[int] | None:
    """`count` fresh primary keys for rows about to be inserted, ascending; None where the
    table's key is not one the database numbers.

    Knowing the keys before the insert spares reading the new rows back by their keys
    to learn them (a look-up of every created row). PostgreSQL draws them from the
    table's sequence (unique under concurrent writers); SQLite's AUTOINCREMENT would give
    the next ones above the highest key it ever gave, and the import's transaction is
    the only writer once it has written (before that, SQLite refuses its first write if
    another writer committed meanwhile: the import fails whole, it does not mix rows).
    """
    pk = model._meta.pk
    if not isinstance(pk, AutoFieldMixin) or count == 0:
        return None
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # the sequence looked up once (MATERIALIZED), not once a key: 0.3 µs a key
            # against 2.8 µs, 2.3 s of a 200k import
            cursor.execute(
                "WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence(%s, %s)::regclass AS seq)"
                " SELECT nextval(s.seq) FROM s, generate_series(1, %s)",
                [table, pk.column, count],
            )
            return sorted(key for (key,) in cursor.fetchall())
        if connection.vendor != "sqlite":
            return None
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
            f"COALESCE((SELECT MAX({column}) FROM {table}), 0))",
            [model._meta.db_table],
        )
        (highest,) = cursor.fetchone()
    return list(range(highest + 1, highest + 1 + count))


def insert_rows(model: type[models.Model], rows: list[dict[str, Any]], keys: list[int] | None = None) -> None:
    """Insert validated, typed rows (same keys each): COPY on PostgreSQL, executemany elsewhere.

    Fields the rows leave out get their default (`pre_save` on a new instance); `keys`,
    when given, are the rows' primary keys (`new_keys`).
    """
    names = list(rows[0])
    extra = {
        f.attname: f.pre_save(model(), add=True)
        for f in model._meta.concrete_fields
        if f.attname not in names and not f.primary_key
    }
    names += list(extra)
    if keys is not None:
        names.insert(0, model._meta.pk.attname)
    columns = ", ".join(connection.ops.quote_name(_column(model, n)) for n in names)
    table = connection.ops.quote_name(model._meta.db_table)
    defaults = tuple(extra.values())
    if connection.vendor == "sqlite":  # as its adapter would, once instead of once a row
        defaults = tuple(v.isoformat(" ") if isinstance(v, datetime) else v for v in defaults)
    values: Iterator[tuple[Any, ...]]
    if keys is None:
        values = (tuple(fields.values()) + defaults for fields in rows)
    else:
        values = ((key, *fields.values(), *defaults) for key, fields in zip(keys, rows, strict=True))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is PostgreSQL's bulk path: several times faster than row INSERTs.
            # (psycopg's own errors, as Django's: a duplicate key is an IntegrityError)
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in values:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(names))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
            # Decimals, dates and datetimes go through the adapters Django's SQLite backend
            # registers with sqlite3 (text, as Django stores them), in C: converting each
            # value here first cost a tenth of a SQLite import.
            cursor.executemany(sql, values)  # type: ignore[arg-type]  # an iterator: rows streamed


@contextmanager
def indexes_built_after(model: type[models.Model]) -> Iterator[None]:
    """SQLite, loading an empty table: its secondary indexes are built once the rows are in.

    Keeping four or five indexes up to date row by row doubled the time SQLite spends
    inserting a large ledger (9.8 s against 4.6 + 1.1 s to build them after, 617k rows);
    the unique indexes stay, for the key look-ups of each batch. The index definitions are
    SQLite's own, executed again as they were; a failed import rolls the drop back with
    everything else. PostgreSQL keeps its indexes: dropping one would lock the table
    against every reader for the whole import.
    """
    if connection.vendor != "sqlite" or model._default_manager.exists():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %%'",
            [model._meta.db_table],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _, sql in indexes:
            cursor.execute(sql)


def streamed(sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of a query that may return millions, without holding them all at once.

    PostgreSQL streams them (libpq's chunked rows, 5,000 a time; one a time before libpq
    17): one query, which PostgreSQL may plan in parallel, where a server-side cursor is
    never run in parallel: the replay's ordered read of 617k entries took 1.0 s against
    1.9 s through a cursor. Nothing else may use the connection until the rows are read; a
    reader that stops early has the rest read off for it. SQLite's cursor steps through its
    result as it is fetched.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            import psycopg  # loaded already by the PostgreSQL backend; not on SQLite

            size = 5000 if psycopg.pq.version() >= 170000 else 1
            with connection.wrap_database_errors:
                rows = cursor.cursor.stream(sql, params, size=size)
                try:  # not `yield from`: it would pass a reader's close() on to the stream
                    for row in rows:  # noqa: UP028
                        yield row
                finally:
                    for _ in rows:  # read off to the end: closing the stream would cancel the
                        pass  # query, and with it the transaction the caller is in
            return
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(5000):
            yield from chunk


def plan_for_cached_tables() -> None:
    """PostgreSQL, for the rest of the import's transaction (SET LOCAL): random page reads
    cost as little as sequential ones, as they do for the tables an import has just written,
    and a cursor is read to its end.

    With the default cost (4), PostgreSQL answers each batch's key look-up (`ref = ANY` of
    2,000 keys) on a table of a few hundred thousand rows with a parallel sequential scan:
    50 ms a look-up against 6–10 ms through the unique index, two look-ups a batch, 40 % of
    a 100k import. A server-side cursor (`.iterator()`: the stored projects and allocations
    the cross-row rules judge, the keys `--replace` compares) is planned for its first
    tenth by default (`cursor_tuple_fraction`), though the import reads each to its end:
    when the replay read the ledger through one, PostgreSQL walked the date index with a
    look-up per entry, 2.1–2.4 s at 617k entries against 1.4 s sorted (it is `streamed`
    now). SQLite plans by its own rules and needs nothing.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL random_page_cost = 1.1")
            cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")


def analyze(model: type[models.Model]) -> None:
    """Refresh PostgreSQL's statistics of a table inside the import's transaction.

    PostgreSQL plans the per-batch key lookups from table statistics; a table that was
    empty when the transaction began looks empty to the planner, which then scans it whole
    for every batch (quadratic time on a million rows). SQLite needs nothing.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def with_keys(queryset: QuerySet[Any], field: str, keys: list[Any]) -> QuerySet[Any]:
    """`field IN keys` as one query parameter: an array on PostgreSQL, JSON on SQLite.

    A batch asks for 2,000 keys at a time; as an IN list of 2,000 placeholders the ORM
    prepares each value and psycopg parses the long statement again for every batch (its
    cache stops at 4 kB), which cost a fifth of a large import.
    """
    model = queryset.model
    column = f"{connection.ops.quote_name(model._meta.db_table)}."
    column += connection.ops.quote_name(model._meta.get_field(field).column)
    if connection.vendor == "postgresql":
        return queryset.extra(where=[f"{column} = ANY(%s)"], params=[keys])
    if connection.vendor == "sqlite" and all(isinstance(k, str | int) for k in keys):
        return queryset.extra(
            where=[f"{column} IN (SELECT value FROM json_each(%s))"], params=[json.dumps(keys)]
        )
    return queryset.filter(**{f"{field}__in": keys})


def _column(model: type[models.Model], name: str) -> str:
    """The database column of a concrete field, by its name or attname."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or field.column is None:
        raise ValueError(f"{model.__name__}.{name} is not a concrete column")
    return field.column
