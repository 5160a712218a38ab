"""The audit record of dataset imports: rows written in bulk have no historical rows, so
each confirmed import (web upload or `clustermonitor import`) is recorded once, with who,
when, the file's name and sha256, and what it created/updated/deleted per contract file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from clustermonitor.datasets.summary import ImportSummary  # light: not the importer
from clustermonitor.web.models import DatasetImport

MEASURES = ("created", "updated", "deleted")


def file_sha256(path: Path) -> str:
    """The sha256 of a file; of a CSV folder, over its CSV files' names and bytes in name order."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv") if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode() + b"\0")
        with file.open("rb") as data:
            for chunk in iter(lambda: data.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def import_counts(summary: ImportSummary) -> dict[str, dict[str, int]]:
    """{file: {"created": n, "updated": n, "deleted": n}} for every file the import changed."""
    names = {name for measure in MEASURES for name, n in getattr(summary, measure).items() if n}
    return {
        name: {
            measure: getattr(summary, measure)[name]
            for measure in MEASURES
            if getattr(summary, measure)[name]
        }
        for name in sorted(names)
    }


def dataset_import_record(
    *, actor: str, channel: str, file_name: str, sha256: str, summary: ImportSummary, replace: bool
) -> DatasetImport:
    """Record one confirmed import (call it after the import has committed)."""
    return DatasetImport.objects.create(
        imported_by=actor,
        channel=channel,
        file_name=file_name[:255],
        sha256=sha256,
        replace=replace,
        counts=import_counts(summary),
    )


def on_dataset_imported(
    sender: Any, *, path: Path, summary: ImportSummary, replace: bool, actor: str, **_: Any
) -> None:
    """Receiver of `datasets.signals.dataset_imported` (the import command's hook)."""
    dataset_import_record(
        actor=actor,
        channel="cli",
        file_name=str(path),
        sha256=file_sha256(Path(path)),
        summary=summary,
        replace=replace,
    )


def recent_imports(limit: int) -> list[DatasetImport]:
    """The latest confirmed imports, the newest first."""
    return list(DatasetImport.objects.all()[:limit])
