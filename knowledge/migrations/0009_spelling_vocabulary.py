from django.db import migrations, models

# The vocabulary of what is already indexed, as knowledge.store.WORDS_SQL counts it on every write since.
FILL_VOCABULARY = """
    INSERT INTO knowledge_wordstat (namespace, word, ndoc)
    SELECT c.namespace, w.word, count(*)
    FROM knowledge_chunk c
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', c.heading || ' ' || c.text))) AS w(word)
    WHERE w.word ~ '^[[:alpha:]]{3,40}$'
    GROUP BY c.namespace, w.word
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0008_chunk_locales_source_locales"),
    ]

    operations = [
        migrations.CreateModel(
            name="WordStat",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("namespace", models.CharField(max_length=64)),
                ("word", models.CharField(max_length=40)),
                ("ndoc", models.IntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("namespace", "word"), name="unique_word_per_namespace")
                ],
            },
        ),
        migrations.RunSQL(FILL_VOCABULARY, migrations.RunSQL.noop),
    ]
