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
from knowledge.store import sql_literal, vector_text
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
        "keyword_match_limit": settings.SEARCH_KEYWORD_MATCH_LIMIT,
        "keyword_term_postings": settings.SEARCH_KEYWORD_TERM_POSTINGS,
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
    sources = _load_sources([source_id for source_id, _ in ranked])
    exact = _exact_matches(q, query, ranked, sources)
    exact_order = _exact_order(exact, sources)
    ranked.sort(key=lambda item: (exact_order.get(item[0], len(exact_order)), -item[1]))
    total = len(ranked)
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
    # "Quoted phrases" and -exclusions hold for the meaning side too: a visitor who excludes a word expects it
    # in no result, whichever list found it.
    text_sql, text_params = _text_conditions(query.q)
    filter_sql, filter_params = filter_sql + text_sql, filter_params + text_params
    visible_sql, visible_params = visible_source_sql("s")
    literal = vector_text(vector)
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
        # Settings and query in one round trip (SET, not SET LOCAL: there may be no transaction; every vector
        # query sets both, so a value left on the connection is never relied on). ef_search is at most 1000.
        ef_search = min(int(max(params["ef_search"], params["candidates"])), 1000)
        cursor.execute(
            f"SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = {ef_search}; {sql}",
            [literal, *filter_params, *visible_params, literal, params["candidates"]],
        )
        while cursor.description is None and cursor.nextset():
            pass
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
    """BM25 keyword candidates.

    Free words are OR-ed (any may match, as BM25 does); "quoted phrases" must match and -exclusions must not.
    IDF comes from knowledge_lexemestat, term weights from knowledge_posting (PostgreSQL's own ts_rank has no
    IDF and would let common words dominate). Queries without phrases read the postings index; a phrase needs
    word positions, so those queries rank the chunks that contain it from their tsvectors instead.
    """
    words, phrases, excluded = parse_keyword_query(q)
    with connection.cursor() as cursor:
        if phrases:
            rows = _keyword_phrase_rows(cursor, " ".join([words, *phrases]), phrases, excluded, query, params)
        elif words:
            rows = _keyword_posting_rows(cursor, words, excluded, query, params)
        else:
            rows = []
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


# The query's lexemes (English stemming, as every chunk has English lexemes) with their Okapi BM25 IDF, the
# "+1" variant that is never negative; a lexeme not counted yet (indexed after the last refresh) is taken as
# rare. Parameters: the text, the namespace twice.
TERMS_SQL = """
    terms AS MATERIALIZED (
        SELECT left(w, 200) AS lexeme,
               ln(1 + (st.n - coalesce(l.ndoc, 1) + 0.5::float8) / (coalesce(l.ndoc, 1) + 0.5::float8)) AS idf
        FROM unnest(tsvector_to_array(to_tsvector('english', %s))) w
        CROSS JOIN (
            SELECT greatest(coalesce(max(chunks), 1), 1) AS n FROM knowledge_corpusstat WHERE namespace = %s
        ) st
        LEFT JOIN knowledge_lexemestat l ON l.namespace = %s AND l.lexeme = left(w, 200)
    )
"""


def _text_conditions(q: str) -> tuple[str, list]:
    """SQL conditions (alias c) for the query's "quoted phrases" (required) and -exclusions (forbidden)."""
    _, phrases, excluded = parse_keyword_query(" ".join((q or "").split()))
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


def _keyword_posting_rows(cursor, words: str, excluded, query: SearchQuery, params: dict) -> list:
    """Top chunks by BM25 from the postings index, reading at most `keyword_term_postings` per query word.

    Each word contributes its strongest postings (highest tf-and-length weight, read in index order), so the
    cost is bounded by the number of query words, not by how many chunks contain them: a word in fewer chunks
    than the bound (every word that separates documents) is read completely, and for a very common word only
    its weakest postings, worth little, are skipped. Filters are applied while reading (full lists under
    filters); visibility and -exclusions are checked on the best chunks, with a second, complete pass when
    they removed so many that a page would come out short.
    """
    filter_sql, filter_params = _filter_sql(query.filters)
    filter_join = "JOIN knowledge_chunk c ON c.id = p.chunk_id" if filter_sql else ""
    visible_sql, visible_params = visible_source_sql("s")
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
                    WHERE p.namespace = %s AND p.lexeme = t.lexeme {filter_sql}
                    ORDER BY p.impact DESC
                    LIMIT %s
                ) p
                GROUP BY p.chunk_id
            ),
            best AS (SELECT chunk_id, score FROM hits ORDER BY score DESC, chunk_id LIMIT %s)
            SELECT best.chunk_id, c.source_id, best.score, (SELECT count(*) FROM hits)
            FROM best JOIN knowledge_chunk c ON c.id = best.chunk_id JOIN knowledge_source s ON s.id = c.source_id
            WHERE {visible_sql} {exclusion_sql}
            ORDER BY best.score DESC, best.chunk_id
            """,
            [
                words,
                query.namespace,
                query.namespace,
                query.namespace,
                *filter_params,
                params["keyword_term_postings"],
                limit,
                *visible_params,
                *exclusion_params,
            ],
        )
        rows = cursor.fetchall()
        total = rows[0][3] if rows else 0
        if len(rows) >= wanted or not rows or total <= limit:
            return [row[:3] for row in rows[:wanted]]
        limit = total


def _keyword_phrase_rows(cursor, text: str, phrases, excluded, query: SearchQuery, params) -> list:
    """BM25 (the same posting weights) of the chunks that contain every "quoted phrase" and no exclusion.

    At most `keyword_match_limit` such chunks are ranked: a phrase is a strong filter, and a phrase in more
    chunks than that is better narrowed with another word."""
    filter_sql, filter_params = _filter_sql(query.filters)
    visible_sql, visible_params = visible_source_sql("s")
    exclusion_sql, exclusion_params = _exclusion_sql(excluded)
    phrase_sql = " AND ".join("c.search_vector @@ phraseto_tsquery('english', %s)" for _ in phrases)
    cursor.execute(
        f"""
        WITH {TERMS_SQL},
        matches AS MATERIALIZED (
            SELECT c.id, c.source_id
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.namespace = %s AND {phrase_sql} {exclusion_sql} {filter_sql} AND {visible_sql}
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
            text,
            query.namespace,
            query.namespace,
            query.namespace,
            *phrases,
            *exclusion_params,
            *filter_params,
            *visible_params,
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


# The Source columns a search reads (not the bookkeeping ones: hashes, errors, attempts).
SOURCE_FIELDS = (
    "namespace",
    "kind",
    "object_id",
    "page_id",
    "document_id",
    "title",
    "url",
    "date",
    *FACETS,
)


def _load_sources(ids) -> dict[int, Source]:
    return Source.objects.only(*SOURCE_FIELDS).in_bulk(ids) if ids else {}


def _exact_matches(q: str, query: SearchQuery, ranked: list[tuple[int, float]], sources: dict) -> set[int]:
    """Sources a query names exactly: an objective code ("A1"), or a title equal to the query.

    Ranked sources are matched on the rows already loaded; an objective named by its code is added even when
    no candidate list found it (and loaded into `sources`)."""
    exact: set[int] = set()
    normalised = _normalise_title(q)
    if len(normalised) >= 3:
        exact.update(pk for pk, source in sources.items() if _normalise_title(source.title) == normalised)
    if OBJECTIVE_CODE.match(q):
        code = q.upper()
        named = set(
            Source.objects.filter(
                namespace=query.namespace, content_type__in=["objective", "task_force"], objectives=[code]
            ).values_list("pk", flat=True)
        )
        # Only what this query may show: a source found by name is checked like every candidate.
        new = named - set(sources)
        if new:
            visible_sql, visible_params = visible_source_sql("s")
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT s.id FROM knowledge_source s WHERE s.id = ANY(%s) AND {visible_sql}",
                    [list(new), *visible_params],
                )
                visible = {row[0] for row in cursor.fetchall()}
            allowed = set(
                _apply_filters(Source.objects.filter(pk__in=visible), query.filters).values_list(
                    "pk", flat=True
                )
            )
            sources.update(_load_sources(allowed))
            ranked.extend((pk, 0.0) for pk in sorted(allowed))
            named = (named - new) | allowed
        exact |= named
    return exact


def _exact_order(exact: set[int], sources: dict) -> dict[int, int]:
    """Among exact matches, the objective itself before its task force and other pages."""
    priority = {"objective": 0, "task_force": 1}
    ordered = sorted(exact, key=lambda pk: (priority.get(sources[pk].content_type, 2), pk))
    return {pk: index for index, pk in enumerate(ordered)}


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
