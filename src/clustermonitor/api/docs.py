"""The API's own documentation and index, served by the app itself: Swagger UI from
drf-spectacular-sidecar's static files (nothing from a CDN), its start-up script as a
separate script file (no inline script: it works under a Content-Security-Policy without
'unsafe-inline'), and `/api/v1/` listing the API's addresses."""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

from clustermonitor.access import permissions
from clustermonitor.api import access, schema
from clustermonitor.api.views import ApiView

INDEX = {
    "reports": "/api/v1/reports/",
    "report": "/api/v1/reports/{name}/",
    "answer": "/api/v1/answer/",
    "schema": "/api/v1/schema/",
    "docs": "/api/v1/docs/",
}


class ApiIndexView(ApiView):
    """What the API serves, and where its documentation is."""

    @schema.documented(exclude=True)
    def get(self, request: Request) -> Response:
        return Response({"api": "clustermonitor", "version": "v1", "links": INDEX})


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI in the site's layout, for a logged-in user (anonymous: the login page)."""

    template_name = "api/swagger_ui.html"
    authentication_classes = access.AUTHENTICATION
    permission_classes: list[Any] = []  # checked in get(): an anonymous visitor is sent to log in
    url_name = "api-schema"
    title = "clustermonitor API"

    @schema.documented(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.may_read(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)
