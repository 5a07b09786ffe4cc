"""Candidate retrieval for the search service (search/service.py): the SQL that reads candidate chunks from the
HNSW vector index (with its settings set LOCAL) and from the BM25 postings (or, for "quoted phrases", from the
chunks' tsvectors), both under the facet filters and the visibility condition; the helper thread that reads the
keyword list while the vector one is read; and the reciprocal rank fusion of the two source rankings.

`filters` is a search.service.SearchFilters and `context.query` a search.service.SearchQuery (not imported: the
service imports this module).
"""

from __future__ import annotations

import contextvars
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import psycopg
from django.conf import settings

from cms.filters import SEARCH_FILTERS
from cms.replica import read_connection
from knowledge.embeddings import current_model_key
from knowledge.folding import fold
from knowledge.store import sql_literal, vector_text

from . import crosslingual, syntax

# Filter parameter -> index column (knowledge_source and knowledge_chunk carry the same facet columns).
FILTER_COLUMNS = {f.param: f.index_column for f in SEARCH_FILTERS}
ARRAY_COLUMNS = {"goals", "objectives", "practices", "regions"}


@dataclass
class Candidate:
    source_id: int
    vector_rank: int | None = None
    keyword_rank: int | None = None
    similarity: float = 0.0
    chunk_scores: dict[int, float] = field(default_factory=dict)


@dataclass
class RetrievalContext:
    """What one request computes once and every step reuses."""

    q: str
    query: Any  # a search.service.SearchQuery
    params: dict
    vector: np.ndarray | None
    visible_sql: str
    visible_params: list
    # What the keyword side searches: the query, with the glossary's equivalents (search/crosslingual.py).
    keyword_q: str = ""


# --- Candidate retrieval ------------------------------------------------------------------------------------


def filter_sql(filters, alias: str = "c") -> tuple[str, list]:
    """SQL conditions (each starting with AND) for the facet filters on an index row aliased `alias`."""
    clauses: list[str] = []
    params: list = []
    for param, values in filters.values:
        column = FILTER_COLUMNS[param]
        if column in ARRAY_COLUMNS:
            clauses.append(f"{alias}.{column} && %s::varchar[]")
        else:
            clauses.append(f"{alias}.{column} = ANY(%s::varchar[])")
        params.append([str(value) for value in values])
    if filters.locale:
        locale_clause, locale_params = crosslingual.locale_scope_sql(filters, alias)
        clauses.append(locale_clause)
        params.extend(locale_params)
    if filters.year_from is not None:
        clauses.append(f"{alias}.year >= %s")
        params.append(filters.year_from)
    if filters.year_to is not None:
        clauses.append(f"{alias}.year <= %s")
        params.append(filters.year_to)
    return "".join(f" AND {clause}" for clause in clauses), params


# --- Both candidate lists at once ----------------------------------------------------------------------------

_pool: ThreadPoolExecutor | None = None
_pool_pid: int | None = None
_pool_lock = threading.Lock()


def parallel_allowed() -> bool:
    """The keyword list may come from another connection: the setting is on and this connection is in no
    transaction (another connection would not see its uncommitted rows; tests run inside one)."""
    if not settings.SEARCH_PARALLEL_RETRIEVAL:
        return False
    connection = read_connection()
    if connection.in_atomic_block:
        return False
    # The session itself, whoever opened its transaction (a wrapper sharing another alias's session, raw SQL).
    session = connection.connection
    return session is None or session.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def submit(function, *args) -> Future:
    """Run `function` on the process's helper threads, with this request's context (the read replica choice)."""
    global _pool, _pool_pid
    if _pool is None or _pool_pid != os.getpid():  # a forked worker starts its own threads
        with _pool_lock:  # concurrent first searches make one pool, not one each
            if _pool is None or _pool_pid != os.getpid():
                _pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-retrieval")
                _pool_pid = os.getpid()
    return _pool.submit(contextvars.copy_context().run, _on_helper_thread, function, args)


def _on_helper_thread(function, args):
    """A helper thread's connection follows Django's request rules: checked before use, and closed after it
    unless persistent connections are on (CONN_MAX_AGE > 0), so a broken or stale one is never reused."""
    connection = read_connection()
    connection.close_if_unusable_or_obsolete()
    try:
        return function(*args)
    finally:
        connection.close_if_unusable_or_obsolete()


def vector_rows(context: RetrievalContext, filters) -> list:
    query, params, vector = context.query, context.params, context.vector
    dimension = int(vector.shape[0])
    conditions, condition_params = filter_sql(filters)
    # "Quoted phrases" and -exclusions hold for the meaning side too: a visitor who excludes a word expects it
    # in no result, whichever list found it.
    text_sql, text_params = _text_conditions(context.q)
    literal = vector_text(vector)
    # Model and namespace are literals so the planner can match the partial HNSW index of this model. The
    # similarity floor (min_similarity) is applied outside the materialized nearest-k, as pgvector advises for a
    # distance threshold: inside, an iterative scan would walk the whole graph looking for k rows above it.
    # Conditions inside (visibility, locale, phrases) are met by the iterative scan (relaxed_order, below),
    # which goes on reading the graph until k rows pass them.
    sql = f"""
        WITH nearest AS MATERIALIZED (
            SELECT c.id, c.source_id, c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension}) AS distance
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.model_name = {sql_literal(current_model_key())} AND c.namespace = {sql_literal(query.namespace)}
            {conditions}{text_sql} AND {context.visible_sql}
            ORDER BY c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension})
            LIMIT %s
        )
        SELECT id, source_id, distance FROM nearest WHERE 1 - distance >= %s ORDER BY distance, id
    """
    return run_with_hnsw_settings(
        sql,
        [
            literal,
            *condition_params,
            *text_params,
            *context.visible_params,
            literal,
            params["candidates"],
            params["min_similarity"],
        ],
        ef_search=params["ef_search"],
        at_least=params["candidates"],
        namespace=query.namespace,
    )


# SEARCH_EF_SEARCH=auto: the HNSW search breadth by the namespace's size, (more than N chunks, ef_search), first
# match. Measured on bench/scale.py's data (bench/hnsw_recall.py): ef_search 400 gives recall@10 1.000 at 10k
# and 0.970 at 100k chunks, but 0.940 at 1M, where 800 gives 0.975; 800 costs 3x more at 10k (semantic p50 25 vs
# 8.6 ms, for no recall to gain).
AUTO_EF_SEARCH = ((300_000, 800), (0, 400))


def _ef_search_sql(ef_search, at_least: int, namespace: str) -> tuple[str, list]:
    """The statement that sets hnsw.ef_search for this transaction (SET LOCAL), never below the number of
    candidates asked for and at most 1000 (pgvector's bound). `ef_search` None (auto): by the namespace's size,
    read in the same round trip."""
    if ef_search is not None:
        return f"SET LOCAL hnsw.ef_search = {min(max(int(ef_search), int(at_least)), 1000)}; ", []
    cases = " ".join(f"WHEN n > {int(size)} THEN {int(ef)}" for size, ef in AUTO_EF_SEARCH)
    return (
        "SELECT set_config('hnsw.ef_search', least(greatest(CASE " + cases + " END, %s), 1000)::text, true) "
        "FROM (SELECT coalesce(max(chunks), 0) AS n FROM knowledge_corpusstat WHERE namespace = %s) st; ",
        [int(at_least), namespace],
    )


def apply_vector_rows(candidates: dict[int, Candidate], rows: list) -> None:
    rank = 0
    for chunk_id, source_id, distance in rows:
        similarity = 1.0 - float(distance)
        candidate = candidates.setdefault(source_id, Candidate(source_id))
        candidate.chunk_scores[chunk_id] = max(candidate.chunk_scores.get(chunk_id, 0.0), similarity)
        if candidate.vector_rank is None:
            rank += 1
            candidate.vector_rank = rank
            candidate.similarity = similarity


def run_with_hnsw_settings(
    sql: str,
    params: list,
    *,
    ef_search: int | None = None,
    at_least: int = 0,
    namespace: str | None = None,
) -> list:
    """Run a vector query with its HNSW settings set LOCAL: they end with the transaction, so a pooled or
    persistent connection never carries them to the next request. Settings and query go in one round trip, as one
    multi-statement query: outside an explicit transaction PostgreSQL runs it as one implicit transaction, so the
    settings hold for exactly this query (inside one, until it ends). With a namespace and no ef_search, the
    breadth follows the namespace's size (AUTO_EF_SEARCH); with neither, pgvector's own setting holds."""
    settings_sql, settings_params = "SET LOCAL hnsw.iterative_scan = relaxed_order; ", []
    if ef_search is not None or namespace is not None:
        ef_sql, settings_params = _ef_search_sql(ef_search, at_least, namespace)
        settings_sql += ef_sql
    with read_connection().cursor() as cursor:
        cursor.execute(settings_sql + sql, [*settings_params, *params])
        rows = cursor.fetchall() if cursor.description is not None else []
        while cursor.nextset():  # the query's rows are the last result (set_config returns one too)
            rows = cursor.fetchall() if cursor.description is not None else rows
        return rows


def keyword_rows(context: RetrievalContext, filters) -> list:
    """BM25 keyword candidates.

    Free words are OR-ed (any may match, as BM25 does); "quoted phrases" must match and -exclusions must not.
    IDF comes from knowledge_lexemestat, term weights from knowledge_posting (PostgreSQL's own ts_rank has no
    IDF and would let common words dominate). Queries without phrases read the postings index; a phrase needs
    word positions, so those queries rank the chunks that contain it from their tsvectors instead.
    """
    words, phrases, excluded = syntax.parse(context.keyword_q or context.q)
    with read_connection().cursor() as cursor:
        if phrases:
            return _keyword_phrase_rows(
                cursor, " ".join([words, *phrases]), phrases, excluded, context, filters
            )
        if words:
            return _keyword_posting_rows(cursor, words, excluded, context, filters)
        return []


def apply_keyword_rows(candidates: dict[int, Candidate], rows: list) -> None:
    rank = 0
    top = float(rows[0][2]) if rows else 1.0
    for chunk_id, source_id, score, *_ in rows:
        candidate = candidates.setdefault(source_id, Candidate(source_id))
        # Keep the keyword evidence in the chunk score so passages prefer chunks that contain the words.
        candidate.chunk_scores[chunk_id] = candidate.chunk_scores.get(chunk_id, 0.0) + float(score) / (
            top or 1.0
        )
        if candidate.keyword_rank is None:
            rank += 1
            candidate.keyword_rank = rank


# The query's lexemes (English stemming, as every chunk has English lexemes, and the query language's stems of
# the accent-folded text) with their Okapi BM25 IDF, the "+1" variant that is never negative; a lexeme not
# counted yet is taken as rare. Parameters: terms_params(), the namespace twice.
TERMS_SQL = """
    terms AS MATERIALIZED (
        SELECT left(w, 200) AS lexeme,
               ln(1 + (st.n - coalesce(l.ndoc, 1) + 0.5::float8) / (coalesce(l.ndoc, 1) + 0.5::float8)) AS idf
        FROM unnest(tsvector_to_array(to_tsvector('english', %s) || to_tsvector(%s::regconfig, %s))) w
        CROSS JOIN (
            SELECT greatest(coalesce(max(chunks), 1), 1) AS n FROM knowledge_corpusstat WHERE namespace = %s
        ) st
        LEFT JOIN knowledge_lexemestat l ON l.namespace = %s AND l.lexeme = left(w, 200)
    )
"""


def terms_params(query, text: str) -> list:
    return [text, query.analysis_config, fold(text)]


def _text_conditions(q: str) -> tuple[str, list]:
    """SQL conditions (alias c) for the query's "quoted phrases" (required) and -exclusions (forbidden)."""
    _, phrases, excluded = syntax.parse(" ".join((q or "").split()))
    sql, params = _exclusion_sql(excluded)
    sql += "".join(" AND c.search_vector @@ phraseto_tsquery('english', %s)" for _ in phrases)
    return sql, params + list(phrases)


def _exclusion_sql(excluded: list[str]) -> tuple[str, list]:
    """-exclusions hold for the whole source: a page that mentions the word in any passage is left out."""
    return (
        "".join(
            " AND NOT EXISTS (SELECT 1 FROM knowledge_chunk x WHERE x.source_id = c.source_id"
            " AND x.search_vector @@ websearch_to_tsquery('english', %s))"
            for _ in excluded
        ),
        list(excluded),
    )


def _keyword_posting_rows(cursor, words: str, excluded, context: RetrievalContext, filters) -> list:
    """Top chunks by BM25 from the postings index, reading at most `keyword_term_postings` per query word.

    Each word contributes its strongest postings (highest tf-and-length weight, read in index order), so the
    cost is bounded by the number of query words, not by how many chunks contain them: a word in fewer chunks
    than the bound (every word that separates documents) is read completely, and for a very common word only
    its weakest postings, worth little, are skipped. Filters are applied while reading (full lists under
    filters); visibility and -exclusions are checked on the best chunks, with a second, complete pass when
    they removed so many that a page would come out short.
    """
    query, params = context.query, context.params
    conditions, condition_params = filter_sql(filters)
    filter_join = "JOIN knowledge_chunk c ON c.id = p.chunk_id" if conditions else ""
    exclusion_sql, exclusion_params = _exclusion_sql(excluded)
    wanted = params["candidates"]
    limit = 3 * wanted
    while True:
        cursor.execute(
            f"""
            WITH {TERMS_SQL},
            hits AS MATERIALIZED (
                SELECT p.chunk_id, sum(t.idf * p.impact) AS score
                FROM terms t CROSS JOIN LATERAL (
                    SELECT p.chunk_id, p.impact FROM knowledge_posting p {filter_join}
                    WHERE p.namespace = %s AND p.lexeme = t.lexeme {conditions}
                    ORDER BY p.impact DESC
                    LIMIT %s
                ) p
                GROUP BY p.chunk_id
            ),
            best AS (SELECT chunk_id, score FROM hits ORDER BY score DESC, chunk_id LIMIT %s)
            SELECT best.chunk_id, c.source_id, best.score, (SELECT count(*) FROM hits)
            FROM best JOIN knowledge_chunk c ON c.id = best.chunk_id JOIN knowledge_source s ON s.id = c.source_id
            WHERE {context.visible_sql} {exclusion_sql}
            ORDER BY best.score DESC, best.chunk_id
            """,
            [
                *terms_params(query, words),
                query.namespace,
                query.namespace,
                query.namespace,
                *condition_params,
                params["keyword_term_postings"],
                limit,
                *context.visible_params,
                *exclusion_params,
            ],
        )
        rows = cursor.fetchall()
        total = rows[0][3] if rows else 0
        if len(rows) >= wanted or not rows or total <= limit:
            return [row[:3] for row in rows[:wanted]]
        limit = total


def _keyword_phrase_rows(cursor, text: str, phrases, excluded, context: RetrievalContext, filters) -> list:
    """BM25 (the same posting weights) of the chunks that contain every "quoted phrase" and no exclusion.

    At most `keyword_match_limit` such chunks are ranked: a phrase is a strong filter, and a phrase in more
    chunks than that is better narrowed with another word."""
    query, params = context.query, context.params
    conditions, condition_params = filter_sql(filters)
    exclusion_sql, exclusion_params = _exclusion_sql(excluded)
    phrase_sql = " AND ".join("c.search_vector @@ phraseto_tsquery('english', %s)" for _ in phrases)
    cursor.execute(
        f"""
        WITH {TERMS_SQL},
        matches AS MATERIALIZED (
            SELECT c.id, c.source_id
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.namespace = %s AND {phrase_sql} {exclusion_sql} {conditions} AND {context.visible_sql}
            LIMIT %s
        )
        SELECT m.id, m.source_id, sum(t.idf * p.impact) AS score
        FROM matches m
        CROSS JOIN terms t
        JOIN knowledge_posting p ON p.chunk_id = m.id AND p.lexeme = t.lexeme
        GROUP BY m.id, m.source_id
        ORDER BY score DESC, m.id
        LIMIT %s
        """,
        [
            *terms_params(query, text),
            query.namespace,
            query.namespace,
            query.namespace,
            *phrases,
            *exclusion_params,
            *condition_params,
            *context.visible_params,
            params["keyword_match_limit"],
            params["candidates"],
        ],
    )
    return cursor.fetchall()


def fuse(candidates: dict[int, Candidate], params: dict) -> list[tuple[int, float]]:
    """Weighted reciprocal rank fusion over source rankings (Cormack et al. 2009)."""
    k = params["rrf_k"]
    fused = []
    for candidate in candidates.values():
        score = 0.0
        if candidate.vector_rank is not None:
            score += params["vector_weight"] / (k + candidate.vector_rank)
        if candidate.keyword_rank is not None:
            score += params["keyword_weight"] / (k + candidate.keyword_rank)
        fused.append((candidate.source_id, score))
    fused.sort(key=lambda item: (-item[1], item[0]))
    return fused
