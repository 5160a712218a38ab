"""The text of a question file: .txt/.md as UTF-8, .docx by python-docx, .pdf by pdfminer.six.

pdfminer.six (a runtime dependency for this) keeps the reading order of a parliament
PDF's single column and needs no system tool; its page breaks (form feeds) become lines.
"""

import io
from pathlib import Path

from clustermonitor.domain.messages import _


class ExtractError(ValueError):
    """The file cannot be read as a question (unknown kind, not UTF-8, damaged)."""


KINDS = (".txt", ".md", ".docx", ".pdf")


def extract_text(name: str, data: bytes) -> str:
    """The text of the file `name` holding `data`; raises ExtractError naming the file."""
    kind = Path(name).suffix.lower()
    try:
        if kind in (".txt", ".md"):
            return data.decode("utf-8-sig")
        if kind == ".docx":
            from docx import Document

            document = Document(io.BytesIO(data))
            return "\n".join(paragraph.text for paragraph in document.paragraphs)
        if kind == ".pdf":
            from pdfminer.high_level import extract_text as pdf_text

            return pdf_text(io.BytesIO(data)).replace("\f", "\n")
    except UnicodeDecodeError:
        raise ExtractError(_("{file}: not UTF-8 text", file=name)) from None
    except Exception as error:  # a damaged docx/pdf raises whatever its reader raises
        raise ExtractError(
            _(
                "{file}: cannot be read as {kind} ({error})",
                file=name,
                kind=kind[1:],
                error=type(error).__name__,
            )
        ) from None
    raise ExtractError(
        _("{file}: unknown kind of file; use one of {kinds}", file=name, kinds=", ".join(KINDS))
    )
