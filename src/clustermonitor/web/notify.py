"""A cluster manager is told by e-mail of each decision on their cluster's applications.

Sent through Django's mail framework (settings.EMAIL_BACKEND: the console in the demo,
locmem in the tests) to the e-mail address of every user bound to the project's cluster,
each in the language the recipient last chose on the site (Dutch, the agency's language,
where not known), once the decision is committed: a refused or rolled back decision tells
no one. Users without an address are skipped. The link to the project is absolute, on
settings.SITE_URL.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from clustermonitor.projects.models import Project, ProjectStatusChoices
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
    by_language = cluster_manager_addresses(project.cluster.code)
    default = settings.LANGUAGE_CODE
    messages = [_mail(project, language or default, to) for language, to in by_language.items()]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def _mail(project: Project, language: str, addresses: list[str]) -> tuple[str, str, str, list[str]]:
    """The decision's mail in `language`: subject, body, sender, recipients."""
    with translation.override(language):
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
        lines.append(_("Details: %(url)s") % {"url": site_url(reverse("project", args=[project.ref]))})
    return (subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, addresses)


def site_url(path: str) -> str:
    """An absolute address on the site: settings.SITE_URL (no trailing slash) + path."""
    return settings.SITE_URL.rstrip("/") + path
