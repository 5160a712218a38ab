"""Import a whole dataset: all or nothing, every error at once, upsert by key.

The run walks the contract files in dependency order. Each record is parsed, checked
against its row rules (with what earlier files and the database hold) and upserted in
batches inside one transaction; cross-row rules (allocation sums, ledger balances) are
then checked over the stored result. Any error rolls the whole transaction back.
Closed years and stored ledger entries are compared with what is stored and refused
when they would change.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import ProtectedError, QuerySet

from clustermonitor.budget.models import BudgetYear, Parameter
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.datasets import contract, validation
from clustermonitor.datasets.errors import DatasetInvalid, RuleError
from clustermonitor.datasets.files import IMPORTS, FileImport, RefersToInvalid, Values
from clustermonitor.datasets.linemap import LineMap
from clustermonitor.datasets.progress import Progress
from clustermonitor.datasets.readers import Dataset, ReadError, SourceFile
from clustermonitor.datasets.values import PARSERS, BadValue, parse
from clustermonitor.domain import rules
from clustermonitor.domain.parameters import DEFAULTS
from clustermonitor.kernel.facts import cluster_facts
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import ProjectType

BATCH_SIZE = 2000


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> Iterator[str]:
        for spec in contract.FILES:
            counts = [
                f"{what} {getattr(self, what)[spec.name]}"
                for what in ("created", "updated", "unchanged", "deleted")
                if getattr(self, what)[spec.name]
            ]
            if counts:
                yield f"{spec.name}: {', '.join(counts)}"


def dataset_import(
    source: Path, *, dry_run: bool = False, replace: bool = False, progress: bool = False
) -> ImportSummary:
    """Validate and upsert a dataset in one transaction; raises DatasetInvalid."""
    dataset = Dataset(source)
    summary = ImportSummary(dry_run=dry_run)
    with transaction.atomic():
        run = ImportRun(dataset, summary, replace=replace, progress=Progress(enabled=progress))
        run.execute()
        if run.errors:
            raise DatasetInvalid(run.errors)
        if dry_run:
            transaction.set_rollback(True)
        else:
            data_changed()
    return summary


class ImportRun:
    def __init__(
        self, dataset: Dataset, summary: ImportSummary, *, replace: bool, progress: Progress
    ) -> None:
        self.dataset = dataset
        self.summary = summary
        self.replace = replace
        self.progress = progress
        self.errors: list[RuleError] = []
        self.invalid: dict[str, set[str]] = defaultdict(set)
        self.lines: dict[str, LineMap] = defaultdict(LineMap)
        self.to_delete: list[tuple[FileImport, list[int]]] = []
        # What the database held before: closed years may not change.
        self.closed_before = dict(BudgetYear.objects.filter(status="closed").values_list("year", "closed_on"))
        self.refresh()

    # what earlier files (merged with the database) say, for later files' rules
    def refresh(self) -> None:
        self.clusters: dict[str, tuple[int, rules.ClusterFacts]] = {
            c.code: (c.pk, cluster_facts(c)) for c in Cluster.objects.all()
        }
        self.project_types = {
            code: (pk, eligible)
            for pk, code, eligible in ProjectType.objects.values_list("pk", "code", "earmarked_eligible")
        }
        self.kpis = dict(Kpi.objects.values_list("code", "pk"))
        self.parameters = dict(Parameter.objects.values_list("key", "value"))
        self.closed_on: dict[int, date] = dict(
            BudgetYear.objects.filter(status="closed").values_list("year", "closed_on")
        )

    def parameter(self, key: str) -> Decimal:
        return self.parameters.get(key, DEFAULTS[key])

    def error(self, file: str, line: int, column: str, message: str) -> None:
        self.errors.append(RuleError(file, line, column, message))

    def execute(self) -> None:
        for name in self.dataset.unknown_names():
            self.summary.warnings.append(f"{name}: not a contract file, ignored")
        for file_import in (cls(self) for cls in IMPORTS):
            self.import_file(file_import)
            self.refresh()
        self.delete_missing()
        unknown_budgets = self.invalid[contract.BUDGETS.name]
        self.errors += validation.cross_row_errors(self.lines, unknown_budgets=unknown_budgets)

    def import_file(self, handler: FileImport) -> None:
        spec = handler.spec
        try:
            source = self.dataset.open(spec)
            if source is None:
                self.file_missing(handler)
                return
            self.import_records(handler, source)
        except ReadError as exc:
            self.error(exc.file, exc.line, exc.column, exc.message)
            return
        if self.replace:
            self.plan_deletions(handler)

    def file_missing(self, handler: FileImport) -> None:
        name = handler.spec.name
        if name in contract.REQUIRED_FILES:
            self.error(name, 0, "-", "required file missing")
        elif name == contract.PROJECT_TYPES.name and not ProjectType.objects.exists():
            ProjectType.objects.bulk_create(
                ProjectType(code=code, name=label, earmarked_eligible=eligible)
                for code, label, eligible in contract.BUILTIN_PROJECT_TYPES
            )
            self.summary.created[name] += len(contract.BUILTIN_PROJECT_TYPES)
        elif self.replace and name != contract.PROJECT_TYPES.name:
            self.plan_deletions(handler)

    def header_ok(self, spec: contract.FileSpec, header: list[str]) -> bool:
        ok = True
        seen: set[str] = set()
        for name in header:
            if name in seen:
                self.error(spec.name, 1, name, "column given twice")
                ok = False
            seen.add(name)
            if name not in spec.column_names:
                self.error(spec.name, 1, name, "unknown column")
        for column in spec.columns:
            if column.required and column.name not in seen:
                self.error(spec.name, 1, column.name, "required column missing")
                ok = False
        return ok

    def import_records(self, handler: FileImport, source: SourceFile) -> None:
        spec = handler.spec
        if not self.header_ok(spec, source.header):
            return
        index = {name: i for i, name in enumerate(source.header)}
        # Per column, once per file: where its cell is and how it is parsed.
        plan = [
            (column, index.get(column.name), PARSERS[column.kind], frozenset(column.choices or ()))
            for column in spec.columns
        ]
        batch: list[tuple[int, Values]] = []
        with self.progress.file(source) as advance:
            for line, cells in source.records():
                values = self.parse_record(spec, index, line, cells, plan)
                if values is not None:
                    batch.append((line, values))
                if len(batch) >= BATCH_SIZE:
                    self.flush(handler, batch)
                    batch = []
                    advance()
            self.flush(handler, batch)

    def parse_record(
        self,
        spec: contract.FileSpec,
        index: dict[str, int],
        line: int,
        cells: list[str],
        plan: list[tuple[contract.Column, int | None, Callable[[str], object], frozenset[str]]],
    ) -> Values | None:
        if len(cells) != len(index):
            self.error(spec.name, line, "-", f"{len(cells)} fields where the header has {len(index)}")
            return None
        values: Values = {}
        ok = True
        for column, position, parser, choices in plan:
            text = cells[position] if position is not None else ""
            if text == "":
                values[column.name] = None
                if column.required:
                    self.error(spec.name, line, column.name, "required value missing")
                    ok = False
                continue
            try:
                # values.parse, with the column's parser looked up once per file
                values[column.name] = parser(text) if not choices or text in choices else parse(column, text)
            except BadValue as exc:
                self.error(spec.name, line, column.name, str(exc))
                ok = False
        if not ok:
            self.mark_invalid(spec, values)
        return values if ok else None

    def mark_invalid(self, spec: contract.FileSpec, values: Values) -> None:
        """Remember a refused row's key, so rows and sums that depend on it stay quiet."""
        key = [values.get(name) for name in spec.key]
        if all(part is not None for part in key):
            self.invalid[spec.name].add(",".join(str(part) for part in key))

    def flush(self, handler: FileImport, batch: list[tuple[int, Values]]) -> None:
        if not batch:
            return
        handler.prepare(batch)
        checked: list[tuple[int, dict[str, Any]]] = []
        for line, values in batch:
            try:
                problems = handler.problems(values)
            except RefersToInvalid:
                problems = []
                self.mark_invalid(handler.spec, values)
                continue
            if problems:
                for column, message in problems:
                    self.error(handler.spec.name, line, column, message)
                self.mark_invalid(handler.spec, values)
                continue
            checked.append((line, handler.fields(values)))
        Upsert(self, handler).write(checked)

    def plan_deletions(self, handler: FileImport) -> None:
        """--replace: rows the dataset no longer holds go, except closed years and the ledger."""
        if handler.append_only:
            return
        lines = self.lines[handler.spec.name]
        queryset = handler.model.objects.all()
        if handler.year_field:
            queryset = queryset.exclude(**{f"{handler.year_field}__in": list(self.closed_before)})
        if handler.spec is contract.YEARS:
            queryset = queryset.exclude(year__in=list(self.closed_before))
        if handler.spec is contract.PROJECT_TYPES and handler.spec.name not in self.dataset.present():
            return
        missing = [pk for pk in queryset.values_list("pk", flat=True).iterator() if pk not in lines]
        if missing:
            self.to_delete.append((handler, missing))

    def delete_missing(self) -> None:
        for handler, pks in reversed(self.to_delete):
            try:
                with transaction.atomic():
                    for start in range(0, len(pks), BATCH_SIZE):
                        handler.model.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()
            except ProtectedError as exc:
                blocker = next(iter(exc.protected_objects))
                self.error(
                    handler.spec.name,
                    0,
                    "-",
                    f"--replace would remove rows still referenced by stored data "
                    f"({blocker._meta.verbose_name} {blocker})",
                )
                continue
            self.summary.deleted[handler.spec.name] += len(pks)


class Upsert:
    """Write one batch: create new keys, update changed rows, refuse forbidden changes."""

    def __init__(self, run: ImportRun, handler: FileImport) -> None:
        self.run, self.handler = run, handler
        self.name = handler.spec.name
        self.lines = run.lines[self.name]

    def write(self, rows: list[tuple[int, dict[str, Any]]]) -> None:
        handler = self.handler
        compared = handler.compared_fields()
        stored = self.stored(rows, compared)
        creates: list[tuple[int, dict[str, Any]]] = []
        updates = []
        seen: dict[tuple[Any, ...], int] = {}
        for line, fields in rows:
            key = tuple(fields[k] for k in handler.key_fields)
            first = seen.get(key)
            if first is None and key in stored and stored[key][0] in self.lines:
                first = self.lines.line(stored[key][0])
            if first is not None:
                self.run.error(
                    self.name, line, handler.spec.key[-1], f"duplicate key (first at line {first})"
                )
                continue
            seen[key] = line
            if key in stored:
                pk, old = stored[key]
                if all(old[name] == fields[name] for name in compared):
                    self.lines.touched(pk, line)
                    self.run.summary.unchanged[self.name] += 1
                elif self.may_change(line, fields, changed=True):
                    self.lines.touched(pk, line)
                    updates.append(handler.model(pk=pk, **fields))
            elif self.may_change(line, fields, changed=False):
                creates.append((line, fields))
        self.create(creates)
        self.refresh_statistics(len(creates))
        if updates:
            names = [n for n in compared if n not in handler.key_fields]
            handler.model.objects.bulk_update(updates, names, batch_size=BATCH_SIZE)
            self.run.summary.updated[self.name] += len(updates)

    def refresh_statistics(self, created: int) -> None:
        """ANALYZE a table each time it grows tenfold inside the import's transaction.

        PostgreSQL plans the per-batch key lookups from table statistics; a table that
        was empty when the transaction began looks empty to the planner, which then scans
        it whole for every batch (quadratic time on a million rows).
        """
        if connection.vendor != "postgresql" or not created:
            return
        total = self.run.summary.created[self.name]
        before = total - created
        if before == 0 or len(str(total)) > len(str(before)):  # crossed a power of ten
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(self.handler.model._meta.db_table)}")

    def stored(
        self, rows: list[tuple[int, dict[str, Any]]], compared: list[str]
    ) -> dict[tuple[Any, ...], Any]:
        """The stored rows with the batch's keys (a batch at most: no server-side cursor needed).

        Composite keys belong to small tables, read whole.
        """
        key_fields = self.handler.key_fields
        queryset = self.handler.model.objects.all()
        if len(key_fields) == 1:
            queryset = with_keys(queryset, key_fields[0], [f[key_fields[0]] for _, f in rows])
        return {
            tuple(row[k] for k in key_fields): (row["pk"], row) for row in queryset.values("pk", *compared)
        }

    def may_change(self, line: int, fields: dict[str, Any], *, changed: bool) -> bool:
        handler, run = self.handler, self.run
        if handler.append_only and changed:
            run.error(
                self.name,
                line,
                "-",
                f"entry {fields['ref']} is stored with other values: the ledger is append-only, "
                "book a correcting entry instead",
            )
            return False
        year = fields.get(handler.year_field) if handler.year_field else None
        if handler.spec is contract.YEARS:
            year = fields["year"]
        if year in run.closed_before:
            verb = "changed" if changed else "added"
            run.error(
                self.name,
                line,
                handler.year_field or "year",
                f"{year} is closed (definitive since {run.closed_before[year]}): no row of it may be {verb}",
            )
            return False
        return True

    def create(self, creates: list[tuple[int, dict[str, Any]]]) -> None:
        if not creates:
            return
        if len(self.handler.key_fields) == 1:
            self.insert_rows(creates)
            self.handler.created([fields for _, fields in creates])
        else:
            model = self.handler.model
            objects = model.objects.bulk_create(
                [model(**fields) for _, fields in creates], batch_size=BATCH_SIZE
            )
            for (line, _), obj in zip(creates, objects, strict=True):
                self.lines.created(obj.pk, line)
        self.run.summary.created[self.name] += len(creates)

    def insert_rows(self, creates: list[tuple[int, dict[str, Any]]]) -> None:
        """The hot path of a large import: COPY (PostgreSQL) or executemany, then the new primary keys.

        Values were validated and typed already; model instances would only cost time.
        """
        model = self.handler.model
        names = list(creates[0][1])
        extra = {
            f.attname: f.pre_save(model(), add=True)
            for f in model._meta.concrete_fields
            if f.attname not in names and not f.primary_key
        }
        names += list(extra)
        columns = ", ".join(connection.ops.quote_name(model._meta.get_field(n).column) for n in names)
        table = connection.ops.quote_name(model._meta.db_table)
        rows = ([*fields.values(), *extra.values()] for _, fields in creates)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is PostgreSQL's bulk path: several times faster than row INSERTs.
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(names))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
                cursor.executemany(sql, [[_db_value(v) for v in row] for row in rows])
        key = self.handler.key_fields[0]
        lines = {fields[key]: line for line, fields in creates}
        new = with_keys(model.objects.all(), key, list(lines)).values_list(key, "pk")
        for code, pk in sorted(new, key=lambda pair: pair[1]):
            self.lines.created(pk, lines[code])


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


def _db_value(value: Any) -> Any:
    """SQLite stores decimals, dates and datetimes as text, as Django's backend does."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()
    return value
