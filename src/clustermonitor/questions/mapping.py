"""Which report(s), year(s) and cluster answer each sub-question, and which words said so.

- Reports: the vocabulary's terms (vocabulary.py) found in the sub-question's own text;
  the report(s) with most terms win. None found: prose, with the nearest mapped
  sub-question's reports offered as support (the one before it, else the one after).
- Years: as stated in the sub-question, else in its parent (the numbered item), else in
  the lead. A lead sentence that names an earlier question describes that answer, so its
  years do not count; then the latest year named in any sub-question, else the year
  before the question was asked. A whole-pact report takes no year.
- Cluster: by code, name or alias; one named in the title or lead applies to every
  sub-question that names none.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from clustermonitor.questions.parser import REFERENCE, ParsedQuestion, ParsedSub
from clustermonitor.questions.vocabulary import CLUSTER_ALIASES, VOCABULARY
from clustermonitor.reports.registry import REPORTS

YEAR = re.compile(r"\b((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\b")
TERMS = {
    report: [re.compile(rf"\b(?:{term})\b", re.IGNORECASE) for lang in terms.values() for term in lang]
    for report, terms in VOCABULARY.items()
}


@dataclass(frozen=True)
class Target:
    report: str
    year: int | None
    cluster: str | None


@dataclass
class SubMapping:
    matched: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    support: list[Target] = field(default_factory=list)


def years_in(text: str) -> list[int]:
    """Every year named, once each, in calendar order; "2016-2018" gives three."""
    found: list[int] = []
    for match in YEAR.finditer(text):
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        for year in range(first, max(first, last) + 1):
            if year not in found:
                found.append(year)
    return sorted(found)


def reports_in(text: str) -> tuple[list[str], list[str]]:
    """The best-matching report(s) and the words that matched them."""
    scores: dict[str, list[str]] = {}
    for report, terms in TERMS.items():
        words = [m.group(0) for term in terms if (m := term.search(text))]
        if words:
            scores[report] = words
    best = max((len(words) for words in scores.values()), default=0)
    winners = [report for report, words in scores.items() if len(words) == best]
    return winners, [word for report in winners for word in scores[report]]


def clusters_in(text: str, clusters: dict[str, str]) -> list[tuple[str, str]]:
    """(code, words) of each cluster named by code (as written), name or alias."""
    found: list[tuple[str, str]] = []
    for code, name in clusters.items():
        names = {name, *name.split(" – ")[1:], *CLUSTER_ALIASES.get(code, ())}
        hit = re.search(rf"\b{re.escape(code)}\b", text)
        words = hit.group(0) if hit else None
        for candidate in sorted(names, key=len, reverse=True):
            if not words and len(candidate) > 3:
                hit = re.search(rf"\b{re.escape(candidate)}\b", text, re.IGNORECASE)
                words = hit.group(0) if hit else None
        if words:
            found.append((code, words))
    return found


def _lead_years(lead: str) -> list[int]:
    sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z])", lead)
    return years_in(" ".join(s for s in sentences if not REFERENCE.search(s)))


def map_question(parsed: ParsedQuestion, clusters: dict[str, str], asked_on: date) -> list[SubMapping]:
    """One SubMapping per sub-question, in order."""
    named_years = [y for sub in parsed.subs for y in years_in(sub.text)]
    fallback = [max(named_years)] if named_years else [asked_on.year - 1]
    lead_years = _lead_years(parsed.lead) or fallback
    general = clusters_in(f"{parsed.title}\n{parsed.lead}", clusters)
    texts = {sub.label: sub.text for sub in parsed.subs}
    result = [_map_sub(sub, texts, lead_years, general, clusters) for sub in parsed.subs]
    for index, mapping in enumerate(result):
        if not mapping.targets:
            near = [m for m in reversed(result[:index]) if m.targets] + [
                m for m in result[index:] if m.targets
            ]
            mapping.support = near[0].targets if near else []
    return result


def _map_sub(
    sub: ParsedSub,
    texts: dict[str, str],
    lead_years: list[int],
    general: list[tuple[str, str]],
    clusters: dict[str, str],
) -> SubMapping:
    reports, words = reports_in(sub.text)
    own_years = years_in(sub.text)
    parent = texts.get(sub.parent, "") + " " + sub.context
    years = own_years or years_in(parent) or lead_years
    named = clusters_in(sub.text, clusters) or clusters_in(parent, clusters) or general
    cluster = named[0][0] if len(named) == 1 else None
    matched = [*words, *(str(y) for y in own_years), *(w for code, w in named if code == cluster)]
    targets = [
        Target(report, year, cluster)
        for report in reports
        for year in (years if REPORTS[report].yearly else [None])
    ]
    return SubMapping(matched=matched, targets=targets)
