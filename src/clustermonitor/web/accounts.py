"""Users in roles: create one (adduser, demo users, tests), list them, change a user's role,
cluster and e-mail address (the admins' users page), find a cluster's managers. The one
module of the web app that reads and writes Django's users."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import QuerySet

from clustermonitor.access.permissions import ADMIN, CLUSTER, ROLES
from clustermonitor.clusters.selectors import cluster_by_code
from clustermonitor.web.models import Profile


def user_create(
    name: str, *, role: str, password: str | None, cluster: str | None = None, email: str | None = None
) -> User:
    """Create or update user `name` in `role` (admins are superusers); raises ValueError.
    `password=None` keeps a user's password (a new user then has none usable)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role}: one of {', '.join(ROLES)}")
    if role == CLUSTER and cluster_by_code(cluster) is None:
        raise ValueError(f"unknown cluster {cluster}")
    with transaction.atomic():
        user, created = User.objects.get_or_create(username=name)
        user.is_superuser = user.is_staff = role == ADMIN
        if password is not None:
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        if email is not None:
            user.email = email
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
        code = cluster if role == CLUSTER else ""
        Profile.objects.update_or_create(user=user, defaults={"cluster_code": code or ""})
    return user


def username_taken(name: str) -> bool:
    """Whether a user with this name exists already."""
    return User.objects.filter(username=name).exists()


def users_with_roles(pk: int | None = None) -> list[dict[str, Any]]:
    """Every user (or user `pk`) with their role and bound cluster, by name (for the
    admins' users page)."""
    bound = dict(Profile.objects.values_list("user_id", "cluster_code"))
    users: QuerySet[User] = User.objects.prefetch_related("groups").order_by("username")
    if pk is not None:
        users = users.filter(pk=pk)
    rows = []
    for user in users:
        names = {group.name for group in user.groups.all()}
        role = ADMIN if user.is_superuser else next((r for r in ROLES if r in names), None)
        rows.append({"user": user, "role": role, "cluster": bound.get(user.pk) or ""})
    return rows


def cluster_manager_addresses(code: str) -> dict[str, list[str]]:
    """The e-mail addresses of the active users bound to cluster `code` as its managers,
    per the language each last chose ("" where not known)."""
    users = User.objects.filter(
        is_active=True, groups__name=CLUSTER, clustermonitor_profile__cluster_code=code
    ).exclude(email="")
    by_language: dict[str, set[str]] = {}
    for email, language in users.values_list("email", "clustermonitor_profile__language"):
        by_language.setdefault(language or "", set()).add(email)
    return {language: sorted(emails) for language, emails in sorted(by_language.items())}


def language_remember(user: Any, language: str) -> None:
    """Keep the language a signed-in user chose, for what is sent to them later (mails)."""
    if not getattr(user, "is_authenticated", False):
        return
    if Profile.objects.filter(user=user, language=language).exists():
        return
    Profile.objects.update_or_create(user=user, defaults={"language": language})
