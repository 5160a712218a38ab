"""The JSON renderer: the report's one object, as reports.md specifies it."""

import json
from typing import Any

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import json_value


def render_json(report: Report) -> str:
    return json_text(json_value(report))


def json_text(data: Any) -> str:
    """JSON data printed as the CLI prints it (the API serves the same text)."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
