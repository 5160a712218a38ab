"""A written question's text taken apart: header, lead, sub-questions, official answer.

The shape is the Flemish Parliament's: a title line (and optionally a line "Schriftelijke
vraag nr. N van D MAAND JJJJ van NAAM"), the lead, numbered items "1." with lettered
parts "a)", the addressee in capitals, and for a past question the official answer
"ANTWOORD op vraag nr. N van D MAAND JJJJ van NAAM". A numbered item with lettered parts
is a sub-question of its own only when it asks something (a "?"); otherwise its text is
the context of its parts (228's item 1 introduces 1a and 1b). Pure text: no database.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from clustermonitor.domain.messages import _

MONTHS = {
    **{m: i for i, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli",
                                   "augustus", "september", "oktober", "november", "december"), 1)},
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december"), 1)},
}  # fmt: skip
DAY = r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})"
REFERENCE = re.compile(rf"vraag\s+nr\.?\s*(\d+)\s+van\s+{DAY}", re.IGNORECASE)
HEADER = re.compile(rf"vraag\s+nr\.?\s*(\d+)\s+van\s+{DAY}(?:\s+van\s+(.+?))?(?:\s+aan\s+(.+))?$", re.I)
ANSWER = re.compile(r"^\s*ANTWOORD\b", re.MULTILINE)
NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(.*)$")
LETTERED = re.compile(r"^\s*\(?([a-z])\)\s+(.*)$")
BULLET = re.compile(r"^\s*[-–•]\s+")


class ParseError(ValueError):
    """The text is not a written question (no numbered sub-questions, a bad date…)."""


@dataclass
class ParsedSub:
    label: str
    parent: str
    text: str
    context: str = ""


@dataclass
class ParsedQuestion:
    title: str = ""
    number: int | None = None
    asked_on: date | None = None
    asker: str = ""
    addressee: str = ""
    lead: str = ""
    subs: list[ParsedSub] = field(default_factory=list)
    official_answer: str = ""
    references: list[tuple[int, date]] = field(default_factory=list)


def dutch_date(day: str, month: str, year: str) -> date:
    """`23 januari 2019` (or English month names) as a date; raises ParseError."""
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (KeyError, ValueError):
        raise ParseError(_("not a date: {day} {month} {year}", day=day, month=month, year=year)) from None


def flow(lines: list[str]) -> str:
    """Wrapped lines as one text: bullet dashes start a line of their own, the rest joins."""
    parts: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if BULLET.match(line) or not parts:
            parts.append(line)
        else:
            parts[-1] += " " + line
    return "\n".join(parts)


def _name(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.")
    return text.title() if text.isupper() else text


def parse_question(text: str) -> ParsedQuestion:
    """Take the text apart; raises ParseError when it has no numbered sub-questions."""
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    found = ANSWER.search(text)
    question_text, answer_text = (text[: found.start()], text[found.start() :]) if found else (text, "")
    lines = question_text.split("\n")
    parsed = ParsedQuestion(official_answer=answer_text.strip())
    body_start = _header(lines, parsed)
    body, closing = _split_closing(lines[body_start:])
    parsed.addressee = ", ".join(
        [_name(closing[0]), *(line.strip().capitalize() for line in closing[1:2])] if closing else []
    )
    _items(body, parsed)
    if answer_text and (parsed.number is None or not parsed.asker):
        _answer_header(answer_text, parsed)
    own = parsed.number
    everything = " ".join([parsed.lead, *(s.context + " " + s.text for s in parsed.subs)])
    for match in REFERENCE.finditer(" ".join(everything.split())):
        reference = (int(match.group(1)), dutch_date(*match.group(2, 3, 4)))
        if reference[0] != own and reference not in parsed.references:
            parsed.references.append(reference)
    return parsed


def _header(lines: list[str], parsed: ParsedQuestion) -> int:
    """The title and header lines up to the first blank line; returns where the lead starts."""
    index, title = 0, []
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():
        line = " ".join(lines[index].split())
        header = HEADER.search(line)
        if header and parsed.number is None:
            _take_header(header, parsed)
        else:
            title.append(line)
        index += 1
    parsed.title = re.sub(r"\s+-\s+", " - ", " ".join(title))
    following = index
    while following < len(lines) and not lines[following].strip():
        following += 1
    header = HEADER.search(" ".join(lines[following].split())) if following < len(lines) else None
    if header and parsed.number is None:  # "Schriftelijke vraag nr. N van …" under the title
        _take_header(header, parsed)
        return following + 1
    return index


def _take_header(header: re.Match[str], parsed: ParsedQuestion) -> None:
    parsed.number = int(header.group(1))
    parsed.asked_on = dutch_date(*header.group(2, 3, 4))
    parsed.asker = _name(header.group(5) or "")
    parsed.addressee = _name(header.group(6) or "")


def _split_closing(lines: list[str]) -> tuple[list[str], list[str]]:
    """The body, and the addressee's lines in capitals that close the question."""
    for index, line in enumerate(lines):
        letters = [c for c in line if c.isalpha()]
        capitals = len(letters) > 5 and all(c.isupper() for c in letters) and len(line.split()) >= 2
        if capitals and not any(c.isdigit() for c in line):
            return lines[:index], [raw.strip() for raw in lines[index:] if raw.strip()]
    return lines, []


def _items(body: list[str], parsed: ParsedQuestion) -> None:
    """Lead, numbered items and their lettered parts, each numbering strictly in sequence."""
    lead: list[str] = []
    items: list[tuple[str, list[str], list[tuple[str, list[str]]]]] = []
    for line in body:
        numbered, lettered = NUMBERED.match(line), LETTERED.match(line)
        if numbered and int(numbered.group(1)) == len(items) + 1:
            items.append((numbered.group(1), [numbered.group(2)], []))
        elif lettered and items and ord(lettered.group(1)) - ord("a") == len(items[-1][2]):
            items[-1][2].append((lettered.group(1), [lettered.group(2)]))
        elif items and items[-1][2]:
            items[-1][2][-1][1].append(line)
        elif items:
            items[-1][1].append(line)
        else:
            lead.append(line)
    if not items:
        raise ParseError(_("no numbered sub-questions (1., 2., …) found"))
    parsed.lead = flow(lead)
    for number, lines, parts in items:
        text = flow(lines)
        if not parts or "?" in text:
            parsed.subs.append(ParsedSub(number, "", text))
        for letter, part_lines in parts:
            context = "" if "?" in text else text
            parsed.subs.append(ParsedSub(number + letter, number, flow(part_lines), context))


def _answer_header(answer: str, parsed: ParsedQuestion) -> None:
    """Number, date and asker from "ANTWOORD op vraag nr. N van D MAAND JJJJ van NAAM"."""
    head: list[str] = []
    for line in answer.split("\n"):
        if NUMBERED.match(line):
            break
        head.append(line)
    header = HEADER.search(" ".join(" ".join(head).split()))
    if header is None:
        return
    if parsed.number is None:
        parsed.number = int(header.group(1))
        parsed.asked_on = dutch_date(*header.group(2, 3, 4))
    if not parsed.asker:
        parsed.asker = _name(header.group(5) or "")
