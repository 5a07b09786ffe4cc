import pgvector.django.halfvec
from django.db import migrations, models

# Totals for the incremental statistics, and exact document frequencies to start from.
BACKFILL = """
UPDATE knowledge_corpusstat cs SET chunks = t.chunks, total_length = t.total_length,
    average_length = t.total_length::float8 / greatest(t.chunks, 1)
FROM (SELECT namespace, count(*) AS chunks, coalesce(sum(length(search_vector)), 0) AS total_length
      FROM knowledge_chunk GROUP BY namespace) t
WHERE cs.namespace = t.namespace;
DELETE FROM knowledge_lexemestat;
INSERT INTO knowledge_lexemestat (namespace, lexeme, ndoc)
SELECT namespace, lexeme, count(*) FROM knowledge_posting GROUP BY namespace, lexeme;
UPDATE knowledge_source s SET profile = p.profile
FROM (SELECT source_id, l2_normalize(avg(embedding::vector))::halfvec AS profile
      FROM knowledge_chunk GROUP BY source_id) p
WHERE s.id = p.source_id;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0005_postings'),
        ('cms', '0002_draftreference'),
    ]

    operations = [
        migrations.DeleteModel(name='DraftReference'),
        migrations.AlterField(
            model_name='lexemestat',
            name='ndoc',
            field=models.IntegerField(),
        ),
        migrations.AlterField(
            model_name='corpusstat',
            name='chunks',
            field=models.BigIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name='corpusstat',
            name='average_length',
            field=models.FloatField(default=0),
        ),
        migrations.AddField(
            model_name='corpusstat',
            name='total_length',
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='source',
            name='profile',
            field=pgvector.django.halfvec.HalfVectorField(blank=True, help_text='Normalised mean of the chunk vectors: the topic, for related content.', null=True),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
