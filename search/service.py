"""Hybrid search: the one service behind the search page, the API and the evaluation command.

One query runs as: embed the query once -> candidate chunks from the HNSW vector index and from PostgreSQL
full-text search (both filtered, both restricted to what is visible right now) -> group chunks by source (a
page or document appears once, with its best passages) -> reciprocal rank fusion of the two source rankings
-> exact matches of codes and titles first -> facets over the fused set -> one page of results with
highlighted, escaped passages.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection

from knowledge.embeddings import current_model_key, get_embedder
from knowledge.models import SITE_NAMESPACE, Source
from knowledge.store import sql_literal
from knowledge.visibility import visible_source_sql

from .highlight import highlight_passage, query_terms

MODES = ("hybrid", "semantic", "keyword")
FACETS = ("content_type", "goals", "objectives", "practices", "regions", "year", "language")
ARRAY_FACETS = {"goals", "objectives", "practices", "regions"}
OBJECTIVE_CODE = re.compile(r"^[A-Fa-f][1-9]$")
MAX_QUERY_LENGTH = 500
MAX_CANDIDATES = 1000  # deepest result list served: beyond it, refine the query rather than page on


class SearchError(ValueError):
    """Bad search input; `param` names the offending parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class SearchFilters:
    content_types: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    @property
    def active(self) -> bool:
        return any(getattr(self, name) not in ((), None) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class SearchQuery:
    q: str
    mode: str = "hybrid"
    filters: SearchFilters = field(default_factory=SearchFilters)
    page: int = 1
    page_size: int = 10
    namespace: str = SITE_NAMESPACE
    passages_per_result: int = 2


@dataclass
class Passage:
    chunk_id: int
    text: str
    html: str  # escaped text with <mark> around query words: safe to render
    heading: str
    page_number: int | None
    url: str


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


def tuning() -> dict:
    return {
        "rrf_k": settings.SEARCH_RRF_K,
        "vector_weight": settings.SEARCH_VECTOR_WEIGHT,
        "keyword_weight": settings.SEARCH_KEYWORD_WEIGHT,
        "candidates": settings.SEARCH_CANDIDATES,
        "ef_search": settings.SEARCH_EF_SEARCH,
        "min_similarity": settings.SEARCH_MIN_SIMILARITY,
        "bm25_k1": settings.SEARCH_BM25_K1,
        "bm25_b": settings.SEARCH_BM25_B,
        "keyword_match_limit": settings.SEARCH_KEYWORD_MATCH_LIMIT,
    }


def search(query: SearchQuery, *, query_vector: np.ndarray | None = None) -> SearchResponse:
    started = time.perf_counter()
    q = validate_query(query)
    params = tuning()
    # Enough candidates to fill the requested page even when every chunk of a source matches.
    params["candidates"] = min(max(params["candidates"], 2 * query.page * query.page_size), MAX_CANDIDATES)
    candidates: dict[int, _Candidate] = {}
    if query.mode in ("hybrid", "semantic"):
        vector = query_vector if query_vector is not None else get_embedder().embed_query(q)
        _collect_vector(candidates, vector, query, params)
    if query.mode in ("hybrid", "keyword"):
        _collect_keyword(candidates, q, query, params)

    ranked = _fuse(candidates, params)
    exact = _exact_matches(q, query, ranked)
    exact_order = _exact_order(exact)
    ranked.sort(key=lambda item: (exact_order.get(item[0], len(exact_order)), -item[1]))
    total = len(ranked)
    sources = Source.objects.in_bulk([source_id for source_id, _ in ranked])
    facets = _facet_counts(sources.values())
    start = (query.page - 1) * query.page_size
    page_ids = ranked[start : start + query.page_size]
    results = _build_results(page_ids, sources, candidates, exact, q, query)
    return SearchResponse(
        query=query,
        total=total,
        results=results,
        facets=facets,
        took_ms=(time.perf_counter() - started) * 1000,
    )


def validate_query(query: SearchQuery) -> str:
    q = " ".join((query.q or "").split())
    if not q:
        raise SearchError("q", "Enter a question or some words to search for.")
    if len(q) > MAX_QUERY_LENGTH:
        raise SearchError("q", f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    if query.mode not in MODES:
        raise SearchError("mode", f"Unknown mode {query.mode!r}: use one of {', '.join(MODES)}.")
    if query.page < 1:
        raise SearchError("page", "Pages are numbered from 1.")
    if not 1 <= query.page_size <= 100:
        raise SearchError("page_size", "page_size must be between 1 and 100.")
    return q


# --- Candidate retrieval ------------------------------------------------------------------------------------


def _filter_sql(filters: SearchFilters, alias: str = "c") -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    if filters.content_types:
        clauses.append(f"{alias}.content_type = ANY(%s::varchar[])")
        params.append(list(filters.content_types))
    for name in ("goals", "objectives", "practices", "regions"):
        values = getattr(filters, name)
        if values:
            clauses.append(f"{alias}.{name} && %s::varchar[]")
            params.append(list(values))
    if filters.languages:
        clauses.append(f"{alias}.language = ANY(%s::varchar[])")
        params.append(list(filters.languages))
    if filters.year_from is not None:
        clauses.append(f"{alias}.year >= %s")
        params.append(filters.year_from)
    if filters.year_to is not None:
        clauses.append(f"{alias}.year <= %s")
        params.append(filters.year_to)
    return (" AND " + " AND ".join(clauses)) if clauses else "", params


def _collect_vector(
    candidates: dict[int, _Candidate], vector: np.ndarray, query: SearchQuery, params: dict
) -> None:
    dimension = int(vector.shape[0])
    filter_sql, filter_params = _filter_sql(query.filters)
    visible_sql, visible_params = visible_source_sql("s")
    literal = "[" + ",".join(f"{x:.7g}" for x in vector.tolist()) + "]"
    # Model and namespace are literals so the planner can match the partial HNSW index of this model.
    sql = f"""
        WITH nearest AS MATERIALIZED (
            SELECT c.id, c.source_id, c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension}) AS distance
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.model_name = {sql_literal(current_model_key())} AND c.namespace = {sql_literal(query.namespace)}
            {filter_sql} AND {visible_sql}
            ORDER BY c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension})
            LIMIT %s
        )
        SELECT id, source_id, distance FROM nearest ORDER BY distance
    """
    with connection.cursor() as cursor:
        # One round trip for both settings; pgvector accepts ef_search up to 1000.
        ef_search = min(int(max(params["ef_search"], params["candidates"])), 1000)
        cursor.execute(f"SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = {ef_search}")
        cursor.execute(sql, [literal, *filter_params, *visible_params, literal, params["candidates"]])
        rows = cursor.fetchall()
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


def parse_keyword_query(q: str) -> tuple[str, list[str], list[str]]:
    """Split a query into free words, "quoted phrases" (required) and -exclusions (forbidden)."""
    words, phrases, excluded = [], [], []
    for token in re.findall(r'-?"[^"]*"|-?\S+', q):
        negated = token.startswith("-") and len(token) > 1
        body = token[1:] if negated else token
        is_phrase = body.startswith('"')
        body = body.strip('"').strip()
        if not body or body.upper() == "OR":
            continue
        if negated:
            excluded.append(body)
        elif is_phrase:
            phrases.append(body)
        else:
            words.append(body)
    return " ".join(words), phrases, excluded


def _collect_keyword(candidates: dict[int, _Candidate], q: str, query: SearchQuery, params: dict) -> None:
    """BM25 over PostgreSQL full-text vectors.

    Any query word may match (an OR of the query's lexemes, as BM25 does), "quoted phrases" must match and
    -exclusions must not; matches are ranked by BM25 with document frequencies from knowledge_lexemestat.
    PostgreSQL's own ts_rank has no IDF and would let common words dominate.
    """
    words, phrases, excluded = parse_keyword_query(q)
    filter_sql, filter_params = _filter_sql(query.filters)
    visible_sql, visible_params = visible_source_sql("s")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT w, l.ndoc, (SELECT chunks FROM knowledge_corpusstat WHERE namespace = %s)
            FROM unnest(tsvector_to_array(to_tsvector('english', %s))) w
            LEFT JOIN knowledge_lexemestat l ON l.namespace = %s AND l.lexeme = w
            """,
            [query.namespace, " ".join([words, *phrases]), query.namespace],
        )
        rows = cursor.fetchall()
        if not rows:
            return
        lexemes = [row[0] for row in rows]
        corpus_size = rows[0][2] or 0
        query_words = (
            {
                row[0]
                for row in cursor.execute(
                    "SELECT unnest(tsvector_to_array(to_tsvector('english', %s)))", [words]
                ).fetchall()
            }
            if words
            else set()
        )
        # Candidates are selected by the query's rarest words (in at most 2% of chunks, or else the 3 rarest):
        # common words carry little BM25 weight but would make the OR match most of the corpus, and ranking
        # cost grows with every matched row. Every query word still counts in the score.
        ranked_words = sorted((ndoc or 0, w) for w, ndoc, _ in rows if w in query_words)
        selective = [w for ndoc, w in ranked_words if ndoc <= 0.02 * corpus_size]
        or_words = selective if len(selective) >= 2 else [w for _, w in ranked_words[:3]]
        clauses, clause_params = [], []
        if or_words:
            clauses.append(
                "to_tsquery('simple', array_to_string(array(SELECT quote_literal(x) FROM unnest(%s::text[]) x), ' | '))"
            )
            clause_params.append(or_words)
        for phrase in phrases:
            clauses.append("phraseto_tsquery('english', %s)")
            clause_params.append(phrase)
        for word in excluded:
            clauses.append("!! websearch_to_tsquery('english', %s)")
            clause_params.append(word)
        if not or_words and not phrases:
            return
        sql = f"""
            WITH query AS (SELECT {" && ".join(clauses)} AS q),
            stats AS (
                SELECT coalesce(max(chunks), 1) AS n, greatest(coalesce(max(average_length), 1), 1) AS avglen
                FROM knowledge_corpusstat WHERE namespace = %s
            ),
            idf AS (
                SELECT w AS lexeme,
                       ln(1 + ((SELECT n FROM stats) - coalesce(l.ndoc, 1) + 0.5) / (coalesce(l.ndoc, 1) + 0.5)) AS idf
                FROM unnest(%s::text[]) w
                LEFT JOIN knowledge_lexemestat l ON l.namespace = %s AND l.lexeme = w
            ),
            matches AS MATERIALIZED (
                SELECT c.id, c.source_id, c.search_vector, length(c.search_vector) AS len
                FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id, query
                WHERE c.namespace = %s AND c.search_vector @@ query.q {filter_sql} AND {visible_sql}
                LIMIT %s
            )
            SELECT m.id, m.source_id,
                   sum(idf.idf * (tf * (%s + 1)) / (tf + %s * (1 - %s + %s * m.len / (SELECT avglen FROM stats))))
                   AS score
            FROM matches m
            CROSS JOIN LATERAL (
                SELECT u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf FROM unnest(m.search_vector) u
            ) terms
            JOIN idf ON idf.lexeme = terms.lexeme
            GROUP BY m.id, m.source_id
            ORDER BY score DESC, m.id
            LIMIT %s
        """
        k1, b = params["bm25_k1"], params["bm25_b"]
        cursor.execute(
            sql,
            [
                *clause_params,
                query.namespace,
                lexemes,
                query.namespace,
                query.namespace,
                *filter_params,
                *visible_params,
                params["keyword_match_limit"],
                k1,
                k1,
                b,
                b,
                params["candidates"],
            ],
        )
        rows = cursor.fetchall()
    rank = 0
    top = float(rows[0][2]) if rows else 1.0
    for chunk_id, source_id, score in rows:
        candidate = candidates.setdefault(source_id, _Candidate(source_id))
        # Keep the keyword evidence in the chunk score so passages prefer chunks that contain the words.
        candidate.chunk_scores[chunk_id] = candidate.chunk_scores.get(chunk_id, 0.0) + float(score) / (
            top or 1.0
        )
        if candidate.keyword_rank is None:
            rank += 1
            candidate.keyword_rank = rank


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


def _exact_matches(q: str, query: SearchQuery, ranked: list[tuple[int, float]]) -> set[int]:
    """Sources a query names exactly: an objective code ("A1"), or a title equal to the query."""
    exact: set[int] = set()
    base = Source.objects.filter(namespace=query.namespace)
    if OBJECTIVE_CODE.match(q):
        code = q.upper()
        exact.update(
            base.filter(content_type__in=["objective", "task_force"], objectives=[code]).values_list(
                "pk", flat=True
            )
        )
    normalised = _normalise_title(q)
    if len(normalised) >= 3:
        ids = [source_id for source_id, _ in ranked]
        for pk, title in base.filter(pk__in=ids).values_list("pk", "title"):
            if _normalise_title(title) == normalised:
                exact.add(pk)
    if exact:
        # Only what this query may show: the exact set is checked for visibility like every candidate.
        visible_sql, visible_params = visible_source_sql("s")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s.id FROM knowledge_source s WHERE s.id = ANY(%s) AND {visible_sql}",
                [list(exact), *visible_params],
            )
            exact = {row[0] for row in cursor.fetchall()}
        filtered = set(
            _apply_filters(Source.objects.filter(pk__in=exact), query.filters).values_list("pk", flat=True)
        )
        exact &= filtered
        known = {source_id for source_id, _ in ranked}
        for pk in exact - known:
            ranked.append((pk, 0.0))
    return exact


def _exact_order(exact: set[int]) -> dict[int, int]:
    """Among exact matches, the objective itself before its task force and other pages."""
    priority = {"objective": 0, "task_force": 1}
    rows = Source.objects.filter(pk__in=exact).values_list("pk", "content_type")
    ordered = sorted(rows, key=lambda row: (priority.get(row[1], 2), row[0]))
    return {pk: index for index, (pk, _) in enumerate(ordered)}


def _normalise_title(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _apply_filters(queryset, filters: SearchFilters):
    if filters.content_types:
        queryset = queryset.filter(content_type__in=filters.content_types)
    for name in ("goals", "objectives", "practices", "regions"):
        values = getattr(filters, name)
        if values:
            queryset = queryset.filter(**{f"{name}__overlap": list(values)})
    if filters.languages:
        queryset = queryset.filter(language__in=filters.languages)
    if filters.year_from is not None:
        queryset = queryset.filter(year__gte=filters.year_from)
    if filters.year_to is not None:
        queryset = queryset.filter(year__lte=filters.year_to)
    return queryset


def _facet_counts(sources) -> dict[str, list[tuple[str, int]]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for source in sources:
        for name in FACETS:
            value = getattr(source, name)
            if name in ARRAY_FACETS:
                counts[name].update(set(value))
            elif value not in (None, ""):
                counts[name][str(value)] += 1
    return {
        name: sorted(counts[name].items(), key=lambda item: (-item[1], item[0]))
        if name != "year"
        else sorted(counts[name].items(), reverse=True)
        for name in FACETS
    }


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
    chunks = Chunk.objects.defer("embedding", "search_vector").in_bulk(chunk_ids)
    first_chunks = {}
    missing = [source_id for source_id, _ in page_ids if source_id not in wanted_chunks]
    for chunk in Chunk.objects.defer("embedding", "search_vector").filter(source_id__in=missing, position=0):
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
            )
        )
    return results


def live_urls(sources) -> dict[int, str]:
    """Page URLs resolved now (a parent's slug may have changed since indexing)."""
    from wagtail.models import Page

    page_sources = {source.page_id: source.pk for source in sources if source.page_id}
    urls = {}
    for page in Page.objects.filter(pk__in=page_sources):
        url = page.get_url()
        if url:
            urls[page_sources[page.pk]] = url
    return urls
