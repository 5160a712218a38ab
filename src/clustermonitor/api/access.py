"""Who may call the API: the rules the web app also follows (`access.permissions`), through DRF.

Scripts authenticate with HTTP Basic, browsers with their session. Anonymous callers get
401 (with `WWW-Authenticate: Basic`), users without a role 403. Reports are public
aggregates every role may read (`may_read`), as on the report pages: `pact-resources`
for one cluster is the same public figures as its row in the whole report. A cluster's
records (projects, ledger entries) are not served here.
"""

from typing import Any

from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.permissions import BasePermission

from clustermonitor.access import permissions

# Basic first: its challenge makes an anonymous call a 401 rather than a 403.
AUTHENTICATION = [BasicAuthentication, SessionAuthentication]


class MayRead(BasePermission):
    message = "your account has no role that may read reports"

    def has_permission(self, request: Any, view: Any) -> bool:
        return permissions.may_read(request.user)
