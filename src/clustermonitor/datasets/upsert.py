"""The upsert engine of an import: one batch of checked rows against what is stored.

New keys are created (in bulk), changed rows updated, unchanged ones counted; a key given
twice is refused, and so is any write the file's own rules forbid over the stored data
(`FileImport.change_problems`: closed years, the append-only ledger).
"""

from datetime import date
from typing import Any, Protocol

from django.db import IntegrityError, transaction

from clustermonitor.datasets.dbutil import (
    BATCH_SIZE,
    analyze,
    insert_rows,
    key_is_unique,
    new_keys,
    with_keys,
)
from clustermonitor.datasets.file_import import FileImport
from clustermonitor.datasets.linemap import LineMap
from clustermonitor.datasets.summary import ImportSummary
from clustermonitor.domain.messages import _


class UpsertRun(Protocol):
    """The run the engine reports to (`importer.ImportRun`): its line maps, counts, errors
    and the years closed before the import began."""

    lines: dict[str, LineMap]
    summary: ImportSummary
    closed_before: dict[int, date]
    errors: list[Any]

    def error(self, file: str, line: int, column: str, message: str) -> None: ...


def loads_empty_table(handler: FileImport) -> bool:
    """The file fills a table that holds nothing yet, under a unique key (`write_batch`)."""
    return key_is_unique(handler.model, handler.key_fields) and not handler.model._default_manager.exists()


def write_batch(
    run: UpsertRun, handler: FileImport, rows: list[tuple[int, dict[str, Any]]], *, empty_so_far: bool
) -> bool:
    """Write one batch; whether the file's table still holds only rows of distinct keys from
    this file (`empty_so_far`: it held nothing when the file began and no key came twice).

    Such a batch is inserted without first looking its keys up in the table (a query of
    every row of the batch, and the table whole for composite keys): a key an earlier batch
    already wrote makes the unique index refuse the insert, and the batch is then written
    again as any other, under a savepoint rolled back with the errors it had noted, so the
    duplicate is reported as always (`duplicate key (first at line N)`).
    """
    if empty_so_far:
        noted = len(run.errors)
        try:
            with transaction.atomic():
                Upsert(run, handler, look_up=False).write(rows)
            return True
        except IntegrityError:
            del run.errors[noted:]
    Upsert(run, handler).write(rows)
    return False


class Upsert:
    """Write one batch: create new keys, update changed rows, refuse forbidden changes."""

    def __init__(self, run: UpsertRun, handler: FileImport, *, look_up: bool = True) -> None:
        self.run, self.handler = run, handler
        self.name = handler.spec.name
        self.lines = run.lines[self.name]
        self.look_up = look_up  # False: the table holds none of the batch's keys

    def write(self, rows: list[tuple[int, dict[str, Any]]]) -> None:
        handler = self.handler
        compared = handler.compared_fields()
        stored = self.stored(rows, compared) if self.look_up else {}
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
                    self.name,
                    line,
                    handler.spec.key[-1],
                    _("duplicate key (first at line {line})", line=first),
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
            handler.model._default_manager.bulk_update(updates, names, batch_size=BATCH_SIZE)
            self.run.summary.updated[self.name] += len(updates)

    def refresh_statistics(self, created: int) -> None:
        """ANALYZE the table each time it grows tenfold (see `dbutil.analyze`)."""
        total = self.run.summary.created[self.name]
        before = total - created
        if created and (before == 0 or len(str(total)) > len(str(before))):  # crossed a power of ten
            analyze(self.handler.model)

    def stored(
        self, rows: list[tuple[int, dict[str, Any]]], compared: list[str]
    ) -> dict[tuple[Any, ...], Any]:
        """The stored rows with the batch's keys (a batch at most: no server-side cursor needed).

        Composite keys belong to small tables, read whole.
        """
        key_fields = self.handler.key_fields
        queryset = self.handler.model._default_manager.all()
        if len(key_fields) == 1:
            queryset = with_keys(queryset, key_fields[0], [f[key_fields[0]] for _, f in rows])
        return {
            tuple(row[k] for k in key_fields): (row["pk"], row) for row in queryset.values("pk", *compared)
        }

    def may_change(self, line: int, fields: dict[str, Any], *, changed: bool) -> bool:
        """The file's rules on writing over what the database held (closed years, append-only)."""
        problems = self.handler.change_problems(fields, changed=changed, closed_before=self.run.closed_before)
        for column, message in problems:
            self.run.error(self.name, line, column, message)
        return not problems

    def create(self, creates: list[tuple[int, dict[str, Any]]]) -> None:
        """The hot path of a large import: the typed values straight into the table with
        primary keys drawn first (`dbutil.new_keys`), else read back by key where the
        database does not number them (model instances would only cost time: `bulk_create`
        took a tenth of an import for the composite-key files alone)."""
        if not creates:
            return
        model = self.handler.model
        rows = [fields for _, fields in creates]
        keys = new_keys(model, len(rows))
        insert_rows(model, rows, keys)
        self.handler.created(rows)
        self.run.summary.created[self.name] += len(creates)
        if keys is not None:
            for key, (file_line, _) in zip(keys, creates, strict=True):
                self.lines.created(key, file_line)
            return
        key_fields = self.handler.key_fields
        lines = {tuple(fields[k] for k in key_fields): line for line, fields in creates}
        stored = model._default_manager.all()
        if len(key_fields) == 1:  # composite keys belong to small tables, read whole
            stored = with_keys(stored, key_fields[0], [key for (key,) in lines])
        new = []
        for row in stored.values_list(*key_fields, "pk"):
            line = lines.get(row[:-1])
            if line is not None:
                new.append((row[-1], line))
        for pk, line in sorted(new):
            self.lines.created(pk, line)
