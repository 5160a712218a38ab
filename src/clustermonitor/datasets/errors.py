"""Errors as data: every breach of a dataset, reported at once with its place."""

from dataclasses import dataclass

from clustermonitor.datasets import contract

FILE_ORDER = {spec.name: index for index, spec in enumerate(contract.FILES)}


@dataclass(frozen=True, slots=True)
class RuleError:
    """One breach, printed as `FILE:LINE: column COLUMN: message`."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: column {self.column}: {self.message}"

    def sort_key(self) -> tuple[int, str, int]:
        return (FILE_ORDER.get(self.file, -1), self.file, self.line)


class DatasetInvalid(Exception):
    """The dataset breaks the contract; nothing was written."""

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__(f"{len(errors)} error(s) in the dataset")
        self.errors = sorted(errors, key=RuleError.sort_key)
