"""`clustermonitor question …`: take written questions in, map, draft, approve, diff."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clustermonitor.cli import parse_date
from clustermonitor.questions import selectors, services
from clustermonitor.questions.draft import answer_diff, question_answer
from clustermonitor.questions.extract import ExtractError, extract_text
from clustermonitor.questions.models import Status
from clustermonitor.reports.answer.model import LANGUAGES
from clustermonitor.reports.answer.render import RENDERERS
from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.registry import REPORTS
from clustermonitor.reports.renderers.as_json import json_text

ACTOR = "cli"
EXAMPLES = """examples:
  clustermonitor question add docs/written-question-228-2019.txt
  clustermonitor question show 228 --format json
  clustermonitor question map 228 2a --report budget-overview --year 2018
  clustermonitor question draft 228 --format docx --output antwoord-228.docx
  clustermonitor question approve 228 --as-of 2019-02-20
  clustermonitor question send 228 --on 2019-02-25
  clustermonitor question diff 228 --format json"""


def _year(text: str) -> int:
    if len(text) != 4 or not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a four-digit year")
    return int(text)


class Command(BaseCommand):
    # As `report` and `answer`: the system checks would import every URL, view and the API
    # schema before each verb; `clustermonitor check` reports on the configuration.
    requires_system_checks: list[str] = []
    help = (
        "Written questions of the Flemish Parliament: take one in from its text (.txt, .md, .docx,\n"
        "or .pdf), see how each sub-question maps to a report (year, cluster), correct a mapping,\n"
        "draft the answer (md, docx, pdf, html; Dutch by default), approve it (its figures freeze)\n"
        "and list what changed in the figures since."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        kwargs["formatter_class"] = argparse.RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, epilog=EXAMPLES, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
        add = verbs.add_parser("add", help="take a question in from FILE")
        add.add_argument("file", metavar="FILE", help=".txt, .md, .docx or .pdf")
        add.add_argument("--number", type=int, metavar="N", help="the question's number (overrides the text)")
        add.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD", help="the date it was asked")
        add.add_argument("--asker", metavar="NAME", help="who asked it")
        add.add_argument("--title", metavar="T", help="its title")
        add.add_argument("--replace", action="store_true", help="replace the question with that number")
        listing = verbs.add_parser("list", help="the register of questions")
        listing.add_argument("--status", choices=Status.values, help="only questions in this state")
        listing.add_argument("--format", choices=("table", "json"), default="table")
        show = verbs.add_parser("show", help="a question, its sub-questions and their mappings")
        self._named(show)
        show.add_argument("--format", choices=("json", "md"), default="json")
        mapping = verbs.add_parser("map", help="correct the mapping of one sub-question by hand")
        self._named(mapping)
        mapping.add_argument("label", metavar="LABEL", help="the sub-question, e.g. 2a")
        mapping.add_argument(
            "--report",
            required=True,
            action="append",
            metavar="R",
            help=f"{', '.join(REPORTS)}, or 'prose'; repeat it for several reports",
        )
        mapping.add_argument("--year", type=_year, action="append", default=[], metavar="Y")
        mapping.add_argument("--cluster", metavar="C", help="the cluster's code")
        draft = verbs.add_parser("draft", help="the drafted answer (an approved one: as frozen)")
        self._named(draft)
        draft.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD", help="figures as known then")
        draft.add_argument("--lang", choices=LANGUAGES, default="nl")
        draft.add_argument("--format", choices=tuple(RENDERERS), default="md")
        draft.add_argument("--output", metavar="F", help="write to F (needed for docx and pdf)")
        approve = verbs.add_parser("approve", help="approve the answer: freeze its figures and prose")
        self._named(approve)
        approve.add_argument("--as-of", type=parse_date, metavar="YYYY-MM-DD", help="default: today")
        send = verbs.add_parser("send", help="mark the approved answer as sent, on a day")
        self._named(send)
        send.add_argument(
            "--on", type=parse_date, metavar="YYYY-MM-DD", help="the day it was sent (default: today)"
        )
        assign = verbs.add_parser("assign", help="assign the question to an analyst or admin")
        self._named(assign)
        assign.add_argument("user", metavar="USER", help="their user name; 'none' to assign it to no one")
        diff = verbs.add_parser("diff", help="figures that changed since the answer was approved")
        self._named(diff)
        diff.add_argument("--format", choices=("json", "md"), default="json")

    @staticmethod
    def _named(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("number", type=int, metavar="N", help="the question's number")
        parser.add_argument("--session", metavar="S", help="e.g. 2018-2019, when N is in several")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['verb']}")(options)
        except (services.QuestionError, ExtractError, ReportError) as error:
            raise CommandError(str(error)) from error

    def _write(self, text: str) -> None:
        self.stdout.write(text, ending="" if text.endswith("\n") else "\n")

    def _add(self, o: dict[str, Any]) -> None:
        path = Path(o["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {o['file']}: {error.strerror}") from error
        question = services.question_add(
            extract_text(path.name, data),
            actor=ACTOR,
            number=o["number"],
            asked_on=o["date"],
            asker=o["asker"],
            title=o["title"],
            replace=o["replace"],
        )
        labels = ", ".join(question.subquestions.values_list("label", flat=True))
        self._write(f"question {question.number} ({question.session}) taken in: sub-questions {labels}")

    def _list(self, o: dict[str, Any]) -> None:
        questions = list(selectors.question_list(status=o["status"]))
        if o["format"] == "json":
            self._write(json_text([_row(q) for q in questions]))
            return
        lines = [f"{'number':>6}  {'session':9}  {'date':10}  {'status':9}  {'deadline':10}  asker — title"]
        for q in questions:
            lines.append(
                f"{q.number:>6}  {q.session:9}  {q.asked_on}  {q.status:9}  "
                f"{q.deadline or '':10}  {q.asker} — {q.title}"
            )
        self._write("\n".join(lines))

    def _question(self, o: dict[str, Any]) -> Any:
        return selectors.question_find(o["number"], o["session"])

    def _show(self, o: dict[str, Any]) -> None:
        data = selectors.question_json(self._question(o))
        if o["format"] == "json":
            self._write(json_text(data))
            return
        lines = [
            f"# {data['number']} ({data['session']}, {data['date']}) {data['title']}",
            "",
            f"{data['asker']} · {data['status']}",
            "",
        ]
        for sub in data["subquestions"]:
            answered = ", ".join(
                f"{m['report']} {m['year'] or ''} {m['cluster'] or ''}".strip() for m in sub["answered_by"]
            )
            lines += [f"## {sub['label']}", "", sub["text"], "", f"*{answered or 'prose'}*", ""]
        self._write("\n".join(lines))

    def _map(self, o: dict[str, Any]) -> None:
        reports = [name for name in o["report"] if name != "prose"]
        services.mapping_set(
            self._question(o), o["label"], report=reports, years=o["year"], cluster=o["cluster"], actor=ACTOR
        )
        self._write(f"{o['label']} mapped to {', '.join(reports) or 'prose'}")

    def _draft(self, o: dict[str, Any]) -> None:
        render, binary = RENDERERS[o["format"]]
        if binary and not o["output"]:
            raise CommandError(f"{o['format']} is a binary format: give --output FILE")
        output = render(question_answer(self._question(o), as_of=o["as_of"], lang=o["lang"]))
        if not o["output"]:
            self._write(str(output))
            return
        try:
            if isinstance(output, bytes):
                Path(o["output"]).write_bytes(output)
            else:
                Path(o["output"]).write_text(output, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {o['output']}: {error.strerror}") from error

    def _send(self, o: dict[str, Any]) -> None:
        question = services.status_set(self._question(o), Status.SENT, sent_on=o["on"], actor=ACTOR)
        self._write(f"question {question.number} sent on {question.sent_on}")

    def _assign(self, o: dict[str, Any]) -> None:
        user = None if o["user"] == "none" else o["user"]
        question = services.assignee_set(self._question(o), user, actor=ACTOR)
        self._write(f"question {question.number} assigned to {user or 'no one'}")

    def _approve(self, o: dict[str, Any]) -> None:
        as_of: date = o["as_of"] or date.today()
        snapshot = services.question_approve(self._question(o), as_of=as_of, actor=ACTOR)
        self._write(f"question {o['number']} approved; figures frozen as of {snapshot.as_of}")

    def _diff(self, o: dict[str, Any]) -> None:
        question = self._question(o)
        if getattr(question, "snapshot", None) is None:
            raise CommandError(f"question {question.number} is not approved: there is no snapshot to compare")
        data = answer_diff(question)
        if o["format"] == "json":
            self._write(json_text(data))
            return
        lines = [f"# {data['number']}: then ({data['as_of']}) against now", ""]
        lines += [
            "| report | year | cluster | row | measure | then | now |",
            "|---|---|---|---|---|---:|---:|",
        ]
        for c in data["changed"]:
            lines.append(
                f"| {c['report']} | {c['year'] or ''} | {c['cluster'] or ''} | {c['row'] or ''} | "
                f"{c['measure']} | {c['then']} | {c['now']} |"
            )
        if not data["changed"]:
            lines.append("| – | | | | | | |")
        self._write("\n".join(lines))


def _row(q: Any) -> dict[str, Any]:
    return {
        "number": q.number,
        "session": q.session,
        "date": q.asked_on.isoformat(),
        "asker": q.asker,
        "title": q.title,
        "status": q.status,
        "deadline": q.deadline.isoformat() if q.deadline else None,
        "days_left": selectors.days_left(q),
    }
