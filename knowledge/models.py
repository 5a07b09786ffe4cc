"""The knowledge index: one row per indexed source (a page or a document), its chunks with their vectors and
full-text vectors, and a cache of embeddings keyed by model and text.

Vectors are stored as `halfvec` without a fixed dimension: the dimension comes from the model. Each model
and namespace gets its own partial HNSW index on `embedding::halfvec(<dim>)` (see knowledge/store.py), so
vectors of different models are never compared and switching models needs no schema migration.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from pgvector.django import HalfVectorField

from cms.visibility import (
    ANONYMOUS,
    SIGNED_IN,
    Viewer,
    document_visible_sql,
    organization_profiles_visible_sql,
    page_visible_sql,
    restrictions_read_once,
)

SITE_NAMESPACE = "site"


def audience_sql(alias: str = "s", viewer: Viewer = ANONYMOUS) -> tuple[str, list]:
    """SQL true for an index row (aliased `alias`) whose stored audience admits `viewer`
    (cms.visibility.Audience.admits): public rows only for an anonymous visitor, every row for a superuser, and
    for a member the public rows and those each of whose clauses names one of their groups or SIGNED_IN."""
    if viewer.superuser:
        return "TRUE", []
    if viewer.anonymous:
        return f"cardinality({alias}.audience) = 0", []
    return (
        f"(cardinality({alias}.audience) = 0 OR NOT EXISTS (SELECT FROM unnest({alias}.audience) AS a(clause)"
        " WHERE NOT string_to_array(a.clause, ',')::int[] && %s::int[]))",
        [sorted(viewer.groups | {SIGNED_IN})],
    )


def source_visible_sql(alias: str = "s", viewer: Viewer = ANONYMOUS) -> tuple[str, list]:
    """SQL true for a knowledge_source row (aliased `alias`) that `viewer` (by default an anonymous visitor) may
    see right now: its page or document is visible to them now and, for a signed-in viewer, its stored audience
    admits them too.

    The index never decides visibility itself: the audience is computed by cms.visibility when the row is
    written, and pages and documents are checked again with cms.visibility's SQL forms (compiled from the same
    querysets the site and the API use, once per set of restrictions in the viewer's way), so a restriction
    added a moment ago applies before the index catches up. External corpus items are always visible.
    """
    with restrictions_read_once():  # the three forms share one read of the restrictions
        page_sql, page_params = page_visible_sql(f"{alias}.page_id", viewer)
        document_sql, document_params = document_visible_sql(f"{alias}.document_id", viewer)
        profiles_sql, profiles_params = organization_profiles_visible_sql()
    sql = (
        f"({alias}.kind = 'external' OR ({alias}.kind = 'page' AND {page_sql})"
        f" OR ({alias}.kind = 'document' AND {document_sql})"
        f" OR ({alias}.kind = 'organization' AND {profiles_sql}))"
    )
    params = page_params + document_params + profiles_params
    if viewer.anonymous:
        # The anonymous recheck alone is exactly "public now" (every restriction stops an anonymous visitor), so
        # the stored audience adds nothing here: the anonymous predicate stays what it was before audiences (a
        # check of every candidate row's audience array cost about as much again on a full scan).
        return sql, params
    admits_sql, admits_params = audience_sql(alias, viewer)
    return f"({admits_sql} AND {sql})", admits_params + params


class Source(models.Model):
    """A page, a document or an organization's profile in the index, with the facet values its chunks share."""

    class Kind(models.TextChoices):
        PAGE = "page", "Page"
        DOCUMENT = "document", "Document"
        ORGANIZATION = "organization", "Organization profile"
        EXTERNAL = "external", "External corpus item"

    class Status(models.TextChoices):
        INDEXED = "indexed", "Indexed"
        FAILED = "failed", "Failed"

    namespace = models.CharField(
        max_length=64,
        default=SITE_NAMESPACE,
        help_text="'site' for the site's content; evaluation corpora apart.",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.CharField(
        max_length=64, help_text="Page id, document id, organization id, or the corpus' own id."
    )
    page_id = models.BigIntegerField(
        null=True, blank=True, help_text="Set for pages: checked for visibility."
    )
    document_id = models.BigIntegerField(null=True, blank=True, help_text="Set for documents.")
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=1000, blank=True)
    content_type = models.CharField(max_length=40, help_text="project, webinar, resource, document, ...")
    goals = ArrayField(models.CharField(max_length=1), default=list, blank=True)
    objectives = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    practices = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    regions = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en")
    locales = ArrayField(
        models.CharField(max_length=10),
        default=list,
        blank=True,
        help_text="Site locales it belongs to: a page's own, a document's pages' (searched per locale).",
    )
    date = models.DateField(null=True, blank=True)
    audience = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text='Who may see it (cms.visibility.Audience.tokens()): empty for everyone, "0" for anyone signed '
        'in, "3,7" for members of group 3 or 7; every clause must be met.',
    )
    content_hash = models.CharField(
        max_length=64, blank=True, help_text="Hash of everything indexed; unchanged = skip."
    )
    model_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INDEXED)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    chunk_count = models.PositiveIntegerField(default=0)
    profile = HalfVectorField(
        null=True,
        blank=True,
        help_text="Normalised mean of the chunk vectors: the topic, for related content.",
    )
    indexed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["namespace", "kind", "object_id"], name="unique_source_per_object"
            )
        ]
        indexes = [
            models.Index(fields=["namespace", "status"]),
            models.Index(fields=["namespace", "content_type"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class Chunk(models.Model):
    """A passage of a source. Facet columns are copied from the source so filtered vector scans need no join."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="chunks")
    namespace = models.CharField(max_length=64, default=SITE_NAMESPACE)
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=500, blank=True)
    page_number = models.PositiveIntegerField(null=True, blank=True, help_text="PDF page, 1-based.")
    text = models.TextField()
    token_count = models.PositiveIntegerField()
    text_hash = models.CharField(max_length=64, help_text="sha256 of the embedded text")
    model_name = models.CharField(max_length=200)
    embedding = HalfVectorField()
    search_vector = SearchVectorField()
    content_type = models.CharField(max_length=40)
    goals = ArrayField(models.CharField(max_length=1), default=list, blank=True)
    objectives = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    practices = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    regions = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en")
    locales = ArrayField(models.CharField(max_length=10), default=list, blank=True)
    audience = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="The source's audience, copied: the spelling vocabulary counts public chunks only.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "position"], name="unique_chunk_position")]
        indexes = [
            GinIndex(fields=["search_vector"], name="knowledge_chunk_fts"),
            models.Index(fields=["namespace", "model_name"], name="knowledge_chunk_ns_model"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}#{self.position}"


class EmbeddingCache(models.Model):
    """Embeddings already computed, so unchanged text is never embedded twice (also across re-created sources)."""

    model_name = models.CharField(max_length=200)
    text_hash = models.CharField(max_length=64)
    embedding = HalfVectorField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["model_name", "text_hash"], name="unique_embedding_per_model_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model_name}:{self.text_hash[:12]}"


class LexemeStat(models.Model):
    """Document frequency of each full-text lexeme per namespace: the IDF of BM25 keyword ranking.

    Kept exact incrementally: every write of a source adds its new postings and subtracts its old ones in the same
    transaction (knowledge/store.py), so an editor's save costs the words of one page, not a pass over the corpus.
    `ndoc` is a plain integer: the delta of one write may be negative.
    """

    namespace = models.CharField(max_length=64)
    lexeme = models.CharField(max_length=200)
    ndoc = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "lexeme"], name="unique_lexeme_per_namespace")
        ]

    def __str__(self) -> str:
        return f"{self.namespace}:{self.lexeme}"


class WordStat(models.Model):
    """The surface words of the indexed text (lowercased, not stemmed) and the number of chunks holding each, per
    namespace and site locale: the vocabulary that "did you mean" corrects misspelled query words from
    (search/spelling.py). Each chunk counts under locale "" (every language) and under each of its locales, so a
    search of one locale knows exactly that locale's words ("climat" is a word of the French pages, not of the
    English ones).

    Lexemes are stems ("sequestr"), which cannot be offered to a visitor; these are the words as written. Kept
    exact on the write path like LexemeStat (knowledge/store.py). The index holds only visible content, but a
    source can stay in it for a moment after it was hidden (until its sync task runs), so the query side checks a
    suggested word against visible chunks before offering it.
    """

    namespace = models.CharField(max_length=64)
    locale = models.CharField(max_length=10, blank=True, default="", help_text='"": every locale.')
    word = models.CharField(max_length=40)
    ndoc = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "locale", "word"], name="unique_word_per_locale")
        ]

    def __str__(self) -> str:
        return f"{self.namespace}:{self.locale or '*'}:{self.word}"


class CorpusStat(models.Model):
    """Size and average chunk length (lexemes) of a namespace, for BM25 length normalisation.

    `chunks` and `total_length` are updated with every write, in its transaction; `average_length` follows them.
    `impact_*` are the parameters the namespace's stored posting impacts were computed with (see Posting): new
    postings use them, and `reindex` or `manage.py refresh_keyword_stats` recompute every impact only when the
    average length has drifted by more than 5% or BM25's k1/b changed, never on an editor's save.
    """

    namespace = models.CharField(max_length=64, unique=True)
    chunks = models.BigIntegerField(default=0)
    total_length = models.BigIntegerField(default=0)
    average_length = models.FloatField(default=0)
    impact_average_length = models.FloatField(null=True, blank=True)
    impact_k1 = models.FloatField(null=True, blank=True)
    impact_b = models.FloatField(null=True, blank=True)
    refreshed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.namespace}: {self.chunks} chunks"


class Posting(models.Model):
    """One lexeme of one chunk: the keyword side's inverted index, with the term's BM25 weight in that chunk.

    `impact` is BM25's term-frequency part, tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen)), so a
    query's score of a chunk is the sum of idf(term) * impact over its words. The index on (namespace, lexeme,
    impact DESC) lets a query read only the strongest postings of each word (search/retrieval.py) instead of
    ranking every chunk that contains it: keyword cost no longer grows with the corpus. Written from the
    chunk's own tsvector by knowledge.store.replace_sources; deleted with the chunk.
    """

    pk = models.CompositePrimaryKey("chunk", "lexeme")
    chunk = models.ForeignKey(Chunk, on_delete=models.CASCADE, related_name="+")
    lexeme = models.CharField(max_length=200)
    namespace = models.CharField(max_length=64)
    tf = models.PositiveSmallIntegerField(
        help_text="Occurrences of the lexeme in the chunk (title included)."
    )
    impact = models.FloatField()

    class Meta:
        indexes = [
            models.Index(
                fields=["namespace", "lexeme", "-impact"], include=["chunk"], name="knowledge_posting_impact"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.chunk_id}:{self.lexeme}"
