"""The 400, 403, 404 and 500 pages: in the site's layout, with its navigation, in the page's
language. The 500 page is rendered without the request's context processors: it must
show even when the database (which the role and the navigation come from) is down."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.translation import get_language


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"LANGUAGE_CODE": get_language()}
    return HttpResponse(get_template("web/500.html").render(context), status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A wrong query parameter (e.g. an unknown `?sort=`): says which, in the layout."""
    return render(request, "web/400.html", {"reason": str(exception or "")}, status=400)
