"""Django's makemessages, which also finds the strings marked with `gettext_noop as N_`."""

from django.core.management.commands.makemessages import Command as MakeMessages


class Command(MakeMessages):
    xgettext_options = [*MakeMessages.xgettext_options, "--keyword=N_"]
