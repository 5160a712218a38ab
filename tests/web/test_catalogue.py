"""ONE gettext catalogue, complete in Dutch (issue 14.3): every entry of the .po has its
Dutch text (no empty or fuzzy msgstr), and every string the code marks for translation is
in it — makemessages is run over the code into a temporary copy and compared."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
    ignores = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    subprocess.run(  # ours: Django's, which also finds the strings marked `gettext_noop as N_`
        [sys.executable, "-m", "clustermonitor", "makemessages", "-l", "nl", "--no-location", *ignores],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    used = {entry["msgid"] for entry in po_entries(copy / "locale/nl/LC_MESSAGES/django.po")}
    known = {entry["msgid"] for entry in po_entries(PO)}

    assert len(used) > 300
    assert sorted(used - known) == [], "run makemessages (docs/web.md), then tests/web/nl_translations.py"


# One Dutch term per concept (docs/domain.md, glossary; docs/decisions.md): a msgid naming
# the concept in English (pattern) is translated with the term, and no Dutch text uses a
# rival — except where the English says something else (e.g. "objectives": doelstellingen).
PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)s")  # "{allocated}" is a value, not the word
TERMS: list[tuple[str, str, tuple[str, ...], str | None]] = [
    # (English in the msgid, the Dutch term, its rivals, English where a rival is another concept)
    (r"\bpaid\b|\bpayments?\b", "vereffen", (r"\bbetaald", r"\bbetaling"), None),
    (r"\ballocated\b", "toegewezen", (r"\bverdeeld\b", r"toegekende middelen"), None),
    (r"\ballocations?\b", "verdeling", (r"toewijzing",), None),  # the noun
    (r"granted support|support granted", "toegekende steun", (r"publieke steun",), None),
    (r"\btargets?\b", "streefwaarde", (r"doelstelling", r"\bdoel(en)?\b", r"KPI-doel"), r"\bobjectives?\b"),
    (r"\bresults?\b", "waarde", (r"resulta(at|ten)",), None),
    (r"\bpartly\b", "deels", (r"gedeeltelijk",), None),
    (r"\bdrawn\b(?! from pool)", "opgenomen", (r"aangesproken",), None),  # that column: uit niet-toegewezen
    (r"\bpool\b", "niet.toegewezen", (r"\bpot\b",), None),
    (r"\btotal (project )?cost\b|\btotal_cost\b", "totale projectkost", (r"totale kost\b",), None),
    (r"\bKPIs\b", "KPI’s", (r"KPI's",), None),
]


@pytest.mark.parametrize(("english", "term", "rivals", "other_concept"), TERMS, ids=[t[1] for t in TERMS])
def test_one_dutch_term_per_concept(
    english: str, term: str, rivals: tuple[str, ...], other_concept: str | None
) -> None:
    """Pages, documents, charts and the drafted answer share the catalogue: a concept that
    gets a second Dutch word anywhere fails here (e.g. "doelstelling" beside "streefwaarde")."""
    entries = po_entries()
    named = [entry for entry in entries if re.search(english, PLACEHOLDER.sub("", str(entry["msgid"])))]
    without_term = [
        entry["msgid"]
        for entry in named
        if not all(re.search(term, text, re.IGNORECASE) for text in entry["msgstr"])  # type: ignore[attr-defined]
    ]
    rival_uses = [
        (entry["msgid"], text)
        for entry in entries
        if not (other_concept and re.search(other_concept, str(entry["msgid"])))
        for text in entry["msgstr"]  # type: ignore[attr-defined]
        if any(re.search(rival, text, re.IGNORECASE) for rival in rivals)
    ]

    assert named, f"no msgid names {english!r}: the concept left the catalogue?"
    assert without_term == [], f"translate these with {term!r}"
    assert rival_uses == [], f"one Dutch term per concept: {term!r}, not {rivals}"


def test_a_msgid_has_one_dutch_text_in_every_context() -> None:
    """The answer once had its own words under a message context (`answer table`) where the
    pages said it otherwise; the same English is now the same Dutch wherever it appears."""
    texts: dict[str, set[tuple[str, ...]]] = {}
    for entry in po_entries():
        texts.setdefault(str(entry["msgid"]), set()).add(tuple(entry["msgstr"]))  # type: ignore[arg-type]

    assert {msgid: found for msgid, found in texts.items() if len(found) > 1} == {}
