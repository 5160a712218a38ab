"""Import and export of whole datasets in the contract format (CSV folder or XLSX).

(Interface fixed first; implementation lands with the importer.)
"""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RuleError:
    """One breach, printed as `FILE:LINE: column COLUMN: message`."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: column {self.column}: {self.message}"


class DatasetInvalid(Exception):
    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def dataset_import(
    source: Path, *, dry_run: bool = False, replace: bool = False, progress: bool = False
) -> ImportSummary:
    """Validate and upsert a dataset in one transaction; raises DatasetInvalid."""
    raise NotImplementedError


def dataset_export(target: Path, *, fmt: str = "csv") -> None:
    """Write the whole dataset in the contract's canonical export form."""
    raise NotImplementedError
