"""Bad files: whatever bytes arrive, an import ends in a clean refusal and writes nothing.

Hypothesis feeds the CSV and XLSX readers random bytes, wrong encodings, huge fields and
formulas; hand-made cases add a zip bomb, broken workbooks and files of 100 MB (made on
the fly, sparse or streamed, so the suite stays fast). The import must either succeed or
raise a `CommandError` (from DatasetInvalid or a refused file): never another exception,
and never a row written when it fails.
"""

import csv
import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from clustermonitor.datasets import readers
from tests.datasets.helpers import snapshot

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CLUSTERS = "code,name,type,recognised_on,pact_start_year,pact_end_year\n"
GOOD_CLUSTER = "VIL,Flanders Logistics,spearhead,2017-01-01,2017,2026\n"


def attempt(path: Path) -> bool:
    """Import PATH; True if it was imported, False if cleanly refused (nothing written)."""
    before = snapshot()
    try:
        call_command("import", str(path), "--quiet", stdout=StringIO(), stderr=StringIO())
    except CommandError:
        assert snapshot() == before, "a refused import wrote something"
        return False
    return True


def dataset(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        child.unlink()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


@FUZZ
@given(content=st.binary(max_size=2000))
def test_random_bytes_as_a_csv_file_are_refused_cleanly(tmp_path: Path, content: bytes) -> None:
    assert not attempt(dataset(tmp_path / "d", {"clusters.csv": content}))


@FUZZ
@given(content=st.binary(max_size=2000))
def test_random_bytes_after_a_valid_header_are_refused_cleanly(tmp_path: Path, content: bytes) -> None:
    # a good clusters.csv, then random bytes after its header: a row that is no cluster
    files = {"clusters.csv": (CLUSTERS + GOOD_CLUSTER).encode() + b"\xff" + content}
    assert not attempt(dataset(tmp_path / "d", files))


@FUZZ
@given(
    text=st.text(max_size=300),
    encoding=st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252"]),
)
def test_text_in_a_wrong_encoding_is_refused_cleanly(tmp_path: Path, text: str, encoding: str) -> None:
    # "é " is not UTF-8 in any of these encodings, wherever the random text leads
    content = (CLUSTERS + GOOD_CLUSTER + "é " + text).encode(encoding, errors="replace")
    assert not attempt(dataset(tmp_path / "d", {"clusters.csv": content}))


@FUZZ
@given(
    cells=st.lists(
        st.one_of(
            st.text(max_size=50),
            st.sampled_from(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", '=HYPERLINK("x")', "\x00"]),
        ),
        min_size=7,
        max_size=7,
    )
)
def test_formulas_and_odd_cells_are_values_or_errors_never_a_crash(tmp_path: Path, cells: list[str]) -> None:
    row = io.StringIO()
    csv.writer(row, lineterminator="\n").writerow(cells)
    if attempt(dataset(tmp_path / "d", {"clusters.csv": (CLUSTERS + row.getvalue()).encode()})):
        from clustermonitor.clusters.models import Cluster

        stored = Cluster.objects.get()  # imported: the cells are stored as the text they were
        assert [stored.code, stored.name] == cells[:2]


@FUZZ
@given(content=st.binary(max_size=3000))
def test_random_bytes_as_a_workbook_are_refused_cleanly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(content)
    assert not attempt(path)


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "clusters"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@FUZZ
@given(cut=st.integers(min_value=1, max_value=10_000), flips=st.lists(st.integers(0, 10_000), max_size=5))
def test_a_damaged_workbook_is_refused_cleanly(tmp_path: Path, cut: int, flips: list[int]) -> None:
    good = bytearray(_workbook([CLUSTERS.strip().split(","), GOOD_CLUSTER.strip().split(",")]))
    for at in flips:
        good[at % len(good)] ^= 0xFF
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(good[: len(good) - 1 - cut % (len(good) - 1)]))  # at least its last byte cut
    assert not attempt(path)


def test_a_valid_workbook_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "good.xlsx"
    path.write_bytes(_workbook([CLUSTERS.strip().split(","), GOOD_CLUSTER.strip().split(",")]))
    assert attempt(path)


def test_a_zip_bomb_workbook_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    good = zipfile.ZipFile(io.BytesIO(_workbook([["code"]])))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in good.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item, good.read(item))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(readers.XLSX_RATIO_FROM // len(chunk) + 8):  # > 50 MB of blanks, ~60 kB zipped
                sheet.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(CommandError, match="zip bomb"):
        call_command("import", str(path), "--quiet", stdout=StringIO(), stderr=StringIO())


def test_a_huge_field_is_refused_cleanly(tmp_path: Path) -> None:
    title = "x" * (readers.FIELD_SIZE_LIMIT + 1)
    files = {"clusters.csv": (CLUSTERS + f"VIL,{title},spearhead,2017-01-01,2017,2026\n").encode()}
    assert not attempt(dataset(tmp_path / "d", files))


def test_a_100_mb_file_of_zero_bytes_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    with (folder / "clusters.csv").open("wb") as sparse:
        sparse.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NUL bytes, nothing on disk
    assert not attempt(folder)


def test_a_100_mb_line_without_an_end_is_refused_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    with (folder / "clusters.csv").open("wb") as big:
        big.write(CLUSTERS.encode())
        chunk = b"A" * (1024 * 1024)
        for _ in range(100):
            big.write(chunk)
    assert not attempt(folder)
