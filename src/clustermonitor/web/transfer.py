"""Import by upload (a .zip of contract CSV files or an .xlsx workbook): a dry run first,
showing what would be created/updated and every error with file, line and column; then
the same file imported on confirmation and recorded (`audit.dataset_import_record`).
Export: the dataset as a zip of CSV or as xlsx."""

import hashlib
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from clustermonitor.access import permissions
from clustermonitor.datasets.services import (
    DatasetInvalid,
    RuleError,
    dataset_export,
    dataset_import,
)
from clustermonitor.datasets.validation import STORED_ROW
from clustermonitor.domain.messages import Message
from clustermonitor.reports.renderers.said import translated
from clustermonitor.web.audit import dataset_import_record
from clustermonitor.web.forms import UploadForm
from clustermonitor.web.uploads import (
    UploadRefused,
    upload_delete,
    upload_path,
    upload_store,
    without_paths,
)

SESSION_KEY = "clustermonitor_upload"
SHOWN = 20  # errors shown per file; the rest are counted ("and 17 more")


def _sha256(upload: Any) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def error_groups(errors: list[RuleError]) -> list[dict[str, Any]]:
    """The errors per file, in the page's language: each file with its count and its first
    SHOWN errors; a breach of a stored row names that row instead of a line (no "line 0"),
    a missing file says so for the whole file."""
    groups: dict[str, list[RuleError]] = {}
    for error in errors:
        groups.setdefault(error.file, []).append(error)
    return [
        {
            "file": file,
            "count": len(found),
            "errors": [_shown(e) for e in found[:SHOWN]],
            "more": len(found) - SHOWN,
        }
        for file, found in groups.items()
    ]


def _shown(error: RuleError) -> dict[str, Any]:
    message = error.message
    where = str(error.line)
    if error.line == 0:
        stored = isinstance(message, Message) and message.template == STORED_ROW
        where = _("stored row %(key)s") % {"key": message.params["key"]} if stored else _("whole file")  # type: ignore[attr-defined]
        message = message.params["message"] if stored else message  # type: ignore[attr-defined]
    column = "" if error.column == "-" else error.column
    return {"where": where, "line": error.line, "column": column, "message": translated(message)}


def _run(path: Path, *, dry_run: bool, replace: bool) -> dict[str, object]:
    try:
        summary = dataset_import(path, dry_run=dry_run, replace=replace)
    except DatasetInvalid as invalid:
        return {"errors": invalid.errors, "groups": error_groups(invalid.errors)}
    except Exception as error:  # unreadable upload: report it (no server path), never a 500
        return {"errors": [], "failure": without_paths(str(error), path)}
    return {
        "lines": list(summary.lines(_)),
        "warnings": [translated(warning) for warning in summary.warnings],
        "summary": summary,
    }


def import_page(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_import(request.user))
    form = UploadForm()
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.pop(SESSION_KEY, None)
        path = upload_path(stored["token"]) if stored else None
        if stored is None or path is None:
            raise Http404("no upload to confirm")
        result = _run(path, dry_run=False, replace=stored["replace"])
        upload_delete(stored["token"])  # decided: imported, or refused and to be uploaded again
        if not result.get("errors") and not result.get("failure"):
            dataset_import_record(
                actor=request.user.get_username(),
                channel="web",
                file_name=stored.get("name", ""),
                sha256=stored.get("sha256", ""),
                summary=result["summary"],  # type: ignore[arg-type]
                replace=stored["replace"],
            )
            messages.success(request, _("Imported."))
            context["imported"] = result
        else:
            context["result"] = result
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["dataset"]
            earlier = request.session.pop(SESSION_KEY, None)
            if earlier:  # a new upload replaces one waiting for its confirmation
                upload_delete(earlier["token"])
            try:
                token, path = upload_store(upload)
            except UploadRefused as refused:
                form.add_error("dataset", str(refused))
            else:
                replace = form.cleaned_data["replace"]
                result = _run(path, dry_run=True, replace=replace)
                context["result"] = result
                if not result.get("errors") and not result.get("failure"):
                    request.session[SESSION_KEY] = {
                        "token": token,
                        "replace": replace,
                        "name": Path(upload.name).name,
                        "sha256": _sha256(upload),
                    }
                    context["confirmable"] = True
                else:
                    upload_delete(token)  # refused: nothing to confirm, nothing kept
    return render(request, "web/import.html", context)


def export(request: HttpRequest) -> HttpResponseBase:
    permissions.require(permissions.may_read_all(request.user))
    fmt = request.GET.get("format", "csv")
    with tempfile.TemporaryDirectory() as folder:
        if fmt == "xlsx":
            path = Path(folder) / "clustermonitor.xlsx"
            dataset_export(path, fmt="xlsx")
            data, name = path.read_bytes(), "clustermonitor.xlsx"
        else:
            files = dataset_export(Path(folder) / "dataset")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for file in files:
                    archive.write(file, file.name)
            data, name = buffer.getvalue(), "clustermonitor-dataset.zip"
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name)
