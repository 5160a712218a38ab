"""ONE gettext catalogue, complete in Dutch (issue 14.3): every entry of the .po has its
Dutch text (no empty or fuzzy msgstr), and every string the code marks for translation is
in it — makemessages is run over the code into a temporary copy and compared."""

import shutil
import subprocess
import sys
from pathlib import Path

from tests.web.nl_translations import IGNORE, PACKAGE, PO, po_entries


def test_every_entry_has_its_dutch_text() -> None:
    entries = po_entries()
    empty = [entry["msgid"] for entry in entries if not all(entry["msgstr"])]  # type: ignore[call-overload]
    fuzzy = [entry["msgid"] for entry in entries if entry["fuzzy"]]

    assert len(entries) > 300
    assert empty == [], "add them to tests/web/nl_translations.py and run it"
    assert fuzzy == []


def test_every_string_marked_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "clustermonitor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    (copy / "locale/nl/LC_MESSAGES/django.po").unlink()
    admin = Path(sys.executable).parent / "django-admin"
    ignores = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    subprocess.run(
        [str(admin), "makemessages", "-l", "nl", "--no-location", *ignores],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    used = {entry["msgid"] for entry in po_entries(copy / "locale/nl/LC_MESSAGES/django.po")}
    known = {entry["msgid"] for entry in po_entries(PO)}

    assert len(used) > 300
    assert sorted(used - known) == [], "run makemessages (docs/web.md), then tests/web/nl_translations.py"


def test_one_dutch_term_per_concept() -> None:
    """The glossary's words (/work/shared/domain): `vereffend` for paid, `toegewezen` for
    allocated, `toegekende steun` for granted support — never their rivals."""
    dutch = " ".join(text for entry in po_entries() for text in entry["msgstr"])  # type: ignore[attr-defined]

    assert "betaald" not in dutch and "betaling" not in dutch
    assert "verdeeld" not in dutch.replace("verdeeld over de clusters", "")
    assert "publieke steun" not in dutch
    assert "vereffend" in dutch and "toegewezen" in dutch and "toegekende steun" in dutch
