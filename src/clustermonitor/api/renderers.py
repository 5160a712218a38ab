"""Response bodies: JSON printed exactly as the CLI prints it, and the answer's Markdown."""

from typing import Any

from rest_framework.renderers import BaseRenderer

from clustermonitor.reports.renderers.as_json import json_text


class JsonTextRenderer(BaseRenderer):
    """`json_text`, the CLI's own printing: the API body equals `report --format json`."""

    media_type = "application/json"
    format = "json"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return b"" if data is None else json_text(data).encode("utf-8")


class MarkdownRenderer(BaseRenderer):
    """The drafted answer as Markdown (the view hands it the text)."""

    media_type = "text/markdown"
    format = "md"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return str(data).encode("utf-8")
