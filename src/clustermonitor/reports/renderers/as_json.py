"""The JSON renderer: the report's one object, as reports.md specifies it."""

import json

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import json_value


def render_json(report: Report) -> str:
    return json.dumps(json_value(report), indent=1, ensure_ascii=False) + "\n"
