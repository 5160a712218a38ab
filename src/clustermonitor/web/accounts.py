"""Users in roles: create one (adduser, demo users, tests)."""

from django.contrib.auth.models import Group, User
from django.db import transaction

from clustermonitor.clusters.models import Cluster
from clustermonitor.web.models import Profile
from clustermonitor.web.permissions import ADMIN, CLUSTER, ROLES


def user_create(name: str, *, role: str, password: str, cluster: str | None = None) -> User:
    """Create or update user `name` in `role` (admins are superusers); raises ValueError."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role}: one of {', '.join(ROLES)}")
    if role == CLUSTER and not Cluster.objects.filter(code=cluster).exists():
        raise ValueError(f"unknown cluster {cluster}")
    with transaction.atomic():
        user, _ = User.objects.get_or_create(username=name)
        user.is_superuser = user.is_staff = role == ADMIN
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
        Profile.objects.update_or_create(user=user, defaults={"cluster_code": cluster or ""})
    return user
