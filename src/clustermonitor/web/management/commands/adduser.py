"""clustermonitor adduser NAME --role admin|analyst|cluster|viewer [--cluster CODE]

Creates (or updates: an admin resets a password this way) a user of the web application
in one of the four roles. The password comes from CLUSTERMONITOR_PASSWORD, or is asked for
twice on a terminal; Django's password validators judge it, Django's username rules the
name.
"""

import getpass
import os
import sys
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from clustermonitor.access.permissions import CLUSTER, ROLES
from clustermonitor.web.accounts import user_create


class Command(BaseCommand):
    help = "Create a user of the web application with a role (admin, analyst, cluster, viewer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="the user name to log in with")
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--cluster", help="the cluster code a cluster manager is bound to (role cluster)")

    def handle(self, *args: Any, **options: Any) -> None:
        role, cluster = options["role"], options["cluster"]
        if role == CLUSTER and not cluster:
            raise CommandError("--cluster CODE is required for the role cluster")
        if role != CLUSTER and cluster:
            raise CommandError("--cluster is for the role cluster only")
        name = options["name"]
        try:
            User._meta.get_field("username").clean(name, User(username=name))
        except ValidationError as error:
            raise CommandError(f"user name {name!r}: {' '.join(error.messages)}") from None
        password = os.environ.get("CLUSTERMONITOR_PASSWORD") or self.ask_password()
        try:
            validate_password(password, User(username=name))
        except ValidationError as error:
            raise CommandError(f"password refused: {' '.join(error.messages)}") from None
        try:
            user_create(options["name"], role=role, cluster=cluster, password=password)
        except ValueError as error:
            raise CommandError(str(error)) from None
        where = f" of cluster {cluster}" if cluster else ""
        self.stdout.write(f"user {options['name']}: role {role}{where}")

    def ask_password(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError("no password: set CLUSTERMONITOR_PASSWORD, or run adduser in a terminal")
        try:
            first = getpass.getpass("password: ")
            again = getpass.getpass("password (again): ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("no password given") from None
        if not first or first != again:
            raise CommandError("the passwords are empty or differ")
        return first
