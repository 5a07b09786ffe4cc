"""Fail early, with one clear message, when the database has no pgvector (before any migration runs)."""

from django.core.management.base import CommandError


def database_description(connection) -> str:
    settings = connection.settings_dict
    host = settings.get("HOST") or settings.get("OPTIONS", {}).get("host") or "localhost"
    return f"The PostgreSQL server at {host} (database {settings['NAME']!r})"


def require_pgvector(connection) -> None:
    if connection.vendor != "postgresql":
        raise CommandError(
            f"{database_description(connection)} is not PostgreSQL; pgvector needs PostgreSQL."
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        available = cursor.fetchone() is not None
    if not available:
        raise CommandError(
            f"{database_description(connection)} does not have the pgvector extension. Install pgvector on that "
            "server (https://github.com/pgvector/pgvector#installation), or unset DATABASE_URL to use the "
            "embedded PostgreSQL that ships with pgvector."
        )


def check_pgvector_before_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    if sender.label == "knowledge":  # pre_migrate is sent once per app: check once
        require_pgvector(connections[using])
