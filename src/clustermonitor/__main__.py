"""The `clustermonitor` console script: Django's manage.py under the product's name.

On the embedded SQLite default the schema is created or upgraded before any command
runs, so a user never has to think about migrations; on PostgreSQL that is an explicit
`clustermonitor migrate`, as a production database deserves.
"""

import os
import sys

SCHEMA_COMMANDS = {"migrate", "makemigrations", "sqlmigrate", "showmigrations", "test", "help"}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "clustermonitor"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermonitor.settings")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    command = argv[1] if len(argv) > 1 else "help"
    if command not in SCHEMA_COMMANDS and not command.startswith("-"):
        _upgrade_embedded_schema()
    execute_from_command_line(argv)


def _upgrade_embedded_schema() -> None:
    from django.conf import settings
    from django.core.management import call_command

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        call_command("migrate", verbosity=0, interactive=False)


if __name__ == "__main__":
    main()
