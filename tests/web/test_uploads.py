"""Uploads as a security officer tries them: too large, zip bombs, odd compression,
encryption, stray and over-long names. Each is a clear refusal on the page, nothing is
stored, no server path is shown; kept uploads live in a private folder until decided."""

import io
import os
import stat
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.management import call_command

from clustermonitor.web.accounts import user_create
from tests.datasets.helpers import snapshot
from tests.web.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db
CLUSTERS = (
    "code,name,type,recognised_on,pact_start_year,pact_end_year\nNEW,New cluster,ibn,2020-01-01,2020,2024\n"
)


@pytest.fixture
def analyst() -> None:
    """An analyst in an empty database: the upload imports into nothing but itself."""
    user_create("analyst", role="analyst", password=PASSWORD)


@pytest.fixture(autouse=True)
def upload_dir(settings: LazySettings, tmp_path: Path) -> Path:
    settings.DATASET_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


def zipped(files: dict[str, bytes | str], name: str = "dataset.zip", **options: Any) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", **options) as archive:
        for member, content in files.items():
            archive.writestr(member, content)
    buffer.seek(0)
    buffer.name = name
    return buffer


def patched(buffer: io.BytesIO, *, method: int | None = None, flags: int | None = None) -> io.BytesIO:
    """The zip with each entry's compression method or flag bits rewritten in its headers."""
    data = bytearray(buffer.getvalue())
    for signature, method_at, flags_at in ((b"PK\x03\x04", 8, 6), (b"PK\x01\x02", 10, 8)):
        at = data.find(signature)
        while at != -1:
            if method is not None:
                data[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
            if flags is not None:
                data[at + flags_at : at + flags_at + 2] = flags.to_bytes(2, "little")
            at = data.find(signature, at + 4)
    out = io.BytesIO(bytes(data))
    out.name = buffer.name
    return out


def upload(file: io.BytesIO) -> str:
    response = client_for("analyst").post("/import/", {"dataset": file, "lang": "en"}, QUERY_STRING="lang=en")
    assert response.status_code == 200
    return response.content.decode()


def stored(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


def refused(analyst: None, upload_dir: Path, file: io.BytesIO, message: str) -> None:
    before = snapshot()
    page = upload(file)
    assert message in page
    assert "Confirm the import" not in page
    assert stored(upload_dir) == []
    assert snapshot() == before
    assert str(upload_dir) not in page and tempfile.gettempdir() + "/" not in page


def test_a_file_over_the_size_limit_is_refused(
    analyst: None, upload_dir: Path, settings: LazySettings
) -> None:
    settings.DATASET_UPLOAD_MAX_SIZE = 1000
    big = zipped({"clusters.csv": CLUSTERS + "x" * 2000}, compression=zipfile.ZIP_STORED)
    refused(analyst, upload_dir, big, "The file is larger than the 0 MB an upload may have.")


def test_the_size_limit_comes_from_the_environment() -> None:
    from django.conf import settings

    assert int(os.environ.get("DATASET_UPLOAD_MAX_SIZE", 200 * 1024**2)) == settings.DATASET_UPLOAD_MAX_SIZE


def test_a_zip_bomb_is_refused_by_its_ratio(analyst: None, upload_dir: Path) -> None:
    bomb = zipped({"clusters.csv": CLUSTERS + " " * 5_000_000}, compression=zipfile.ZIP_DEFLATED)
    refused(analyst, upload_dir, bomb, "clusters.csv in the zip inflates too much")


def test_the_total_unpacked_size_is_limited(analyst: None, upload_dir: Path, settings: LazySettings) -> None:
    settings.DATASET_UPLOAD_MAX_UNPACKED = 1024**2
    files = {"clusters.csv": CLUSTERS, "projects.csv": os.urandom(700_000), "ledger.csv": os.urandom(700_000)}
    refused(analyst, upload_dir, zipped(files), "The zip unpacks to more than 1 MB")


def test_deflate64_is_refused(analyst: None, upload_dir: Path) -> None:
    refused(
        analyst,
        upload_dir,
        patched(zipped({"clusters.csv": CLUSTERS}), method=9),
        "compression that is not supported",
    )


def test_an_encrypted_entry_is_refused(analyst: None, upload_dir: Path) -> None:
    refused(
        analyst,
        upload_dir,
        patched(zipped({"clusters.csv": CLUSTERS}), flags=1),
        "clusters.csv in the zip is encrypted",
    )


def test_a_250_character_name_is_refused(analyst: None, upload_dir: Path) -> None:
    refused(
        analyst,
        upload_dir,
        zipped({"clusters.csv": CLUSTERS}, name="x" * 246 + ".zip"),
        "longer than 200 characters",
    )


def test_only_contract_files_are_taken_from_a_zip(analyst: None, upload_dir: Path) -> None:
    files = {
        "export/clusters.csv": CLUSTERS,
        "../../evil.csv": "x",
        "notes.txt": "x",
        "x" * 240 + ".csv": "x",
    }
    page = upload(zipped(files))

    assert "Confirm the import" in page
    kept = [p.name for p in stored(upload_dir) if p.is_file()]
    assert kept == ["clusters.csv"]


def test_kept_uploads_are_private_and_not_in_the_shared_tmp(analyst: None, upload_dir: Path) -> None:
    upload(zipped({"clusters.csv": CLUSTERS}))

    assert stat.S_IMODE(upload_dir.stat().st_mode) == 0o700
    for path in stored(upload_dir):
        if path.is_dir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o700
    from clustermonitor import settings as defaults

    assert not defaults.DATASET_UPLOAD_DIR.startswith(tempfile.gettempdir())


def test_an_upload_is_deleted_once_the_import_is_decided(analyst: None, upload_dir: Path) -> None:
    client = client_for("analyst")
    broken = zipped({"clusters.csv": "code,name\n"})
    client.post("/import/", {"dataset": broken})
    assert stored(upload_dir) == []  # refused dry run: nothing kept

    client.post("/import/", {"dataset": zipped({"clusters.csv": CLUSTERS})})
    assert stored(upload_dir) != []  # waiting for the confirmation
    client.post("/import/", {"confirm": "1"})
    assert stored(upload_dir) == []


def test_a_failure_message_shows_no_server_path(analyst: None, upload_dir: Path) -> None:
    workbook = io.BytesIO(b"PK\x03\x04 not really a workbook")
    workbook.name = "data.xlsx"
    page = upload(workbook)

    assert str(upload_dir) not in page and "/upload.xlsx" not in page
    assert stored(upload_dir) == []


def test_the_cleanup_command_deletes_old_uploads(analyst: None, upload_dir: Path) -> None:
    upload(zipped({"clusters.csv": CLUSTERS}))
    (waiting,) = [p for p in upload_dir.iterdir()]
    old = time.time() - 48 * 3600
    os.utime(waiting, (old, old))
    out = io.StringIO()

    call_command("cleanuploads", stdout=out)

    assert out.getvalue().strip() == "1 upload(s) deleted"
    assert stored(upload_dir) == []
