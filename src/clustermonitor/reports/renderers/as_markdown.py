"""The Markdown renderer: a heading with the figures' status, then one table per section."""

from typing import Any

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import cell_text, is_number
from clustermonitor.reports.tables import Table


def render_markdown(report: Report, tables: list[Table]) -> str:
    title = report["report"] if report["year"] is None else f"{report['report']} {report['year']}"
    as_of = cell_text(report["as_of"]) or "everything stored"
    parts = [f"# {title}\n\nFigures: {report['figures']}. As of: {as_of}.\n"]
    parts += [_table(table) for table in tables]
    return "\n".join(parts)


def _table(table: Table) -> str:
    lines = [f"## {table.title}", ""]
    if not table.rows:
        return "\n".join([*lines, "(none)", ""])
    right = {column for column in table.columns if any(is_number(row.get(column)) for row in table.rows)}
    lines.append(_line(table.columns))
    lines.append(_line(["---:" if column in right else "---" for column in table.columns]))
    lines += [_line([_escape(cell_text(row.get(column))) for column in table.columns]) for row in table.rows]
    return "\n".join([*lines, ""])


def _line(cells: Any) -> str:
    return "| " + " | ".join(cells) + " |"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")
