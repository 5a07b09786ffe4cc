"""Writing the index: sources with their chunks and postings, the embedding cache, the HNSW indexes.

Replacing sources is atomic (upsert keyed by each source's unique (namespace, kind, object_id), delete and
insert of its chunks, in one transaction per batch), so a process killed at any moment leaves each source
either fully old or fully new: a second run fixes what is stale and never duplicates.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import Chunk, CorpusStat, EmbeddingCache, Source

logger = logging.getLogger(__name__)

TS_CONFIG_BY_LANGUAGE = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "de": "german",
    "ru": "russian",
}


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


def vector_text(vector) -> str:
    """pgvector's text form of a vector, for SQL parameters (9 significant digits: exact for float32)."""
    return "[" + ",".join(f"{x:.9g}" for x in np.asarray(vector, dtype=np.float32).tolist()) + "]"


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


# The text search configuration of each chunk's own language, as SQL over the joined source row (alias s).
LANGUAGE_CONFIG_SQL = (
    "(CASE s.language "
    + " ".join(
        f"WHEN {sql_literal(code)} THEN {sql_literal(config)}"
        for code, config in TS_CONFIG_BY_LANGUAGE.items()
    )
    + " ELSE 'simple' END)::regconfig"
)
SOURCE_UPDATE_FIELDS = [
    "page_id", "document_id", "title", "url", "content_type", "goals", "objectives", "practices", "regions",
    "year", "language", "date", "content_hash", "model_name", "status", "error", "attempts", "chunk_count",
    "indexed_at", "updated_at",
]  # fmt: skip


def replace_sources(items: Sequence[dict], *, model_key: str) -> list[Source]:
    """Write sources and all of their chunks, replacing whatever was there, in one transaction.

    Each item: namespace, kind, object_id, fields, chunks (with their embeddings). A batch is written with a
    handful of set-based statements (the sources upserted, old chunks and postings deleted, new chunks
    inserted, their tsvectors and postings computed by PostgreSQL), so writing costs little next to
    embedding. A process killed at any point leaves every source of the batch either fully old or fully new.
    """
    latest = {(item["namespace"], item["kind"], item["object_id"]): item for item in items}  # last one wins
    if not latest:
        return []
    now = timezone.now()
    rows = []
    for (namespace, kind, object_id), item in latest.items():
        fields = dict(item["fields"])
        fields.setdefault("content_type", "page")
        fields["language"] = fields.get("language") or "en"
        for name in ("goals", "objectives", "practices", "regions"):
            fields[name] = list(fields.get(name) or [])
        rows.append(
            Source(
                namespace=namespace,
                kind=kind,
                object_id=object_id,
                **fields,
                model_name=model_key,
                status=Source.Status.INDEXED,
                error="",
                attempts=0,
                chunk_count=len(item["chunks"]),
                indexed_at=now,
                updated_at=now,
            )
        )
    with transaction.atomic():
        Source.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["namespace", "kind", "object_id"],
            update_fields=SOURCE_UPDATE_FIELDS,
            batch_size=500,
        )
        ids = [source.pk for source in rows]
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM knowledge_posting WHERE chunk_id IN "
                "(SELECT id FROM knowledge_chunk WHERE source_id = ANY(%s))",
                [ids],
            )
            cursor.execute("DELETE FROM knowledge_chunk WHERE source_id = ANY(%s)", [ids])
        # Chunks are inserted with their tsvector and facet columns computed by PostgreSQL in the same statement
        # (an UPDATE afterwards would write every row, and every index entry, twice). Title and heading weigh
        # more than body text. Queries use the English configuration, so every chunk has English lexemes; other
        # languages add their own stems.
        columns: dict[str, list] = {name: [] for name in ("source", "position", "heading", "page", "text")}
        columns.update(tokens=[], hash=[], embedding=[])
        for source, item in zip(rows, latest.values(), strict=True):
            for chunk in item["chunks"]:
                columns["source"].append(source.pk)
                columns["position"].append(chunk["position"])
                columns["heading"].append(chunk["heading"][:500])
                columns["page"].append(chunk["page_number"])
                columns["text"].append(chunk["text"])
                columns["tokens"].append(chunk["token_count"])
                columns["hash"].append(chunk["text_hash"])
                columns["embedding"].append(vector_text(chunk["embedding"]))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO knowledge_chunk (source_id, namespace, position, heading, page_number, text, token_count,
                    text_hash, model_name, embedding, search_vector, content_type, goals, objectives, practices,
                    regions, year, language)
                SELECT i.source_id, s.namespace, i.position, i.heading, i.page_number, i.text, i.token_count,
                    i.text_hash, %s, i.embedding::halfvec,
                    setweight(to_tsvector('english', coalesce(s.title, '')), 'A')
                    || setweight(to_tsvector('english', coalesce(i.heading, '')), 'B')
                    || to_tsvector('english', i.text)
                    || CASE WHEN {LANGUAGE_CONFIG_SQL} = 'english'::regconfig THEN ''::tsvector
                       ELSE to_tsvector({LANGUAGE_CONFIG_SQL}, coalesce(s.title, '') || ' ' || i.text) END,
                    s.content_type, s.goals, s.objectives, s.practices, s.regions, s.year, s.language
                FROM unnest(%s::bigint[], %s::int[], %s::text[], %s::int[], %s::text[], %s::int[], %s::text[],
                            %s::text[])
                    AS i(source_id, position, heading, page_number, text, token_count, text_hash, embedding)
                JOIN knowledge_source s ON s.id = i.source_id
                ORDER BY i.source_id, i.position
                """,
                [model_key, *columns.values()],
            )
            for namespace in sorted({source.namespace for source in rows}):
                write_postings(
                    cursor, namespace, "c.source_id = ANY(%s) AND c.namespace = %s", [ids, namespace]
                )
    return rows


# BM25's term-frequency part of one posting; %(k1)s, %(b)s and %(avglen)s are the namespace's impact parameters
# (a NULL average length means "not known yet": the chunk's own length, i.e. no length normalisation).
IMPACT_SQL = (
    "{tf} * (%(k1)s + 1) / ({tf} + %(k1)s * (1 - %(b)s + %(b)s * {length} / coalesce(%(avglen)s, {length})))"
)


def impact_parameters(namespace: str) -> dict:
    """The (k1, b, average length) a namespace's stored impacts use: once set, new postings follow them."""
    stat = CorpusStat.objects.filter(namespace=namespace).first()
    if stat and stat.impact_k1 is not None:
        return {"k1": stat.impact_k1, "b": stat.impact_b, "avglen": stat.impact_average_length}
    return {"k1": settings.SEARCH_BM25_K1, "b": settings.SEARCH_BM25_B, "avglen": None}


def write_postings(cursor, namespace: str, where: str, params: list) -> None:
    """Insert the postings of the chunks selected by `where` (alias c), from their tsvectors."""
    impact = IMPACT_SQL.format(tf="t.tf", length="t.len")
    parameters = impact_parameters(namespace)
    # The query's own %s placeholders come first; named parameters cannot be mixed with them in one call.
    impact = impact % {
        name: "NULL" if value is None else repr(float(value)) for name, value in parameters.items()
    }
    cursor.execute(
        f"""
        INSERT INTO knowledge_posting (chunk_id, lexeme, namespace, tf, impact)
        SELECT t.chunk_id, t.lexeme, t.namespace, t.tf, {impact}
        FROM (
            SELECT c.id AS chunk_id, left(u.lexeme, 200) AS lexeme, c.namespace,
                   least(sum(coalesce(array_length(u.positions, 1), 1)), 32767) AS tf,
                   greatest(length(c.search_vector), 1)::float8 AS len
            FROM knowledge_chunk c CROSS JOIN LATERAL unnest(c.search_vector) u
            WHERE {where}
            GROUP BY c.id, left(u.lexeme, 200)
        ) t
        """,
        params,
    )


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


# Stored impacts are recomputed when the average chunk length moved by more than this fraction.
IMPACT_DRIFT = 0.05


def refresh_lexeme_stats(namespace: str) -> int:
    """Recompute document frequencies of every lexeme in a namespace (from its postings), the corpus size and
    average length; recompute the stored posting impacts when their parameters are out of date."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_lexemestat WHERE namespace = %s", [namespace])
        cursor.execute(
            "INSERT INTO knowledge_lexemestat (namespace, lexeme, ndoc) "
            "SELECT namespace, lexeme, count(*) FROM knowledge_posting WHERE namespace = %s "
            "GROUP BY namespace, lexeme",
            [namespace],
        )
        count = cursor.rowcount
        cursor.execute(
            "SELECT count(*), coalesce(avg(length(search_vector)), 0) FROM knowledge_chunk WHERE namespace = %s",
            [namespace],
        )
        chunks, average = cursor.fetchone()
        average = float(average)
        cursor.execute(
            "INSERT INTO knowledge_corpusstat (namespace, chunks, average_length, refreshed_at) "
            "VALUES (%s, %s, %s, now()) ON CONFLICT (namespace) DO UPDATE SET chunks = EXCLUDED.chunks, "
            "average_length = EXCLUDED.average_length, refreshed_at = now() "
            "RETURNING impact_k1, impact_b, impact_average_length",
            [namespace, chunks, average],
        )
        old_k1, old_b, old_average = cursor.fetchone()
        k1, b = settings.SEARCH_BM25_K1, settings.SEARCH_BM25_B
        stale = (
            old_average is None
            or old_k1 != k1
            or old_b != b
            or abs(average - old_average) > IMPACT_DRIFT * max(old_average, 1.0)
        )
        if stale and average > 0:
            recompute_impacts(cursor, namespace, k1=k1, b=b, average=average)
    return count


def recompute_impacts(cursor, namespace: str, *, k1: float, b: float, average: float) -> None:
    impact = IMPACT_SQL.format(tf="p.tf", length="greatest(length(c.search_vector), 1)")
    cursor.execute(
        f"UPDATE knowledge_posting p SET impact = {impact} "
        "FROM knowledge_chunk c WHERE c.id = p.chunk_id AND p.namespace = %(namespace)s",
        {"k1": k1, "b": b, "avglen": average, "namespace": namespace},
    )
    cursor.execute(
        "UPDATE knowledge_corpusstat SET impact_k1 = %s, impact_b = %s, impact_average_length = %s "
        "WHERE namespace = %s",
        [k1, b, average, namespace],
    )
    logger.info("Recomputed posting impacts of namespace %s (average length %.1f)", namespace, average)
