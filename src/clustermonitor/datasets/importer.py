"""Import a whole dataset: all or nothing, every error at once, upsert by key.

The run walks the contract files in dependency order. Each record is parsed, checked
against its row rules (with what earlier files and the database hold) and upserted in
batches inside one transaction; cross-row rules (allocation sums, ledger balances) are
then checked over the stored result. Any error rolls the whole transaction back.

This module is the run; `upsert` writes a batch against what is stored, `dbutil` holds
the bulk insert and key look-ups per database; each file's rules are in `files_reference`
and `files_budget` (their base, `file_import`), listed in order in `files`. What a file
forbids over the stored data is its `change_problems`: a closed year's rows (the one
closed-year rule of `domain.rules`) and, for the ledger, any change (append-only).
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError

from clustermonitor.budget.models import LedgerBalance
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.datasets import contract, validation
from clustermonitor.datasets.dbutil import BATCH_SIZE, analyze, indexes_built_after, plan_for_cached_tables
from clustermonitor.datasets.errors import DatasetInvalid, RuleError
from clustermonitor.datasets.file_import import FileImport, RefersToInvalid, Values
from clustermonitor.datasets.files import IMPORTS
from clustermonitor.datasets.linemap import LineMap
from clustermonitor.datasets.progress import Progress
from clustermonitor.datasets.readers import Dataset, ReadError, SourceFile
from clustermonitor.datasets.summary import COMMIT, CROSS_ROW, TALLIES, ImportSummary
from clustermonitor.datasets.upsert import loads_empty_table, write_batch
from clustermonitor.datasets.values import NOT_CHOSEN, PARSERS, BadValue, parse, parsed_choices
from clustermonitor.domain import rules
from clustermonitor.domain.messages import _
from clustermonitor.domain.parameters import DEFAULTS
from clustermonitor.kernel.facts import cluster_facts
from clustermonitor.kernel.models import Parameter
from clustermonitor.kernel.selectors import closed_years
from clustermonitor.kpis.models import Kpi
from clustermonitor.projects.models import ProjectTally, ProjectType
from clustermonitor.projects.tallies import tallies_rebuild
from clustermonitor.projects.tally_sql import rebuilt_later


def dataset_import(
    source: Path, *, dry_run: bool = False, replace: bool = False, progress: bool = False
) -> ImportSummary:
    """Validate and upsert a dataset in one transaction; raises DatasetInvalid."""
    dataset = Dataset(source)
    summary = ImportSummary(dry_run=dry_run)
    with cyclic_gc_paused(), transaction.atomic():
        plan_for_cached_tables()
        run = ImportRun(dataset, summary, replace=replace, progress=Progress(enabled=progress))
        run.execute()
        if run.errors:
            raise DatasetInvalid(run.errors)
        if dry_run:
            transaction.set_rollback(True)
        else:
            data_changed()
        ending = time.perf_counter()
    summary.timings[COMMIT] = time.perf_counter() - ending
    return summary


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off for the import, then as it was.

    An import makes tens of millions of objects and no reference cycles to speak of: at
    1M projects the collector ran 32,000 times for 2.9 s of a 122 s import (its full
    collections walking ever more live objects) and freed 113 objects. Reference counting
    frees everything else as before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        self.empty_so_far: dict[str, bool] = {}  # per file: see `upsert.write_batch`
        # What the database held before: closed years may not change.
        self.closed_before = closed_years()
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
        self.closed_on = closed_years()

    def parameter(self, key: str) -> Decimal:
        return self.parameters.get(key, DEFAULTS[key])

    def error(self, file: str, line: int, column: str, message: str) -> None:
        self.errors.append(RuleError(file, line, column, message))

    def execute(self) -> None:
        for name in self.dataset.unknown_names():
            self.summary.warnings.append(_("{file}: not a contract file, ignored", file=name))
        for file_import in (cls(self) for cls in IMPORTS):
            started = time.perf_counter()
            self.import_file(file_import)
            self.refresh()
            self.summary.timings[file_import.spec.name] = time.perf_counter() - started
        started = time.perf_counter()
        with rebuilt_later():
            self.delete_missing()
        unknown_budgets = self.invalid[contract.BUDGETS.name]
        self.errors += validation.cross_row_errors(self.lines, unknown_budgets=unknown_budgets)
        self.summary.timings[CROSS_ROW] = time.perf_counter() - started
        if not self.errors:  # the projects were written with plain SQL: count them again
            started = time.perf_counter()
            tallies_rebuild()
            # the kept sums every yearly report reads: planned from their new statistics (with
            # none, PostgreSQL took the tallies for 3 rows and sorted 6,000 to group them)
            for kept in (ProjectTally, LedgerBalance):
                analyze(kept)
            self.summary.timings[TALLIES] = time.perf_counter() - started

    def import_file(self, handler: FileImport) -> None:
        spec = handler.spec
        try:
            source = self.dataset.open(spec)
            if source is None:
                self.file_missing(handler)
                return
            self.empty_so_far[spec.name] = loads_empty_table(handler)
            with indexes_built_after(handler.model):
                self.import_records(handler, source)
                handler.finish()
        except ReadError as exc:
            self.error(exc.file, exc.line, exc.column, exc.message)
            return
        if self.replace:
            self.plan_deletions(handler)

    def file_missing(self, handler: FileImport) -> None:
        name = handler.spec.name
        if name in contract.REQUIRED_FILES:
            self.error(name, 0, "-", _("required file missing"))
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
                self.error(spec.name, 1, name, _("column given twice"))
                ok = False
            seen.add(name)
            if name not in spec.column_names:
                self.error(spec.name, 1, name, _("unknown column"))
        for column in spec.columns:
            if column.required and column.name not in seen:
                self.error(spec.name, 1, column.name, _("required column missing"))
                ok = False
        return ok

    def import_records(self, handler: FileImport, source: SourceFile) -> None:
        spec = handler.spec
        if not self.header_ok(spec, source.header):
            return
        index = {name: i for i, name in enumerate(source.header)}
        # Per column, once per file: where its cell is and how it is parsed (a column with
        # choices: each choice parsed once, here).
        plan = [
            (column, index.get(column.name), PARSERS[column.kind], parsed_choices(column))
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
        plan: Sequence[tuple[contract.Column, int | None, Callable[[str], object], dict[str, object]]],
    ) -> Values | None:
        if len(cells) != len(index):
            self.error(
                spec.name,
                line,
                "-",
                _("{count} fields where the header has {expected}", count=len(cells), expected=len(index)),
            )
            return None
        values: Values = {}
        ok = True
        for column, position, parser, choices in plan:
            text = cells[position] if position is not None else ""
            if text == "":
                values[column.name] = None
                if column.required:
                    self.error(spec.name, line, column.name, _("required value missing"))
                    ok = False
                continue
            try:
                # values.parse, with the column's parser and choices looked up once per file
                value = choices.get(text, NOT_CHOSEN) if choices else parser(text)
                values[column.name] = parse(column, text) if value is NOT_CHOSEN else value
            except BadValue as exc:
                self.error(spec.name, line, column.name, exc.args[0])
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
        name = handler.spec.name
        self.empty_so_far[name] = write_batch(self, handler, checked, empty_so_far=self.empty_so_far[name])

    def plan_deletions(self, handler: FileImport) -> None:
        """--replace: rows the dataset no longer holds go, except closed years and the ledger."""
        queryset = handler.removable(closed_before=self.closed_before)
        if queryset is None:
            return
        lines = self.lines[handler.spec.name]
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
                        handler.model._default_manager.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()
            except ProtectedError as exc:
                blocker = next(iter(exc.protected_objects))
                self.error(
                    handler.spec.name,
                    0,
                    "-",
                    _(
                        "--replace would remove rows still referenced by stored data ({record})",
                        record=f"{blocker._meta.verbose_name} {blocker}",
                    ),
                )
                continue
            self.summary.deleted[handler.spec.name] += len(pks)
