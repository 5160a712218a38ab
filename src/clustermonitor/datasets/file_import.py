"""What every contract file's import shares: the `FileImport` base (row rules, the model
fields a row writes, what a row may not change over the stored data) and `ImportState`,
what the run tells the files about the other files and the database.

The files themselves are in `files_reference` and `files_budget`; `files.IMPORTS` lists
them in dependency order. Cross-row rules (sums, ledger balances) run afterwards over the
stored result in `validation`.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from django.db import models
from django.db.models import QuerySet

from clustermonitor.datasets import contract
from clustermonitor.domain import rules
from clustermonitor.domain.messages import _

Values = dict[str, Any]
Problem = rules.Problem


class ImportState(Protocol):
    """What earlier files (merged with the database) say, for a later file's rules."""

    clusters: dict[str, tuple[int, rules.ClusterFacts]]
    project_types: dict[str, tuple[int, bool]]
    kpis: dict[str, int]
    invalid: dict[str, set[str]]  # per file, the keys of rows refused
    closed_on: dict[int, date]  # the closed years as the import goes

    def parameter(self, key: str) -> Decimal: ...


class RefersToInvalid(Exception):
    """The row refers to a row already reported invalid: skipped without a second error."""


class FileImport:
    spec: ClassVar[contract.FileSpec]
    model: ClassVar[type[models.Model]]
    key_fields: ClassVar[tuple[str, ...]]  # model fields that make the key
    year_field: ClassVar[str | None] = None  # rows of a closed year may not change

    def __init__(self, run: ImportState) -> None:
        self.run = run

    def prepare(self, batch: Sequence[tuple[int, Values]]) -> None:
        """Fetch what the batch's rows refer to, in one query, before checking them."""

    def problems(self, v: Values) -> list[Problem]:
        return []

    def fields(self, v: Values) -> dict[str, Any]:
        raise NotImplementedError

    def compared_fields(self) -> list[str]:
        return [f.attname for f in self.model._meta.concrete_fields if not f.primary_key]

    def created(self, rows: Sequence[dict[str, Any]]) -> None:
        """After the rows' fields were inserted in bulk (no model save): keep what derives from them."""

    def finish(self) -> None:
        """After the file's last batch (in the import's transaction): write what was kept up."""

    def change_problems(
        self, fields: dict[str, Any], *, changed: bool, closed_before: dict[int, date]
    ) -> list[Problem]:
        """Writing this row over what the database held: no row of a closed year is added
        or changed (closed before the import began). The one closed-year rule and message
        (`domain.rules.closed_year_problems`), as the services and the web give it."""
        year = fields.get(self.year_field) if self.year_field else None
        if year is None:
            return []
        return rules.closed_year_problems(year, closed_before.get(year), self.year_field or "year")

    def removable(self, *, closed_before: dict[int, date]) -> QuerySet[Any] | None:
        """The stored rows --replace may remove when the dataset no longer holds them: all
        but those of a closed year; None when none may go."""
        rows = self.model._default_manager.all()
        if self.year_field:
            rows = rows.exclude(**{f"{self.year_field}__in": list(closed_before)})
        return rows

    # helpers
    def cluster_problems(self, code: str, column: str = "cluster") -> list[Problem]:
        if code in self.run.clusters:
            return []
        self.refuse_if_invalid(contract.CLUSTERS, code)
        return [(column, _("unknown cluster {code}", code=code))]

    def refuse_if_invalid(self, spec: contract.FileSpec, key: str | None) -> None:
        if key is not None and key in self.run.invalid[spec.name]:
            raise RefersToInvalid(key)
