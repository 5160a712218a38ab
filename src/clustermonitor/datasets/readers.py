"""Reading a dataset: a folder of CSV files or one XLSX workbook, as raw text records.

A reader yields, per contract file present, its header and its records as
`(line, [cell text, ...])`, streaming, so a million-row file never sits in memory.
LINE is the CSV line where the record starts (header = 1) or the sheet row.
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from clustermonitor.datasets import contract

RawRecord = tuple[int, list[str]]


class ReadError(Exception):
    """The file cannot be read as the contract says (encoding, structure)."""

    def __init__(self, file: str, line: int, column: str, message: str) -> None:
        super().__init__(message)
        self.file, self.line, self.column, self.message = file, line, column, message


@dataclass
class SourceFile:
    """One contract file of a dataset: its header and a way to stream its records."""

    name: str
    size: int
    header: list[str] = field(default_factory=list)
    _records: Iterator[RawRecord] | None = None
    position: Callable[[], int] = lambda: 0  # bytes read so far, for progress

    def records(self) -> Iterator[RawRecord]:
        assert self._records is not None
        return self._records


class Dataset:
    """A dataset on disk; `files()` opens each contract file present, in contract order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        self.is_workbook = path.is_file()
        self._present: set[str] | None = None
        if self.is_workbook and path.suffix.lower() != ".xlsx":
            raise ValueError(f"{path}: a dataset is a folder of CSV files or an .xlsx workbook")

    def present(self) -> set[str]:
        """The file (or sheet) names the dataset holds, read once."""
        if self._present is None:
            if self.is_workbook:
                self._present = {f"{name}.csv" for name in _workbook_sheets(self.path)}
            else:
                self._present = {p.name for p in self.path.iterdir() if p.is_file()}
        return self._present

    def unknown_names(self) -> list[str]:
        """Files (or sheets) the contract does not name: ignored with a warning."""
        return sorted(n for n in self.present() if n not in contract.BY_NAME)

    def open(self, spec: contract.FileSpec) -> SourceFile | None:
        if spec.name not in self.present():
            return None
        if self.is_workbook:
            return _open_sheet(self.path, spec.name)
        return _open_csv(self.path / spec.name)


def _open_csv(path: Path) -> SourceFile:
    """Stream a CSV file; a bad UTF-8 byte is located by a second, binary pass."""
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.reader(text, strict=True)
    source = SourceFile(path.name, path.stat().st_size, position=raw.tell)
    try:
        source.header = _next_record(reader, path)[1]
    except StopIteration:
        source.header = []
    source._records = _csv_records(reader, path, raw)
    return source


def _next_record(reader: "csv._reader", path: Path) -> RawRecord:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except UnicodeDecodeError:
            raise _bad_utf8(path) from None
        except csv.Error as exc:
            raise ReadError(path.name, start, "-", f"not valid CSV: {exc}") from None
        if row:  # blank lines are skipped
            return start, row


def _csv_records(reader: "csv._reader", path: Path, raw: io.BufferedReader) -> Iterator[RawRecord]:
    try:
        while True:
            try:
                record = _next_record(reader, path)
            except StopIteration:
                return
            yield record
    finally:
        raw.close()


def _bad_utf8(path: Path) -> ReadError:
    """Name the line and column of the first byte that is not UTF-8."""
    data = path.read_bytes()
    start = 3 if data.startswith(codecs.BOM_UTF8) else 0
    try:
        data[start:].decode("utf-8")
        position = len(data)
    except UnicodeDecodeError as exc:
        position = start + exc.start
    line_start = data.rfind(b"\n", 0, position) + 1
    line = data.count(b"\n", 0, position) + 1
    prefix = data[line_start:position].decode("utf-8", errors="replace")
    field_index = len(next(csv.reader([prefix]), [""])) - 1 if prefix else 0
    header_bytes = data[start : data.find(b"\n", start) if b"\n" in data[start:] else len(data)]
    header = next(csv.reader([header_bytes.decode("utf-8", errors="replace").rstrip("\r")]), [])
    column = header[field_index] if line > 1 and field_index < len(header) else "-"
    return ReadError(
        path.name, line, column, f"not valid UTF-8 (byte 0x{data[position]:02x} at offset {position})"
    )


def _workbook_sheets(path: Path) -> list[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_sheet(path: Path, name: str) -> SourceFile:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook[name.removesuffix(".csv")]
    rows = sheet.iter_rows(values_only=True)
    source = SourceFile(name, path.stat().st_size)
    source.header = [cell_text(c) for c in next(rows, ())]
    while source.header and source.header[-1] == "":
        source.header.pop()
    source._records = _sheet_records(rows, len(source.header), workbook)
    return source


def _sheet_records(rows: Iterator[tuple[object, ...]], width: int, workbook: object) -> Iterator[RawRecord]:
    try:
        for number, row in enumerate(rows, start=2):
            cells = [cell_text(c) for c in row]
            if not any(cells):
                continue
            while len(cells) > width and cells[-1] == "":
                cells.pop()
            cells += [""] * (width - len(cells))  # a sheet does not store trailing empty cells
            yield number, cells
    finally:
        workbook.close()  # type: ignore[attr-defined]


def cell_text(value: object) -> str:
    """A workbook cell as the text the CSV form would hold: same value, same meaning."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
