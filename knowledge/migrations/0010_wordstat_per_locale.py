from django.db import migrations, models

# The vocabulary counted again, per locale as knowledge.store.WORDS_SQL counts it on every write from now on: each
# chunk under "" (every locale) and under each of its locales.
REFILL_VOCABULARY = """
    DELETE FROM knowledge_wordstat;
    INSERT INTO knowledge_wordstat (namespace, locale, word, ndoc)
    SELECT c.namespace, l.locale, w.word, count(*)
    FROM knowledge_chunk c
    CROSS JOIN LATERAL unnest(ARRAY['']::varchar[] || c.locales) AS l(locale)
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', c.heading || ' ' || c.text))) AS w(word)
    WHERE w.word ~ '^[[:alpha:]]{3,40}$'
    GROUP BY c.namespace, l.locale, w.word;
"""
# Back: the every-locale rows are the vocabulary as it was.
KEEP_EVERY_LOCALE = "DELETE FROM knowledge_wordstat WHERE locale <> '';"


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0009_spelling_vocabulary"),
    ]

    operations = [
        migrations.RunSQL(migrations.RunSQL.noop, KEEP_EVERY_LOCALE),
        migrations.RemoveConstraint(model_name="wordstat", name="unique_word_per_namespace"),
        migrations.AddField(
            model_name="wordstat",
            name="locale",
            field=models.CharField(blank=True, default="", help_text='"": every locale.', max_length=10),
        ),
        migrations.AddConstraint(
            model_name="wordstat",
            constraint=models.UniqueConstraint(
                fields=("namespace", "locale", "word"), name="unique_word_per_locale"
            ),
        ),
        migrations.RunSQL(REFILL_VOCABULARY, migrations.RunSQL.noop),
    ]
