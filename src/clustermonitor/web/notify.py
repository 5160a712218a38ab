"""A cluster manager is told by e-mail of each decision on their cluster's applications.

Sent through Django's mail framework (settings.EMAIL_BACKEND: the console in the demo,
locmem in the tests) to the e-mail address of every user bound to the project's cluster,
in Dutch (the agency's language), once the decision is committed: a refused or rolled
back decision tells no one. Users without an address are skipped.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from clustermonitor.projects.models import ProjectStatusChoices
from clustermonitor.projects.selectors import project_by_ref
from clustermonitor.web.accounts import cluster_manager_addresses
from clustermonitor.web.templatetags.web import money


def decision_notify(ref: str) -> None:
    """Mail the decision on project `ref` to its cluster's managers after the commit."""
    transaction.on_commit(lambda: _send(ref))


def _send(ref: str) -> int:
    project = project_by_ref(ref)
    if project is None:
        return 0
    addresses = cluster_manager_addresses(project.cluster.code)
    if not addresses:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "ref": project.ref,
            "title": project.title,
            "decision": str(ProjectStatusChoices(project.status).label),
            "date": project.decided_on.isoformat() if project.decided_on else "—",
        }
        subject = _("Decision on application %(ref)s: %(decision)s") % values
        lines = [
            _("The application %(ref)s (%(title)s) was decided on %(date)s: %(decision)s.") % values,
        ]
        if project.granted_support is not None:
            lines.append(_("Granted support: %(amount)s.") % {"amount": money(project.granted_support)})
        lines.append(_("Details: %(path)s") % {"path": reverse("project", args=[project.ref])})
    message = (subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, addresses)
    return send_mass_mail([message], fail_silently=False)
