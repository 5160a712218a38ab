"""Messages of the rules and services: English text that can still be translated.

A rule's or service's message is a `Message`: a `str` holding the English text (so the
import's `FILE:LINE: column COLUMN: message` lines with `--lang en` and the logs print
exactly what they always did) that also remembers its template and values, so the web app
and the CLI (`--lang nl`, the default) can say it in Dutch (`reports.renderers.said`).
The domain stays free of Django: `_` only builds a `Message`; `makemessages` (xgettext)
finds the templates by the `_("…")` calls.
"""

from typing import Any


class Message(str):
    """English text made from `template.format(**params)`; also keeps both."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> "Message":
        message = super().__new__(cls, template.format(**params) if params else template)
        message.template = template
        message.params = params
        return message


def _(template: str, /, **params: Any) -> Message:
    """Mark an English template for translation and fill it in (`str.format` fields)."""
    return Message(template, **params)
