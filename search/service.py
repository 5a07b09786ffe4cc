"""Hybrid search: the one service behind the search page, the API and the evaluation command.

One query runs as: embed the query once -> candidate chunks from the HNSW vector index and from the BM25 postings
(both filtered, both restricted to what is visible right now) -> group chunks by source (a page or document
appears once, with its best passages) -> reciprocal rank fusion of the two source rankings -> exact matches of
codes and titles first -> facets -> one page of results with highlighted, escaped passages.

Facets are disjunctive (checkboxes of one group are alternatives): a group without a selection counts the results;
a group with a selection counts what the query finds with every *other* group's filters. Those counts come from one
more candidate pool, retrieved without facet filters with the same query vector, whatever the number of active
groups. The filters themselves are defined once in cms/filters.py, visibility in cms/visibility.py.
"""

from __future__ import annotations

import contextvars
import dataclasses
import math
import os
import re
import threading
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import psycopg
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery

from cms.constants import OBJECTIVE_CODE
from cms.filters import SEARCH_FILTERS
from cms.replica import read_connection
from knowledge.embeddings import current_model_key, get_embedder
from knowledge.folding import fold
from knowledge.models import SITE_NAMESPACE, Source, source_visible_sql
from knowledge.store import TS_CONFIG_BY_LANGUAGE, sql_literal, vector_text

from . import syntax
from .answers import Answer, AnswerCost, find_answer
from .highlight import highlight_passage, query_terms
from .spelling import Spelling
from .spelling import suggest as spelling_suggestion

MODES = ("hybrid", "semantic", "keyword")
# Filter parameter -> index column (knowledge_source and knowledge_chunk carry the same facet columns).
FILTER_COLUMNS = {f.param: f.index_column for f in SEARCH_FILTERS}
ARRAY_COLUMNS = {"goals", "objectives", "practices", "regions"}
FACETS = (*FILTER_COLUMNS.values(), "year")
MAX_QUERY_LENGTH = syntax.MAX_QUERY_LENGTH
MAX_CANDIDATES = 1000  # deepest result list served: beyond it, refine the query rather than page on


class SearchError(ValueError):
    """Bad search input; `param` names the offending parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class SearchFilters:
    """Facet filters: values per parameter of cms.filters.SEARCH_FILTERS (alternatives within one parameter,
    every parameter must hold) and a year range. Immutable, so a search can derive "all but one group"."""

    values: tuple[tuple[str, tuple], ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    # The site locale searched (its pages and the documents they use); "" searches every locale. Not a facet:
    # it stays when a facet group is left out.
    locale: str = ""

    @classmethod
    def of(
        cls, year_from: int | None = None, year_to: int | None = None, locale: str = "", **values
    ) -> SearchFilters:
        unknown = set(values) - set(FILTER_COLUMNS)
        if unknown:
            raise TypeError(f"unknown search filters {sorted(unknown)}")
        kept = tuple((param, tuple(v)) for param, v in values.items() if v)
        return cls(values=tuple(sorted(kept)), year_from=year_from, year_to=year_to, locale=locale)

    def get(self, param: str) -> tuple:
        return dict(self.values).get(param, ())

    def without(self, param: str) -> SearchFilters:
        if param == "year":
            return SearchFilters(values=self.values, locale=self.locale)
        return SearchFilters(
            values=tuple(item for item in self.values if item[0] != param),
            year_from=self.year_from,
            year_to=self.year_to,
            locale=self.locale,
        )

    @property
    def active(self) -> bool:
        return bool(self.values) or self.year_from is not None or self.year_to is not None

    @property
    def active_groups(self) -> list[str]:
        groups = [param for param, _ in self.values]
        return groups + (["year"] if self.year_from is not None or self.year_to is not None else [])

    def as_dict(self) -> dict:
        data = {param: list(values) for param, values in self.values}
        if self.year_from is not None:
            data["year_from"] = self.year_from
        if self.year_to is not None:
            data["year_to"] = self.year_to
        return data

    def matches(self, source) -> bool:
        """Whether an index row (with its facet columns loaded) passes these filters: the Python twin of
        filter_sql, used on the facet pool (tests/search check both give the same sets)."""
        for param, wanted in self.values:
            value = getattr(source, FILTER_COLUMNS[param])
            if FILTER_COLUMNS[param] in ARRAY_COLUMNS:
                if not set(value or ()) & set(wanted):
                    return False
            elif value not in wanted:
                return False
        if self.locale and self.locale not in (source.locales or ()):
            return False
        if self.year_from is not None and (source.year is None or source.year < self.year_from):
            return False
        return not (self.year_to is not None and (source.year is None or source.year > self.year_to))


@dataclass(frozen=True)
class SearchQuery:
    q: str
    mode: str = "hybrid"
    filters: SearchFilters = field(default_factory=SearchFilters)
    page: int = 1
    page_size: int = 10
    namespace: str = SITE_NAMESPACE
    passages_per_result: int = 2
    facets: bool = True  # False: no facet counts (evaluation, benchmarks of ranking alone)
    answer: bool = False  # True: look for an extractive answer on page 1 (search/answers.py; SEARCH_ANSWERS)
    spelling: bool = False  # True: correct words the index has never seen (search/spelling.py)
    # Values replacing settings of tuning() for this search only, e.g. (("keyword_weight", 2.0),): how the
    # relevance report compares two configurations on the same judgments (search/judgments.py).
    tuning: tuple[tuple[str, float], ...] = ()

    # The language the query is written in: its words are stemmed in that language besides English (chunks in
    # that language carry those stems). Defaults to the searched locale.
    language: str = ""

    @property
    def analysis_config(self) -> str:
        return TS_CONFIG_BY_LANGUAGE.get(self.language or self.filters.locale, "english")


@dataclass
class Passage:
    chunk_id: int
    text: str
    html: str  # escaped text with <mark> around query words: safe to render
    heading: str
    page_number: int | None
    url: str
    position: int = 0  # the chunk's position in its source (0: its first passage)


@dataclass
class SearchResult:
    source_id: int
    kind: str
    object_id: str
    title: str
    url: str
    content_type: str
    year: int | None
    date: object
    score: float
    exact: bool
    passages: list[Passage]
    page_id: int | None = None
    document_id: int | None = None
    language: str = "en"
    locales: tuple[str, ...] = ()

    @property
    def snippet(self) -> str:
        return self.passages[0].html if self.passages else ""


@dataclass
class SearchResponse:
    query: SearchQuery
    total: int
    results: list[SearchResult]
    facets: dict[str, list[tuple[str, int]]]
    took_ms: float
    answer: Answer | None = None
    answer_cost: AnswerCost | None = None  # set when an answer was looked for
    spelling: Spelling | None = None  # a corrected query; applied: these are its results

    @property
    def searched_q(self) -> str:
        """The words the results are for: the correction when it was applied, else the query as typed."""
        return self.spelling.suggestion if self.spelling and self.spelling.applied else self.query.q

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.page_size))


@dataclass
class _Candidate:
    source_id: int
    vector_rank: int | None = None
    keyword_rank: int | None = None
    similarity: float = 0.0
    chunk_scores: dict[int, float] = field(default_factory=dict)


@dataclass
class _Context:
    """What one request computes once and every step reuses."""

    q: str
    query: SearchQuery
    params: dict
    vector: np.ndarray | None
    visible_sql: str
    visible_params: list


@dataclass
class _Ranking:
    ranked: list[tuple[int, float]]
    candidates: dict[int, _Candidate]
    exact: set[int]


def tuning() -> dict:
    return {
        "rrf_k": settings.SEARCH_RRF_K,
        "vector_weight": settings.SEARCH_VECTOR_WEIGHT,
        "keyword_weight": settings.SEARCH_KEYWORD_WEIGHT,
        "candidates": settings.SEARCH_CANDIDATES,
        "ef_search": settings.SEARCH_EF_SEARCH,
        "min_similarity": settings.SEARCH_MIN_SIMILARITY,
        "keyword_match_limit": settings.SEARCH_KEYWORD_MATCH_LIMIT,
        "keyword_term_postings": settings.SEARCH_KEYWORD_TERM_POSTINGS,
    }


def search(query: SearchQuery, *, query_vector: np.ndarray | None = None) -> SearchResponse:
    started = time.perf_counter()
    q = validate_query(query)
    params = tuning()
    unknown = {name for name, _ in query.tuning} - set(params)
    if unknown:
        raise TypeError(f"unknown tuning parameters {sorted(unknown)}")
    params.update(query.tuning)
    # Enough candidates to fill the requested page even when every chunk of a source matches.
    params["candidates"] = min(max(params["candidates"], 2 * query.page * query.page_size), MAX_CANDIDATES)
    vector = None
    if query.mode in ("hybrid", "semantic"):
        vector = query_vector if query_vector is not None else get_embedder().embed_query(q)
    visible_sql, visible_params = source_visible_sql("s")
    context = _Context(q, query, params, vector, visible_sql, visible_params)

    sources: dict[int, Source] = {}
    main = _rank(context, query.filters, sources)
    total = len(main.ranked)
    spelling = (
        spelling_suggestion(q, query.namespace, visible_sql, visible_params, query.filters.locale)
        if query.spelling
        else None
    )
    if spelling is not None and _finds_little(main, query):
        # The words typed find (almost) nothing: show the correction's results, with a way back to the original.
        corrected = search(dataclasses.replace(query, q=spelling.suggestion, spelling=False))
        return dataclasses.replace(
            corrected,
            query=query,
            spelling=dataclasses.replace(spelling, applied=True),
            took_ms=(time.perf_counter() - started) * 1000,
        )
    facets = _facet_counts(context, main, sources) if query.facets else {}
    start = (query.page - 1) * query.page_size
    page_ids = main.ranked[start : start + query.page_size]
    results = _build_results(page_ids, sources, main.candidates, main.exact, q, query)
    answer, answer_cost = None, None
    if query.answer and settings.SEARCH_ANSWERS and query.page == 1:
        answer, answer_cost = find_answer(results, q, vector)
    return SearchResponse(
        query=query,
        total=total,
        results=results,
        facets=facets,
        took_ms=(time.perf_counter() - started) * 1000,
        answer=answer,
        answer_cost=answer_cost,
        spelling=spelling,
    )


FEW_RESULTS = 3


def _finds_little(ranking: _Ranking, query: SearchQuery) -> bool:
    """Fewer than FEW_RESULTS results, or none of the query's words found by the keyword side (the meaning side
    always finds neighbours, however unrelated)."""
    if len(ranking.ranked) < FEW_RESULTS:
        return True
    return query.mode != "semantic" and not any(c.keyword_rank for c in ranking.candidates.values())


def _rank(context: _Context, filters: SearchFilters, sources: dict[int, Source]) -> _Ranking:
    """Candidates under `filters`, fused and ordered (exact matches first); their rows loaded into `sources`."""
    candidates: dict[int, _Candidate] = {}
    wants_keyword = context.query.mode in ("hybrid", "keyword")
    if context.vector is not None and wants_keyword and _parallel_allowed():
        # Both lists at once, the keyword one on a helper thread's connection; applied in the same order as below,
        # so the ranking is the same either way.
        keyword = _submit(_keyword_rows, context, filters)
        vector_rows = _vector_rows(context, filters)
        _apply_vector_rows(candidates, vector_rows, context.params)
        _apply_keyword_rows(candidates, keyword.result())
    else:
        if context.vector is not None:
            _apply_vector_rows(candidates, _vector_rows(context, filters), context.params)
        if wants_keyword:
            _apply_keyword_rows(candidates, _keyword_rows(context, filters))
    ranked = _fuse(candidates, context.params)
    sources.update(_load_sources([pk for pk, _ in ranked if pk not in sources]))
    exact = _exact_matches(context, filters, ranked, sources)
    exact_order = _exact_order(exact, sources)
    ranked.sort(key=lambda item: (exact_order.get(item[0], len(exact_order)), -item[1]))
    return _Ranking(ranked, candidates, exact)


def validate_query(query: SearchQuery) -> str:
    try:
        q = syntax.clean_query(query.q)
    except syntax.QueryError as error:
        raise SearchError("q", error.message) from None
    if not q:
        raise SearchError("q", "Enter a question or some words to search for.")
    if query.mode not in MODES:
        raise SearchError("mode", f"Unknown mode {query.mode!r}: use one of {', '.join(MODES)}.")
    if query.page < 1:
        raise SearchError("page", "Pages are numbered from 1.")
    if not 1 <= query.page_size <= 100:
        raise SearchError("page_size", "page_size must be between 1 and 100.")
    return q


# --- Candidate retrieval ------------------------------------------------------------------------------------


def filter_sql(filters: SearchFilters, alias: str = "c") -> tuple[str, list]:
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
        clauses.append(f"%s = ANY({alias}.locales)")
        params.append(filters.locale)
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


def _parallel_allowed() -> bool:
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


def _submit(function, *args) -> Future:
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


def _vector_rows(context: _Context, filters: SearchFilters) -> list:
    query, params, vector = context.query, context.params, context.vector
    dimension = int(vector.shape[0])
    conditions, condition_params = filter_sql(filters)
    # "Quoted phrases" and -exclusions hold for the meaning side too: a visitor who excludes a word expects it
    # in no result, whichever list found it.
    text_sql, text_params = _text_conditions(context.q)
    literal = vector_text(vector)
    # Model and namespace are literals so the planner can match the partial HNSW index of this model.
    sql = f"""
        WITH nearest AS MATERIALIZED (
            SELECT c.id, c.source_id, c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension}) AS distance
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.model_name = {sql_literal(current_model_key())} AND c.namespace = {sql_literal(query.namespace)}
            {conditions}{text_sql} AND {context.visible_sql}
            ORDER BY c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension})
            LIMIT %s
        )
        SELECT id, source_id, distance FROM nearest ORDER BY distance
    """
    return _run_with_hnsw_settings(
        sql,
        [literal, *condition_params, *text_params, *context.visible_params, literal, params["candidates"]],
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


def _apply_vector_rows(candidates: dict[int, _Candidate], rows: list, params: dict) -> None:
    rank = 0
    for chunk_id, source_id, distance in rows:
        similarity = 1.0 - float(distance)
        if similarity < params["min_similarity"]:
            continue
        candidate = candidates.setdefault(source_id, _Candidate(source_id))
        candidate.chunk_scores[chunk_id] = max(candidate.chunk_scores.get(chunk_id, 0.0), similarity)
        if candidate.vector_rank is None:
            rank += 1
            candidate.vector_rank = rank
            candidate.similarity = similarity


def _run_with_hnsw_settings(
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


def _keyword_rows(context: _Context, filters: SearchFilters) -> list:
    """BM25 keyword candidates.

    Free words are OR-ed (any may match, as BM25 does); "quoted phrases" must match and -exclusions must not.
    IDF comes from knowledge_lexemestat, term weights from knowledge_posting (PostgreSQL's own ts_rank has no
    IDF and would let common words dominate). Queries without phrases read the postings index; a phrase needs
    word positions, so those queries rank the chunks that contain it from their tsvectors instead.
    """
    words, phrases, excluded = syntax.parse(context.q)
    with read_connection().cursor() as cursor:
        if phrases:
            return _keyword_phrase_rows(
                cursor, " ".join([words, *phrases]), phrases, excluded, context, filters
            )
        if words:
            return _keyword_posting_rows(cursor, words, excluded, context, filters)
        return []


def _apply_keyword_rows(candidates: dict[int, _Candidate], rows: list) -> None:
    rank = 0
    top = float(rows[0][2]) if rows else 1.0
    for chunk_id, source_id, score, *_ in rows:
        candidate = candidates.setdefault(source_id, _Candidate(source_id))
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


def terms_params(query: SearchQuery, text: str) -> list:
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


def _keyword_posting_rows(cursor, words: str, excluded, context: _Context, filters: SearchFilters) -> list:
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


def _keyword_phrase_rows(
    cursor, text: str, phrases, excluded, context: _Context, filters: SearchFilters
) -> list:
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


def _fuse(candidates: dict[int, _Candidate], params: dict) -> list[tuple[int, float]]:
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


# The Source columns a search reads (not the bookkeeping ones: hashes, errors, attempts, vectors).
SOURCE_FIELDS = (
    "namespace", "kind", "object_id", "page_id", "document_id", "title", "url", "date", "locales", *FACETS,
)  # fmt: skip


def _load_sources(ids) -> dict[int, Source]:
    """Index rows by id, with their page's current URL path (`page_url_path`, for live_urls: no second query)."""
    if not ids:
        return {}
    from wagtail.models import Page

    return (
        Source.objects.only(*SOURCE_FIELDS)
        .annotate(page_url_path=Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("url_path")[:1]))
        .in_bulk(list(ids))
    )


def _exact_matches(
    context: _Context, filters: SearchFilters, ranked: list[tuple[int, float]], sources: dict
) -> set[int]:
    """Sources a query names exactly: an objective code ("A1"), or a title equal to the query.

    Ranked sources are matched on the rows already loaded; an objective named by its code is added even when
    no candidate list found it (loaded into `sources`, checked for visibility and filters like any candidate)."""
    q, query = context.q, context.query
    candidates = {pk for pk, _ in ranked}
    exact: set[int] = set()
    normalised = _normalise_title(q)
    if len(normalised) >= 3:
        exact.update(
            pk for pk in candidates if pk in sources and _normalise_title(sources[pk].title) == normalised
        )
    if OBJECTIVE_CODE.match(q.upper()):
        conditions, condition_params = filter_sql(filters, alias="s")
        with read_connection().cursor() as cursor:
            cursor.execute(
                f"""
                SELECT s.id FROM knowledge_source s
                WHERE s.namespace = %s AND s.content_type IN ('objective', 'task_force') AND s.objectives = %s
                  AND s.status = 'indexed' {conditions} AND {context.visible_sql}
                """,
                [query.namespace, [q.upper()], *condition_params, *context.visible_params],
            )
            named = {row[0] for row in cursor.fetchall()}
        new = named - candidates
        sources.update(_load_sources([pk for pk in new if pk not in sources]))
        ranked.extend((pk, 0.0) for pk in sorted(new))
        exact |= named
    return exact


def _exact_order(exact: set[int], sources: dict) -> dict[int, int]:
    """Among exact matches, the objective itself before its task force and other pages."""
    priority = {"objective": 0, "task_force": 1}
    ordered = sorted(exact, key=lambda pk: (priority.get(sources[pk].content_type, 2), pk))
    return {pk: index for index, pk in enumerate(ordered)}


def _normalise_title(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


# --- Facets -------------------------------------------------------------------------------------------------


def _count(rows, column: str) -> list[tuple[str, int]]:
    counter: Counter = Counter()
    for source in rows:
        value = getattr(source, column)
        if column in ARRAY_COLUMNS:
            counter.update(set(value or ()))
        elif value not in (None, ""):
            counter[str(value)] += 1
    if column == "year":
        return sorted(counter.items(), reverse=True)
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _facet_counts(context: _Context, main: _Ranking, sources: dict) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value, disjunctive: a group with a selection is counted as if that group had none.

    Groups without a selection count the results. Groups with one count the union of the results and of one
    pool retrieved without any facet filter (same vector, same text conditions), filtered in Python by the other
    groups' selections: one more retrieval whatever the number of active groups. A source that passes every
    filter and is in the pool is also in the results (it ranks at least as high among fewer candidates), so a
    checked value's count is at least the number of results that have it.
    """
    results = [sources[pk] for pk, _ in main.ranked if pk in sources]
    counts = {column: _count(results, column) for column in FACETS}
    filters = context.query.filters
    if not filters.active:
        return counts
    pool = _rank(context, SearchFilters(locale=filters.locale), sources)
    union = {pk: sources[pk] for pk, _ in [*main.ranked, *pool.ranked] if pk in sources}
    for group in filters.active_groups:
        others = filters.without(group)
        column = "year" if group == "year" else FILTER_COLUMNS[group]
        counts[column] = _count([source for source in union.values() if others.matches(source)], column)
    return counts


# --- Results ------------------------------------------------------------------------------------------------


def _build_results(page_ids, sources, candidates, exact, q, query: SearchQuery) -> list[SearchResult]:
    from knowledge.models import Chunk

    wanted_chunks: dict[int, list[int]] = {}
    for source_id, _ in page_ids:
        candidate = candidates.get(source_id)
        if candidate and candidate.chunk_scores:
            best = sorted(candidate.chunk_scores.items(), key=lambda item: -item[1])[
                : query.passages_per_result
            ]
            wanted_chunks[source_id] = [chunk_id for chunk_id, _ in best]
    chunk_ids = [chunk_id for ids in wanted_chunks.values() for chunk_id in ids]
    missing = [source_id for source_id, _ in page_ids if source_id not in wanted_chunks]
    chunks, first_chunks = {}, {}
    if chunk_ids or missing:
        # The passages chosen, and the first passage of sources found by name only: one query.
        rows = Chunk.objects.defer("embedding", "search_vector").filter(
            Q(pk__in=chunk_ids) | Q(source_id__in=missing, position=0)
        )
        for chunk in rows:
            if chunk.pk in chunk_ids:
                chunks[chunk.pk] = chunk
            if chunk.source_id in missing and chunk.position == 0:
                first_chunks[chunk.source_id] = chunk
    urls = live_urls([sources[source_id] for source_id, _ in page_ids if source_id in sources])
    terms = query_terms(q)

    results = []
    for source_id, score in page_ids:
        source = sources.get(source_id)
        if source is None:
            continue
        url = urls.get(source_id, source.url)
        passage_chunks = [chunks[c] for c in wanted_chunks.get(source_id, []) if c in chunks]
        if not passage_chunks and source_id in first_chunks:
            passage_chunks = [first_chunks[source_id]]
        passages = [
            Passage(
                chunk_id=chunk.pk,
                text=chunk.text,
                html=highlight_passage(chunk.text, terms),
                heading=chunk.heading,
                page_number=chunk.page_number,
                url=f"{url}#page={chunk.page_number}" if chunk.page_number and url else url,
                position=chunk.position,
            )
            for chunk in passage_chunks
        ]
        results.append(
            SearchResult(
                source_id=source_id,
                kind=source.kind,
                object_id=source.object_id,
                title=source.title,
                url=url,
                content_type=source.content_type,
                year=source.year,
                date=source.date,
                score=round(score, 6),
                exact=source_id in exact,
                passages=passages,
                page_id=source.page_id,
                document_id=source.document_id,
                language=source.language,
                locales=tuple(source.locales or ()),
            )
        )
    return results


def live_urls(sources, request=None) -> dict[int, str]:
    """Page URLs resolved now (a parent's slug may have changed since indexing): {source id: url}. Sources
    loaded by _load_sources carry their page's URL path; others cost one query."""
    paths = {
        source.pk: (source.page_id, source.page_url_path)
        for source in sources
        if source.page_id and getattr(source, "page_url_path", None)
    }
    missing = {source.page_id: source.pk for source in sources if source.page_id and source.pk not in paths}
    urls = {pk: url for pk, (page_id, path) in paths.items() if (url := url_for_path(page_id, path, request))}
    urls.update({missing[page_id]: url for page_id, url in page_urls(list(missing), request).items()})
    return urls


def url_for_path(page_id: int, url_path: str, request=None) -> str | None:
    """A page's URL from its `url_path`, by Wagtail's own rules (site root paths, from the cache): no query."""
    from wagtail.models import Page

    return Page(pk=page_id, url_path=url_path).get_url(request) if url_path else None


def page_urls(page_ids, request=None) -> dict[int, str]:
    """{page id: its URL now}, for routable pages: one query, then Wagtail's own URL logic on each row."""
    from wagtail.models import Page

    if not page_ids:
        return {}
    paths = Page.objects.filter(pk__in=page_ids).values_list("id", "url_path")
    return {pk: url for pk, path in paths if (url := url_for_path(pk, path, request))}
