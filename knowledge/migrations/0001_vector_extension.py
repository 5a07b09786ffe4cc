"""Enable pgvector, or stop with one clear message when the server does not have it."""

from django.core.management.base import CommandError
from django.db import migrations


def enable_pgvector(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        if cursor.fetchone() is None:
            settings = schema_editor.connection.settings_dict
            raise CommandError(
                f"The PostgreSQL server at {settings.get('HOST') or 'localhost'} (database {settings['NAME']!r}) "
                "does not have the pgvector extension. Install pgvector on that server "
                "(https://github.com/pgvector/pgvector#installation), or unset DATABASE_URL to use the "
                "embedded PostgreSQL that ships with pgvector."
            )
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(enable_pgvector, migrations.RunPython.noop)]
