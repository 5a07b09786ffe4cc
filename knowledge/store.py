"""Writing the index: sources with their chunks and postings, the embedding cache, the HNSW indexes.

Replacing sources is atomic (upsert keyed by each source's unique (namespace, kind, object_id), delete and
insert of its chunks, in one transaction per batch), so a process killed at any moment leaves each source
either fully old or fully new: a second run fixes what is stale and never duplicates.

The cost of a write does not grow with the corpus: the keyword statistics (document frequency per lexeme, corpus
size and total length) are updated from the written sources' old and new postings, in the same transaction, and
deletes are set-based SQL (no row is loaded into Python). Only `maintain_keyword_statistics`, run by `reindex`,
`manage.py refresh_keyword_stats` and the background worker's periodic sweep, may touch every posting, and only
when the average chunk length has drifted by more than IMPACT_DRIFT.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterable, Sequence

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from cms.page_cache import new_generation

from .folding import fold
from .models import CorpusStat, EmbeddingCache, Source

logger = logging.getLogger(__name__)

TS_CONFIG_BY_LANGUAGE = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "de": "german",
    "ru": "russian",
}


def vector_index_name(model_key: str, namespace: str, table: str = "knowledge_chunk") -> str:
    digest = hashlib.sha1(f"{model_key}|{namespace}".encode()).hexdigest()[:16]
    prefix = "knowledge_chunk_hnsw" if table == "knowledge_chunk" else "knowledge_source_hnsw"
    return f"{prefix}_{digest}"


# The vector column of each indexed table: chunk passages (search) and source profiles (related content).
VECTOR_COLUMNS = {"knowledge_chunk": "embedding", "knowledge_source": "profile"}


def ensure_vector_index(model_key: str, namespace: str, dimension: int) -> str:
    """Create the partial HNSW indexes (cosine, halfvec) of this model and namespace if they do not exist: on the
    chunks' vectors (search) and on the sources' profiles (related content). Returns the chunk index's name.

    Partial per model: pgvector's documented way to index vectors of several dimensions in one column
    (https://github.com/pgvector/pgvector#can-i-store-vectors-with-different-dimensions-in-the-same-column).
    """
    names = {table: vector_index_name(model_key, namespace, table) for table in VECTOR_COLUMNS}
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(names.values())])
        present = {row[0] for row in cursor.fetchall()}
    missing = {table: name for table, name in names.items() if name not in present}
    if not missing:
        return names["knowledge_chunk"]
    with transaction.atomic(), connection.cursor() as cursor:
        # CREATE INDEX refuses to run while deferred foreign-key checks are pending in the transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        _set_build_memory(cursor)
        options = hnsw_options()
        for table, name in missing.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                f"USING hnsw (({VECTOR_COLUMNS[table]}::halfvec({int(dimension)})) halfvec_cosine_ops) "
                f"WITH ({_options_sql(options)}) "
                f"WHERE model_name = {sql_literal(model_key)} AND namespace = {sql_literal(namespace)}"
            )
            logger.info(
                "Created vector index %s (%s) for model %s in namespace %s",
                name,
                _options_sql(options),
                model_key,
                namespace,
            )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return names["knowledge_chunk"]


def hnsw_options() -> dict[str, int]:
    """The HNSW build parameters from settings, checked against pgvector's bounds (m 2-100, ef_construction
    4-1000 and at least twice m)."""
    m, ef_construction = int(settings.KNOWLEDGE_HNSW_M), int(settings.KNOWLEDGE_HNSW_EF_CONSTRUCTION)
    if not 2 <= m <= 100:
        raise ValueError(f"KNOWLEDGE_HNSW_M must be between 2 and 100, not {m}")
    if not max(4, 2 * m) <= ef_construction <= 1000:
        raise ValueError(
            f"KNOWLEDGE_HNSW_EF_CONSTRUCTION must be between {max(4, 2 * m)} (twice KNOWLEDGE_HNSW_M) and 1000, "
            f"not {ef_construction}"
        )
    return {"m": m, "ef_construction": ef_construction}


def _options_sql(options: dict[str, int]) -> str:
    return ", ".join(f"{key} = {int(value)}" for key, value in options.items())


def _set_build_memory(cursor) -> None:
    # A graph that does not fit maintenance_work_mem builds several times slower (see README figures).
    memory = settings.KNOWLEDGE_INDEX_BUILD_MEMORY
    if not re.fullmatch(r"\d+\s*[kMG]B", memory):
        raise ValueError(f"KNOWLEDGE_INDEX_BUILD_MEMORY must look like 512MB or 2GB, not {memory!r}")
    cursor.execute(f"SET LOCAL maintenance_work_mem = '{memory}'")


def outdated_vector_indexes() -> list[tuple[str, dict[str, int]]]:
    """The project's HNSW indexes built with other parameters than the settings' (name, their parameters): an
    index keeps the m and ef_construction it was built with until it is rebuilt. pgvector's defaults (m 16,
    ef_construction 64) apply where an index records none."""
    wanted = hnsw_options()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, coalesce(c.reloptions, '{}') FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
            "WHERE a.amname = 'hnsw' AND (c.relname LIKE %s OR c.relname LIKE %s) ORDER BY c.relname",
            ["knowledge\\_chunk\\_hnsw\\_%", "knowledge\\_source\\_hnsw\\_%"],
        )
        rows = cursor.fetchall()
    outdated = []
    for name, reloptions in rows:
        current = {"m": 16, "ef_construction": 64}
        for option in reloptions:
            key, _, value = option.partition("=")
            if key in current:
                current[key] = int(value)
        if current != wanted:
            outdated.append((name, current))
    return outdated


def rebuild_outdated_vector_indexes() -> list[str]:
    """Rebuild, with the settings' parameters, every HNSW index built with others (`reindex` calls it). Searches
    go on during the rebuild (REINDEX blocks writes to the table, not reads of it). Returns the rebuilt names."""
    rebuilt = []
    options = hnsw_options()
    for name, current in outdated_vector_indexes():
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            _set_build_memory(cursor)
            cursor.execute(f"ALTER INDEX {name} SET ({_options_sql(options)})")
            cursor.execute(f"REINDEX INDEX {name}")
        logger.info(
            "Rebuilt vector index %s with %s (was %s) in %.1fs",
            name,
            _options_sql(options),
            _options_sql(current),
            time.perf_counter() - started,
        )
        rebuilt.append(name)
    return rebuilt


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
    "year", "language", "locales", "date", "audience", "content_hash", "model_name", "status", "error", "attempts", "chunk_count",
    "indexed_at", "updated_at",
]  # fmt: skip


def profile_vector(vectors) -> np.ndarray | None:
    """A source's topic: the normalised mean of its chunk vectors (None without vectors)."""
    if not len(vectors):
        return None
    mean = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def index_changed() -> None:
    """What the index answers just changed: start a new page cache generation (cms/page_cache.py), now and when
    the transaction commits, so cached search results and pages showing related content are not served after
    it. Called inside each write's transaction."""
    new_generation()


def replace_sources(items: Sequence[dict], *, model_key: str) -> list[Source]:
    """Write sources and all of their chunks, replacing whatever was there, in one transaction.

    Each item: namespace, kind, object_id, fields, chunks (with their embeddings). A batch is written with a
    handful of set-based statements (the sources upserted, old chunks and postings deleted, new chunks
    inserted, their tsvectors and postings computed by PostgreSQL, the keyword statistics moved by the
    difference), so writing costs little next to embedding and nothing that grows with the corpus. A process
    killed at any point leaves every source of the batch either fully old or fully new.
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
        for name in ("goals", "objectives", "practices", "regions", "locales", "audience"):
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
                profile=profile_vector([chunk["embedding"] for chunk in item["chunks"]]),
                indexed_at=now,
                updated_at=now,
            )
        )
    with transaction.atomic(), connection.cursor() as cursor:
        Source.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["namespace", "kind", "object_id"],
            update_fields=SOURCE_UPDATE_FIELDS,
            batch_size=500,
        )
        ids = [source.pk for source in rows]
        delta = _delete_chunks(cursor, ids)
        # Chunks are inserted with their tsvector and facet columns (insert_chunks_sql).
        columns: dict[str, list] = {name: [] for name in ("source", "position", "heading", "page", "text")}
        columns.update(tokens=[], hash=[], embedding=[], folded=[])
        for source, item in zip(rows, latest.values(), strict=True):
            for chunk in item["chunks"]:
                columns["source"].append(source.pk)
                columns["position"].append(chunk["position"])
                columns["heading"].append(chunk["heading"][:500])
                columns["page"].append(chunk["page_number"])
                columns["text"].append(chunk["text"])
                columns["folded"].append(fold(f"{source.title} {chunk['text']}"))
                columns["tokens"].append(chunk["token_count"])
                columns["hash"].append(chunk["text_hash"])
                columns["embedding"].append(vector_text(chunk["embedding"]))
        rows_in = (
            "unnest(%s::bigint[], %s::int[], %s::text[], %s::int[], %s::text[], %s::int[], %s::text[], %s::text[], "
            "%s::text[]) AS i(source_id, position, heading, page_number, text, token_count, text_hash, embedding, "
            "folded)"
        )
        cursor.execute(
            f"""
            WITH inserted AS (
                {insert_chunks_sql(rows_in)}
                RETURNING namespace, length(search_vector) AS len
            )
            SELECT namespace, count(*), coalesce(sum(len), 0) FROM inserted GROUP BY namespace
            """,
            [model_key, *columns.values()],
        )
        delta.add_chunks(cursor.fetchall())
        delta.add_words(count_words(cursor, ids))
        for namespace in sorted({source.namespace for source in rows}):
            delta.add_lexemes(
                write_postings(
                    cursor, namespace, "c.source_id = ANY(%s) AND c.namespace = %s", [ids, namespace]
                )
            )
        delta.apply(cursor)
        index_changed()
    return rows


class StatsDelta:
    """How one write moves the keyword statistics: document frequencies, chunk count and total length."""

    def __init__(self) -> None:
        self.lexemes: dict[tuple[str, str], int] = {}
        self.words: dict[tuple[str, str, str], int] = {}  # (namespace, locale or "", word) -> chunks
        self.chunks: dict[str, list[int]] = {}  # namespace -> [chunks, total length]

    def add_words(self, rows, sign: int = 1) -> None:
        for namespace, locale, word, count in rows:
            key = (namespace, locale, word)
            self.words[key] = self.words.get(key, 0) + sign * int(count)

    def add_lexemes(self, rows, sign: int = 1) -> None:
        for namespace, lexeme, count in rows:
            key = (namespace, lexeme)
            self.lexemes[key] = self.lexemes.get(key, 0) + sign * int(count)

    def add_chunks(self, rows, sign: int = 1) -> None:
        for namespace, count, length in rows:
            totals = self.chunks.setdefault(namespace, [0, 0])
            totals[0] += sign * int(count)
            totals[1] += sign * int(length)

    def apply(self, cursor) -> None:
        """One upsert per table, rows in a fixed order: two concurrent writers lock shared lexemes in the same
        order, so they wait for each other instead of deadlocking."""
        for table, columns, counts in (
            ("knowledge_lexemestat", ("namespace", "lexeme"), self.lexemes),
            ("knowledge_wordstat", ("namespace", "locale", "word"), self.words),
        ):
            changed = sorted((key, n) for key, n in counts.items() if n)
            if not changed:
                continue
            names = ", ".join(columns)
            arrays = ", ".join(["%s::varchar[]"] * len(columns))
            keys = [[key[i] for key, _ in changed] for i in range(len(columns))]
            cursor.execute(
                f"INSERT INTO {table} ({names}, ndoc) SELECT * FROM unnest({arrays}, %s::int[]) "
                f"ORDER BY {', '.join(str(i + 1) for i in range(len(columns)))} "
                f"ON CONFLICT ({names}) DO UPDATE SET ndoc = {table}.ndoc + EXCLUDED.ndoc",
                [*keys, [n for _, n in changed]],
            )
            cursor.execute(
                f"DELETE FROM {table} WHERE ndoc <= 0 AND ({names}) IN (SELECT * FROM unnest({arrays}))",
                keys,
            )
        for namespace, (count, length) in sorted(self.chunks.items()):
            if not count and not length:
                continue
            cursor.execute(
                "INSERT INTO knowledge_corpusstat (namespace, chunks, total_length, average_length, refreshed_at) "
                "VALUES (%s, 0, 0, 0, now()) ON CONFLICT (namespace) DO NOTHING",
                [namespace],
            )
            cursor.execute(
                "UPDATE knowledge_corpusstat SET chunks = chunks + %(count)s, "
                "total_length = total_length + %(length)s, "
                "average_length = (total_length + %(length)s)::float8 / greatest(chunks + %(count)s, 1), "
                "refreshed_at = now() WHERE namespace = %(namespace)s",
                {"namespace": namespace, "count": count, "length": length},
            )


def _delete_chunks(cursor, source_ids: list[int]) -> StatsDelta:
    """Delete the chunks and postings of these sources; return what that removes from the statistics."""
    delta = StatsDelta()
    if not source_ids:
        return delta
    cursor.execute(
        "WITH gone AS (DELETE FROM knowledge_posting p USING knowledge_chunk c "
        "WHERE p.chunk_id = c.id AND c.source_id = ANY(%s) RETURNING p.namespace, p.lexeme) "
        "SELECT namespace, lexeme, count(*) FROM gone GROUP BY namespace, lexeme",
        [source_ids],
    )
    delta.add_lexemes(cursor.fetchall(), sign=-1)
    delta.add_words(count_words(cursor, source_ids), sign=-1)
    cursor.execute(
        "WITH gone AS (DELETE FROM knowledge_chunk WHERE source_id = ANY(%s) "
        "RETURNING namespace, length(search_vector) AS len) "
        "SELECT namespace, count(*), coalesce(sum(len), 0) FROM gone GROUP BY namespace",
        [source_ids],
    )
    delta.add_chunks(cursor.fetchall(), sign=-1)
    return delta


# The surface words of a chunk for the spelling vocabulary (knowledge.models.WordStat): its heading and text split
# by PostgreSQL's 'simple' configuration (lowercased, not stemmed), words of letters only, 3 to 40 long, counted
# under "" (every locale) and under each of the chunk's locales. Public chunks only: "did you mean" must never
# offer, nor know, a word that only members' content holds. Only the chunk's own columns (its audience is a copy
# of its source's when written): the words a chunk removes are then exactly those it added, whatever its source
# became.
WORDS_SQL = """
    SELECT c.namespace, l.locale, w.word, count(*)
    FROM knowledge_chunk c
    CROSS JOIN LATERAL unnest(ARRAY['']::varchar[] || c.locales) AS l(locale)
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', c.heading || ' ' || c.text))) AS w(word)
    WHERE {where} AND cardinality(c.audience) = 0 AND w.word ~ '^[[:alpha:]]{{3,40}}$'
    GROUP BY c.namespace, l.locale, w.word
"""


def count_words(cursor, source_ids: list[int]) -> list[tuple[str, str, str, int]]:
    """(namespace, locale or "", word, chunks) of the chunks of these sources, for the spelling vocabulary."""
    if not source_ids:
        return []
    cursor.execute(WORDS_SQL.format(where="c.source_id = ANY(%s)"), [source_ids])
    return cursor.fetchall()


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


def write_postings(cursor, namespace: str, where: str, params: list) -> list[tuple[str, str, int]]:
    """Insert the postings of the chunks selected by `where` (alias c), from their tsvectors; return the
    (namespace, lexeme, chunks) counts written, for the document frequencies."""
    impact = IMPACT_SQL.format(tf="t.tf", length="t.len")
    parameters = impact_parameters(namespace)
    # The query's own %s placeholders come first; named parameters cannot be mixed with them in one call.
    impact = impact % {
        name: "NULL" if value is None else repr(float(value)) for name, value in parameters.items()
    }
    cursor.execute(
        f"""
        WITH written AS (
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
            RETURNING namespace, lexeme
        )
        SELECT namespace, lexeme, count(*) FROM written GROUP BY namespace, lexeme
        """,
        params,
    )
    return cursor.fetchall()


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
        source.profile = None
        source.indexed_at = timezone.now()
        source.save()
        with connection.cursor() as cursor:
            _delete_chunks(cursor, [source.pk]).apply(cursor)
        index_changed()
    return source


def insert_chunks_sql(rows_in: str) -> str:
    """The one way a chunk row is made: `INSERT INTO knowledge_chunk ... SELECT ... FROM <rows_in>`, where rows_in
    is a relation aliased `i` with (source_id, position, heading, page_number, text, token_count, text_hash,
    embedding, folded) and each source exists. Takes one parameter before those of rows_in: the model key.

    The tsvector and facet columns are computed by PostgreSQL in the same statement (an UPDATE afterwards would
    write every row, and every index entry, twice). Title and heading weigh more than body text. Every chunk has
    English lexemes (queries in any language are also analysed in English); chunks in another language add that
    language's stems of their accent-folded text (folded in Python, as queries are: knowledge/folding.py). The
    benchmarks load their data through it too, so they cannot drift from the index."""
    return f"""
        INSERT INTO knowledge_chunk (source_id, namespace, position, heading, page_number, text, token_count,
            text_hash, model_name, embedding, search_vector, content_type, goals, objectives, practices,
            regions, year, language, locales, audience)
        SELECT i.source_id, s.namespace, i.position, i.heading, i.page_number, i.text, i.token_count,
            i.text_hash, %s, i.embedding::halfvec,
            setweight(to_tsvector('english', coalesce(s.title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(i.heading, '')), 'B')
            || to_tsvector('english', i.text)
            || CASE WHEN {LANGUAGE_CONFIG_SQL} = 'english'::regconfig THEN ''::tsvector
               ELSE to_tsvector({LANGUAGE_CONFIG_SQL}, i.folded) END,
            s.content_type, s.goals, s.objectives, s.practices, s.regions, s.year, s.language, s.locales,
            s.audience
        FROM {rows_in}
        JOIN knowledge_source s ON s.id = i.source_id
        ORDER BY i.source_id, i.position"""


def delete_sources(source_ids: Iterable[int]) -> int:
    """Delete sources with their chunks and postings (set-based; statistics moved in the same transaction)."""
    ids = sorted(set(source_ids))
    if not ids:
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        _delete_chunks(cursor, ids).apply(cursor)
        cursor.execute("DELETE FROM knowledge_source WHERE id = ANY(%s)", [ids])
        index_changed()
        return cursor.rowcount


def remove_source(*, namespace: str, kind: str, object_id: str) -> int:
    ids = Source.objects.filter(namespace=namespace, kind=kind, object_id=object_id).values_list(
        "pk", flat=True
    )
    return delete_sources(list(ids))


# Stored impacts are recomputed when the average chunk length moved by more than this fraction.
IMPACT_DRIFT = 0.05
# Postings rewritten per transaction when impacts are recomputed (chunks per step), so no editor's write waits
# behind one transaction over the whole namespace.
IMPACT_BATCH_CHUNKS = 20_000


def impacts_are_stale(namespace: str) -> bool:
    """True when the namespace's stored impacts no longer match BM25's settings or its average length (one row)."""
    stat = CorpusStat.objects.filter(namespace=namespace).first()
    if stat is None or stat.chunks <= 0:
        return False
    return (
        stat.impact_average_length is None
        or stat.impact_k1 != settings.SEARCH_BM25_K1
        or stat.impact_b != settings.SEARCH_BM25_B
        or abs(stat.average_length - stat.impact_average_length)
        > IMPACT_DRIFT * max(stat.impact_average_length, 1.0)
    )


def maintain_keyword_statistics(namespace: str, *, force: bool = False) -> bool:
    """Recompute every posting impact of a namespace when they are stale (or `force`); True if it did.

    Costs one pass over the namespace's postings, in transactions of IMPACT_BATCH_CHUNKS chunks: run by `reindex`,
    `refresh_keyword_stats` and the worker's periodic sweep, never by an editor's save.
    """
    if not force and not impacts_are_stale(namespace):
        return False
    stat = CorpusStat.objects.filter(namespace=namespace).first()
    if stat is None or stat.chunks <= 0:
        return False
    k1, b, average = settings.SEARCH_BM25_K1, settings.SEARCH_BM25_B, float(stat.average_length)
    impact = IMPACT_SQL.format(tf="p.tf", length="greatest(length(c.search_vector), 1)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM knowledge_chunk WHERE namespace = %s",
            [namespace],
        )
        low, high = cursor.fetchone()
        for start in range(low, high + 1, IMPACT_BATCH_CHUNKS):
            with transaction.atomic():
                cursor.execute(
                    f"UPDATE knowledge_posting p SET impact = {impact} FROM knowledge_chunk c "
                    "WHERE c.id = p.chunk_id AND p.namespace = %(namespace)s "
                    "AND c.id >= %(start)s AND c.id < %(stop)s",
                    {
                        "k1": k1,
                        "b": b,
                        "avglen": average,
                        "namespace": namespace,
                        "start": start,
                        "stop": start + IMPACT_BATCH_CHUNKS,
                    },
                )
        cursor.execute(
            "UPDATE knowledge_corpusstat SET impact_k1 = %s, impact_b = %s, impact_average_length = %s "
            "WHERE namespace = %s",
            [k1, b, average, namespace],
        )
    index_changed()
    logger.info("Recomputed posting impacts of namespace %s (average length %.1f)", namespace, average)
    return True


def recount_keyword_statistics(namespace: str) -> int:
    """Rebuild a namespace's document frequencies, spelling vocabulary and corpus totals from its postings and
    chunks (a repair tool: the incremental updates keep them exact). Returns the number of lexemes."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_wordstat WHERE namespace = %s", [namespace])
        cursor.execute(
            "INSERT INTO knowledge_wordstat (namespace, locale, word, ndoc) "
            + WORDS_SQL.format(where="c.namespace = %s"),
            [namespace],
        )
        cursor.execute("DELETE FROM knowledge_lexemestat WHERE namespace = %s", [namespace])
        cursor.execute(
            "INSERT INTO knowledge_lexemestat (namespace, lexeme, ndoc) "
            "SELECT namespace, lexeme, count(*) FROM knowledge_posting WHERE namespace = %s "
            "GROUP BY namespace, lexeme",
            [namespace],
        )
        count = cursor.rowcount
        cursor.execute(
            "INSERT INTO knowledge_corpusstat (namespace, chunks, total_length, average_length, refreshed_at) "
            "SELECT %s, count(*), coalesce(sum(length(search_vector)), 0), "
            "coalesce(avg(length(search_vector)), 0), now() FROM knowledge_chunk WHERE namespace = %s "
            "ON CONFLICT (namespace) DO UPDATE SET chunks = EXCLUDED.chunks, total_length = EXCLUDED.total_length, "
            "average_length = EXCLUDED.average_length, refreshed_at = now()",
            [namespace, namespace],
        )
    return count


_dimensions: dict[str, int] = {}


def stored_dimension(model_key: str) -> int | None:
    """The dimension of the vectors stored for a model (read once per process; None while none is stored), for
    queries that must name it to use the partial HNSW indexes, without loading the model."""
    if model_key not in _dimensions:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT vector_dims(embedding) FROM knowledge_chunk WHERE model_name = %s LIMIT 1",
                [model_key],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        _dimensions[model_key] = int(row[0])
    return _dimensions[model_key]
