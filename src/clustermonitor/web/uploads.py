"""Uploaded datasets, kept safely until the import is decided.

- Refused before anything is stored: a file over DATASET_UPLOAD_MAX_SIZE, a name over
  MAX_NAME characters, a type other than .zip or .xlsx.
- A .zip yields only the contract's CSV files (by name, in any folder of the zip); every
  other entry is left in the zip. Refused: entries packed with other than stored or
  deflate (e.g. Deflate64), encrypted entries, an entry inflating more than MAX_RATIO
  times, more than DATASET_UPLOAD_MAX_UNPACKED bytes in all (counted while unpacking,
  not trusted from the zip's headers), the same file twice.
- Kept in settings.DATASET_UPLOAD_DIR (0700, not the shared /tmp) under a random token;
  deleted when the import is decided (a refused dry run, a confirmation), or by
  `clustermonitor cleanuploads` after DATASET_UPLOAD_KEEP_HOURS.
- Messages name the uploaded file, never a server path.
"""

import shutil
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from clustermonitor.datasets.contract import BY_NAME

MAX_NAME = 200
MAX_RATIO = 100
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
CHUNK = 1024 * 1024


class UploadRefused(ValueError):
    """An upload refused before it reached the import; the message is for the reader."""


def upload_root() -> Path:
    root = Path(settings.DATASET_UPLOAD_DIR)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    root.chmod(0o700)
    return root


def upload_store(upload: Any) -> tuple[str, Path]:
    """Check and keep the upload; returns its token and the dataset path to import."""
    name = Path(str(getattr(upload, "name", ""))).name
    if len(name) > MAX_NAME:
        raise UploadRefused(_("The file name is longer than %(n)s characters.") % {"n": MAX_NAME})
    if upload.size > settings.DATASET_UPLOAD_MAX_SIZE:
        raise UploadRefused(
            _("The file is larger than the %(mb)s MB an upload may have.")
            % {"mb": settings.DATASET_UPLOAD_MAX_SIZE // 1024**2}
        )
    suffix = Path(name).suffix.lower()
    if suffix not in (".zip", ".xlsx"):
        raise UploadRefused(_("upload a .zip of CSV files or an .xlsx workbook"))
    token = uuid.uuid4().hex
    folder = upload_root() / token
    folder.mkdir(mode=0o700)
    try:
        target = folder / f"upload{suffix}"  # never the sender's name on disk
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        if suffix == ".xlsx":
            return token, target
        _unpack(target, folder / "dataset")
        target.unlink()
        return token, folder / "dataset"
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _unpack(archive_path: Path, dataset: Path) -> None:
    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile:
        raise UploadRefused(_("The file is not a readable .zip archive.")) from None
    with archive:
        wanted = [m for m in archive.infolist() if not m.is_dir() and Path(m.filename).name in BY_NAME]
        for member in wanted:
            _check_member(member)
        names = [Path(m.filename).name for m in wanted]
        if len(set(names)) != len(names):
            raise UploadRefused(_("The zip holds a contract file more than once."))
        dataset.mkdir(mode=0o700)
        budget = settings.DATASET_UPLOAD_MAX_UNPACKED
        for member in wanted:
            budget = _extract(archive, member, dataset / Path(member.filename).name, budget)


def _check_member(member: zipfile.ZipInfo) -> None:
    shown = Path(member.filename).name
    if member.flag_bits & 0x1:
        raise UploadRefused(_("%(file)s in the zip is encrypted: upload it unencrypted.") % {"file": shown})
    if member.compress_type not in ZIP_METHODS:
        raise UploadRefused(
            _("%(file)s in the zip uses a compression that is not supported (only deflate or none).")
            % {"file": shown}
        )
    if member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise UploadRefused(_("%(file)s in the zip inflates too much (a zip bomb?).") % {"file": shown})


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, budget: int) -> int:
    """Copy one entry, counting what it really inflates to; returns the budget left."""
    written = 0
    with archive.open(member) as source, target.open("wb") as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > budget or written > MAX_RATIO * max(member.compress_size, 1):
                raise UploadRefused(
                    _("The zip unpacks to more than %(mb)s MB: upload fewer or smaller files.")
                    % {"mb": settings.DATASET_UPLOAD_MAX_UNPACKED // 1024**2}
                )
            out.write(chunk)
    return budget - written


def upload_path(token: str) -> Path | None:
    """The dataset kept under `token`, if it is still there."""
    if not token.isalnum():
        return None
    folder = Path(settings.DATASET_UPLOAD_DIR) / token
    for candidate in (folder / "dataset", folder / "upload.xlsx"):
        if candidate.exists():
            return candidate
    return None


def upload_delete(token: str) -> None:
    if token.isalnum():
        shutil.rmtree(Path(settings.DATASET_UPLOAD_DIR) / token, ignore_errors=True)


def uploads_expired_delete(hours: float) -> int:
    """Delete uploads older than `hours`; returns how many."""
    root = upload_root()
    deadline = time.time() - hours * 3600
    old = [folder for folder in root.iterdir() if folder.stat().st_mtime < deadline]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return len(old)


def without_paths(text: str, path: Path) -> str:
    """A message with the upload's server folder taken out."""
    return text.replace(str(path.parent) + "/", "").replace(str(path), path.name)
