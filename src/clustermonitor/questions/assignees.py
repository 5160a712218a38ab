"""Who a written question can be assigned to: the users who draft answers."""

from django.contrib.auth import get_user_model

from clustermonitor.access import permissions


def assignable() -> list[tuple[str, str]]:
    """The users a question can be assigned to: active analysts and admins, by user name
    (with their full name when they have one)."""
    users = get_user_model().objects.filter(is_active=True).prefetch_related("groups").order_by("username")
    return [
        (user.get_username(), user.get_full_name() or user.get_username())
        for user in users
        if permissions.may_enter_data(user)
    ]
