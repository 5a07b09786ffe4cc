"""Enable pgvector, or stop with one clear message when the server does not have it."""

from django.db import migrations

from knowledge.checks import require_pgvector


def enable_pgvector(apps, schema_editor):
    require_pgvector(schema_editor.connection)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(enable_pgvector, migrations.RunPython.noop)]
