"""Helpers for dataset tests: a writable copy of a fixture dataset, edits, and runs."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from clustermonitor.datasets import contract
from clustermonitor.datasets.exporter import canonical_rows

FIXTURES = Path(__file__).parent.parent / "fixtures"


def copy_fixture(name: str, target: Path) -> Path:
    folder = target / name
    shutil.copytree(FIXTURES / name, folder, ignore=shutil.ignore_patterns("expected", "export", "*.md"))
    return folder


def replace_in(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_to(folder: Path, file: str, *lines: str) -> None:
    with (folder / file).open("a", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def run_import(path: Path, *args: str) -> str:
    """Import that must succeed; returns stdout."""
    out = StringIO()
    call_command("import", str(path), "--quiet", "--lang", "en", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def import_errors(path: Path, *args: str) -> list[str]:
    """Import that must fail with exit status 1; returns the error lines."""
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import", str(path), "--quiet", "--lang", "en", *args, stdout=StringIO(), stderr=err)
    assert failure.value.returncode == 1
    return [line for line in err.getvalue().splitlines() if line]


def snapshot() -> dict[str, list[list[str]]]:
    """The whole stored dataset, in export form: to prove a refused import changed nothing."""
    return {spec.name: list(canonical_rows(spec)) for spec in contract.FILES}
