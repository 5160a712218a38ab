"""Reading a dataset: a folder of CSV files or one XLSX workbook, as raw text records.

A reader yields, per contract file present, its header and its records as
`(line, [cell text, ...])`, streaming, so a million-row file never sits in memory.
LINE is the CSV line where the record starts (header = 1) or the sheet row.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clustermonitor.datasets import contract
from clustermonitor.domain.messages import _

if TYPE_CHECKING:  # the type csv.reader returns exists for type checkers only
    from _csv import Reader as CsvReader

RawRecord = tuple[int, list[str]]

# A workbook is a zip archive; one that would inflate beyond these is refused before
# openpyxl opens it (a zip bomb). Sheet XML compresses 10-30x; a bomb, 1000x and more.
XLSX_MAX_UNCOMPRESSED = 4 * 1024**3
XLSX_MAX_RATIO = 200
XLSX_RATIO_FROM = 50 * 1024**2  # members smaller than this may compress as well as they like
# A CSV field longer than this (characters) is refused as "not valid CSV": text is
# unbounded by the contract, but one cell of more than 16 MiB is a broken file, not data.
FIELD_SIZE_LIMIT = 16 * 1024**2


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
        if self.is_workbook:
            _check_workbook(path)

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
    csv.field_size_limit(FIELD_SIZE_LIMIT)  # the same for every run, whatever else set it to
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


def _next_record(reader: "CsvReader", path: Path) -> RawRecord:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except UnicodeDecodeError:
            raise _bad_utf8(path) from None
        except csv.Error as exc:
            raise ReadError(path.name, start, "-", _("not valid CSV: {reason}", reason=str(exc))) from None
        if row:  # blank lines are skipped
            return start, row


def _csv_records(reader: "CsvReader", path: Path, raw: io.BufferedReader) -> Iterator[RawRecord]:
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
    field_index = len(_cells(prefix) or [""]) - 1 if prefix else 0
    header_bytes = data[start : data.find(b"\n", start) if b"\n" in data[start:] else len(data)]
    header = _cells(header_bytes.decode("utf-8", errors="replace").rstrip("\r"))
    column = header[field_index] if line > 1 and field_index < len(header) else "-"
    return ReadError(
        path.name,
        line,
        column,
        _("not valid UTF-8 (byte 0x{byte:02x} at offset {offset})", byte=data[position], offset=position),
    )


def _check_workbook(path: Path) -> None:
    """Refuse, as ValueError, a file that is no zip archive or would inflate absurdly."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ValueError(f"{path}: not a valid .xlsx workbook ({exc})") from None
    total = sum(m.file_size for m in members)
    bomb = any(
        m.file_size > XLSX_RATIO_FROM and m.file_size > XLSX_MAX_RATIO * m.compress_size for m in members
    )
    if total > XLSX_MAX_UNCOMPRESSED or bomb:
        raise ValueError(f"{path}: refused: the workbook would inflate to {total} bytes (a zip bomb?)")


def _cells(text: str) -> list[str]:
    """One line's cells, as well as they can be told (a stray CR or NUL: none)."""
    try:
        return next(csv.reader([text]), [])
    except csv.Error:
        return []


def _workbook_sheets(path: Path) -> list[str]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken archive
        raise ValueError(f"{path}: not a valid .xlsx workbook ({type(exc).__name__}: {exc})") from None
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_sheet(path: Path, name: str) -> SourceFile:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook[name.removesuffix(".csv")]
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, ())
    except Exception as exc:  # a broken sheet: XML, styles, shared strings
        raise ReadError(
            name, 1, "-", _("not a readable sheet ({reason})", reason=f"{type(exc).__name__}: {exc}")
        ) from None
    source = SourceFile(name, path.stat().st_size)
    source.header = [cell_text(c) for c in first]
    while source.header and source.header[-1] == "":
        source.header.pop()
    source._records = _sheet_records(rows, len(source.header), workbook, name)
    return source


def _sheet_records(
    rows: Iterator[tuple[object, ...]], width: int, workbook: object, name: str
) -> Iterator[RawRecord]:
    number = 1
    try:
        while True:
            number += 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # a broken row: bad XML, a bad cell value
                raise ReadError(
                    name,
                    number,
                    "-",
                    _("not a readable sheet ({reason})", reason=f"{type(exc).__name__}: {exc}"),
                ) from None
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
