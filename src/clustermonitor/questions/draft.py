"""A question's answer through the general builder: live while drafting, from the snapshot
once approved (so it reads the same forever), and the diff of then against now."""

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from clustermonitor.questions.models import Mapping, Status, WrittenQuestion
from clustermonitor.reports.answer.compose import Heading, Part, Target, compose
from clustermonitor.reports.answer.data import live
from clustermonitor.reports.answer.model import LANGUAGES, Answer, long_date
from clustermonitor.reports.answer.sentences import Fetch
from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import json_value

AMOUNT = re.compile(r"-?\d+\.\d{2}")
RATIO = re.compile(r"-?\d+\.\d{4}")


def key(report: str, year: int | None, cluster: str | None) -> str:
    """A report's key in the snapshot; whole-pact reports keep their cluster (a filter)."""
    per_cluster = cluster if report == "pact-resources" else None
    return f"{report}|{year or ''}|{per_cluster or ''}"


def targets(mappings: list[Mapping] | list[dict[str, Any]]) -> list[Target]:
    return [
        Target(m.report, m.year, m.cluster or None) if isinstance(m, Mapping) else Target(**m)
        for m in mappings
    ]


def parts(question: WrittenQuestion, prose: dict[str, str] | None = None) -> list[Part]:
    return [
        Part(
            sub.label,
            sub.text,
            targets(list(sub.mappings.all())),
            sub.prose if prose is None else prose.get(sub.label, ""),
            targets(sub.support),
        )
        for sub in question.subquestions.prefetch_related("mappings")
    ]


def recording(fetch: Fetch, store: dict[str, Report]) -> Fetch:
    def recorded(report: str, year: int | None, cluster: str | None) -> Report:
        found = store.get(key(report, year, cluster))
        if found is None:
            found = store[key(report, year, cluster)] = fetch(report, year, cluster)
        return found

    return recorded


def reports_used(question: WrittenQuestion, as_of: date | None) -> dict[str, Any]:
    """The JSON of every report the answer uses (the snapshot's figures)."""
    store: dict[str, Report] = {}
    fetch = recording(live(as_of), store)
    today = as_of or date.today()
    compose(parts(question), _heading(question, "nl"), fetch=fetch, lang="nl", as_of=as_of, today=today)
    return {name: json_value(report) for name, report in sorted(store.items())}


def decoded(value: Any) -> Any:
    """Report JSON back to report data: amounts as Decimal, ratios as exact fractions."""
    if isinstance(value, dict):
        return {k: decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decoded(v) for v in value]
    if isinstance(value, str) and AMOUNT.fullmatch(value):
        return Decimal(value)
    if isinstance(value, str) and RATIO.fullmatch(value):
        return Fraction(Decimal(value))
    return value


def frozen(reports: dict[str, Any]) -> Fetch:
    def fetch(report: str, year: int | None, cluster: str | None) -> Report:
        found: dict[str, Any] = decoded(reports[key(report, year, cluster)])
        return found

    return fetch


def question_answer(question: WrittenQuestion, *, as_of: date | None = None, lang: str = "nl") -> Answer:
    """The drafted answer; an approved (or sent) question's from its snapshot only."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    snapshot = getattr(question, "snapshot", None)
    if snapshot is not None and question.status in (Status.APPROVED, Status.SENT):
        heading, today = _heading(question, lang), snapshot.as_of or question.asked_on
        fetch = frozen(snapshot.reports_json())
        return compose(
            parts(question, snapshot.prose),
            heading,
            fetch=fetch,
            lang=lang,
            as_of=snapshot.as_of,
            today=today,
        )
    heading = _heading(question, lang)
    return compose(parts(question), heading, fetch=live(as_of), lang=lang, as_of=as_of, today=date.today())


def _heading(question: WrittenQuestion, lang: str) -> Heading:
    with translation.override(lang):
        title = _("Answer to written question no. {number} of {date}").format(
            number=question.number, date=long_date(question.asked_on, lang)
        )
        subtitle = _("by {asker} — {title}").format(asker=question.asker, title=question.title)
        if question.reconstruction:
            subtitle += " (" + _("Reconstructed from what later questions say of it.") + ")"
    return Heading(title, subtitle)


def answer_diff(question: WrittenQuestion) -> dict[str, Any]:
    """Every figure of the snapshot's reports that differs from the same report today."""
    snapshot = question.snapshot
    changed: list[dict[str, Any]] = []
    for name, then in snapshot.reports_json().items():
        report, year_text, cluster_text = name.split("|")
        year, cluster = int(year_text) if year_text else None, cluster_text or None
        old, new = flat(then), flat(json_value(live(None)(report, year, cluster)))
        for row, measure in sorted(old.keys() | new.keys(), key=lambda k: (str(k[0]), k[1])):
            if old.get((row, measure)) != new.get((row, measure)):
                changed.append(
                    {
                        "report": report,
                        "year": year,
                        "cluster": cluster,
                        "row": row,
                        "measure": measure,
                        "then": old.get((row, measure)),
                        "now": new.get((row, measure)),
                    }
                )
    as_of = snapshot.as_of.isoformat() if snapshot.as_of else None
    return {"number": question.number, "as_of": as_of, "changed": changed}


ROW_KEYS = ("envelope", "cluster", "instrument", "type", "kpi", "year")
HEADER_KEYS = {"report", "year", "as_of"}
CLUSTER_TYPES = {"spearhead", "ibn"}


def _row_key(item: dict[str, Any]) -> list[str]:
    return [
        k
        for k in ROW_KEYS
        if isinstance(item.get(k), str | int) and not (k == "type" and item[k] in CLUSTER_TYPES)
    ]


def flat(value: Any, row: str | None = None, top: bool = True) -> dict[tuple[str | None, str], Any]:
    """A report's JSON as {(row key, measure): value}: list items are keyed by their codes
    (envelope, cluster, instrument, type, KPI, year), nested objects by their field name."""
    found: dict[tuple[str | None, str], Any] = {}
    if isinstance(value, list):
        for item in value:
            found.update(flat(item, row, False))
        return found
    keys = _row_key(value) if not top else []
    here = "/".join([*([row] if row else []), *(str(value[k]) for k in keys)]) or row
    for name, item in value.items():
        if name in keys or (top and name in HEADER_KEYS):
            continue
        if isinstance(item, list):
            found.update(flat(item, here, False))
        elif isinstance(item, dict):
            found.update(flat(item, f"{here}/{name}" if here else name, False))
        else:
            found[(here, name)] = item
    return found
