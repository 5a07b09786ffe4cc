import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The table used to live in the knowledge app (knowledge_draftreference): copy its rows when it is there. The
# knowledge app's migration that drops it runs after this one.
COPY = """
DO $$
BEGIN
    IF to_regclass('knowledge_draftreference') IS NOT NULL THEN
        INSERT INTO cms_draftreference (page_id, document_id)
        SELECT page_id, document_id FROM knowledge_draftreference
        ON CONFLICT DO NOTHING;
    END IF;
END $$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0001_initial'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DraftReference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('page', 'document'), name='cms_unique_draft_reference')],
            },
        ),
        migrations.RunSQL(COPY, migrations.RunSQL.noop),
    ]
