"""Writing the index: sources and their chunks in one transaction each, the embedding cache, the HNSW indexes.

Replacing a source's chunks is atomic (delete + insert in one transaction, keyed by the source's unique
(namespace, kind, object_id)), so a process killed at any moment leaves each source either fully old or fully
new: a second run fixes what is stale and never duplicates.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from .models import Chunk, EmbeddingCache, Source

logger = logging.getLogger(__name__)

TS_CONFIG_BY_LANGUAGE = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "de": "german",
    "ru": "russian",
}


def ts_config(language: str) -> str:
    return TS_CONFIG_BY_LANGUAGE.get(language, "simple")


def vector_index_name(model_key: str, namespace: str) -> str:
    digest = hashlib.sha1(f"{model_key}|{namespace}".encode()).hexdigest()[:16]
    return f"knowledge_chunk_hnsw_{digest}"


def ensure_vector_index(model_key: str, namespace: str, dimension: int) -> str:
    """Create the partial HNSW index (cosine, halfvec) for this model and namespace if it does not exist.

    Partial per model: pgvector's documented way to index vectors of several dimensions in one column
    (https://github.com/pgvector/pgvector#can-i-store-vectors-with-different-dimensions-in-the-same-column).
    """
    name = vector_index_name(model_key, namespace)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
        if cursor.fetchone():
            return name
        if connection.in_atomic_block:
            # CREATE INDEX refuses to run while deferred foreign-key checks are pending in the transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # A graph that does not fit maintenance_work_mem builds several times slower (see README figures).
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON knowledge_chunk "
            f"USING hnsw ((embedding::halfvec({int(dimension)})) halfvec_cosine_ops) "
            f"WITH (m = 16, ef_construction = 64) "
            f"WHERE model_name = {sql_literal(model_key)} AND namespace = {sql_literal(namespace)}"
        )
        cursor.execute("RESET maintenance_work_mem")
        if connection.in_atomic_block:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    logger.info("Created vector index %s for model %s in namespace %s", name, model_key, namespace)
    return name


def sql_literal(value: str) -> str:
    """A SQL string literal (DDL cannot take parameters)."""
    return "'" + value.replace("'", "''") + "'"


def cached_embeddings(model_key: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
    hashes = list(set(hashes))
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(hashes), 5000):
        rows = EmbeddingCache.objects.filter(model_name=model_key, text_hash__in=hashes[start : start + 5000])
        for text_hash, embedding in rows.values_list("text_hash", "embedding"):
            found[text_hash] = np.asarray(
                embedding.to_numpy() if hasattr(embedding, "to_numpy") else embedding, dtype=np.float32
            )
    return found


def cache_embeddings(model_key: str, vectors: dict[str, np.ndarray]) -> None:
    EmbeddingCache.objects.bulk_create(
        [EmbeddingCache(model_name=model_key, text_hash=h, embedding=v) for h, v in vectors.items()],
        ignore_conflicts=True,
        batch_size=1000,
    )


def replace_source(
    *,
    namespace: str,
    kind: str,
    object_id: str,
    fields: dict,
    chunks: Sequence[dict],
    model_key: str,
) -> Source:
    """Write a source and all of its chunks, replacing whatever was there, in one transaction."""
    language = fields.get("language") or "en"
    facet_fields = {
        name: list(fields.get(name) or []) for name in ("goals", "objectives", "practices", "regions")
    }
    facet_fields.update(
        content_type=fields.get("content_type") or "page", year=fields.get("year"), language=language
    )
    with transaction.atomic():
        source, _ = Source.objects.select_for_update().update_or_create(
            namespace=namespace,
            kind=kind,
            object_id=object_id,
            defaults={
                **fields,
                "model_name": model_key,
                "status": Source.Status.INDEXED,
                "error": "",
                "attempts": 0,
                "chunk_count": len(chunks),
                "indexed_at": timezone.now(),
            },
        )
        Chunk.objects.filter(source=source).delete()
        Chunk.objects.bulk_create(
            [
                Chunk(
                    source=source,
                    namespace=namespace,
                    position=chunk["position"],
                    heading=chunk["heading"][:500],
                    page_number=chunk["page_number"],
                    text=chunk["text"],
                    token_count=chunk["token_count"],
                    text_hash=chunk["text_hash"],
                    model_name=model_key,
                    embedding=chunk["embedding"],
                    search_vector="",
                    **facet_fields,
                )
                for chunk in chunks
            ],
            batch_size=500,
        )
        # The tsvector is built by PostgreSQL itself: title and heading weigh more than body text. Queries use
        # the English configuration, so every chunk has English lexemes; other languages add their own stems.
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE knowledge_chunk c SET search_vector =
                    setweight(to_tsvector('english', coalesce(s.title, '')), 'A')
                    || setweight(to_tsvector('english', coalesce(c.heading, '')), 'B')
                    || to_tsvector('english', c.text)
                    || CASE WHEN %s::regconfig = 'english'::regconfig THEN ''::tsvector
                       ELSE to_tsvector(%s::regconfig, coalesce(s.title, '') || ' ' || c.text) END
                FROM knowledge_source s WHERE s.id = c.source_id AND c.source_id = %s
                """,
                [ts_config(language)] * 2 + [source.pk],
            )
    return source


def record_failure(*, namespace: str, kind: str, object_id: str, fields: dict, error: str) -> Source:
    """Keep a failed source visible to editors, with its reason; its old chunks are removed."""
    with transaction.atomic():
        source, created = Source.objects.select_for_update().get_or_create(
            namespace=namespace,
            kind=kind,
            object_id=object_id,
            defaults={**fields, "status": Source.Status.FAILED},
        )
        for name, value in fields.items():
            setattr(source, name, value)
        source.status = Source.Status.FAILED
        source.error = error[:5000]
        source.attempts = (0 if created else source.attempts) + 1
        source.content_hash = ""
        source.chunk_count = 0
        source.indexed_at = timezone.now()
        source.save()
        Chunk.objects.filter(source=source).delete()
    return source


def remove_source(*, namespace: str, kind: str, object_id: str) -> int:
    deleted, _ = Source.objects.filter(namespace=namespace, kind=kind, object_id=object_id).delete()
    return deleted


def refresh_lexeme_stats(namespace: str) -> int:
    """Recompute document frequencies of every lexeme in a namespace (one ts_stat pass over its chunks)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_lexemestat WHERE namespace = %s", [namespace])
        inner = f"SELECT search_vector FROM knowledge_chunk WHERE namespace = {sql_literal(namespace)}"
        cursor.execute(
            "INSERT INTO knowledge_lexemestat (namespace, lexeme, ndoc) "
            "SELECT %s, left(word, 200), max(ndoc) FROM ts_stat(%s) GROUP BY left(word, 200)",
            [namespace, inner],
        )
        count = cursor.rowcount
        cursor.execute(
            "SELECT count(*), coalesce(avg(length(search_vector)), 0) FROM knowledge_chunk WHERE namespace = %s",
            [namespace],
        )
        chunks, average = cursor.fetchone()
        cursor.execute(
            "INSERT INTO knowledge_corpusstat (namespace, chunks, average_length, refreshed_at) "
            "VALUES (%s, %s, %s, now()) ON CONFLICT (namespace) DO UPDATE SET chunks = EXCLUDED.chunks, "
            "average_length = EXCLUDED.average_length, refreshed_at = now()",
            [namespace, chunks, float(average)],
        )
    return count
