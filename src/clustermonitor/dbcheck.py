"""`python -m clustermonitor.dbcheck URL`: exit 0 when a PostgreSQL URL answers."""

import sys

import dj_database_url


def reachable(url: str) -> bool:
    if not url.startswith(("postgres://", "postgresql://")):
        return False
    import psycopg

    config = dj_database_url.parse(url)
    try:
        with psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            dbname=config["NAME"],
            connect_timeout=3,
        ):
            return True
    except psycopg.OperationalError:
        return False


if __name__ == "__main__":
    sys.exit(0 if reachable(sys.argv[1]) else 1)
