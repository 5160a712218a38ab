"""Kept sums against their truth: the ledger's balances, the project tallies.

Both are derived rows that writers keep beside what they write; `differences` compares
what was kept with the truth added up again, `rebuild` replaces them by it, and `hold`
keeps the truth still while either runs.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db import connection, transaction
from django.db.models import Model

K = TypeVar("K", bound=Hashable)
F = TypeVar("F")


@dataclass(frozen=True)
class Difference(Generic[K, F]):
    key: K
    kept: F | None  # None: not kept (or kept as nothing)
    truth: F | None  # as the truth adds up; None: nothing


def differences(kept: Mapping[K, F], truth: Mapping[K, F]) -> list[Difference[K, F]]:
    """Every key whose kept figures differ from the truth's, in key order (empty: they agree)."""
    return [
        Difference(key, kept.get(key), truth.get(key))
        for key in sorted(kept.keys() | truth.keys())  # type: ignore[type-var]
        if kept.get(key) != truth.get(key)
    ]


def hold(model: type[Model]) -> None:
    """PostgreSQL: no row of `model` is written until the transaction ends (SQLite has one writer)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {connection.ops.quote_name(model._meta.db_table)} IN SHARE MODE")


def rebuild(kept: type[Model], columns: str, truth: type[Model], *select_sqls: str) -> int:
    """Replace every row of `kept` by what `select_sqls` add up from `truth` (into `columns`,
    in turn: a later one may add up what an earlier one wrote); the number of rows written."""
    table = connection.ops.quote_name(kept._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        hold(truth)
        cursor.execute(f"DELETE FROM {table}")
        for select_sql in select_sqls:
            cursor.execute(f"INSERT INTO {table} ({columns}) {select_sql}")
    return kept._default_manager.count()
