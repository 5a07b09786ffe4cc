"""Hybrid search: the one service behind the search page, the API and the evaluation command.

One query runs as: embed the query once -> candidate chunks from the HNSW vector index and from the BM25 postings
(both filtered, both restricted to what the query's viewer may see right now: search/retrieval.py) -> group chunks by source (a page or document
appears once, with its best passages) -> reciprocal rank fusion of the two source rankings -> exact matches of
codes and titles first -> facets -> one page of results with highlighted, escaped passages.

The result set is defined before any facet filter (issue 24): the query's candidate pool C(q) is the sources of its
best SEARCH_CANDIDATES keyword chunks and of its nearest SEARCH_CANDIDATES chunks at cosine similarity >=
SEARCH_MIN_SIMILARITY, read once without facet filters (under the searched locale, the query's phrases and
exclusions and the viewer's visibility), plus the objectives it names by code. A filtered search is C(q) filtered,
fused again (reciprocal rank fusion over the ranks within the filtered set), and every facet count is counted on
C(q) with the other filters: so the count next to a value is exactly the number of results selecting it gives.
Facets are disjunctive (checkboxes of one group are alternatives): a group counts what the query finds with every
*other* group's filters. The filters themselves are defined once in cms/filters.py, visibility in
cms/visibility.py.

Who is asking is part of the query (`SearchQuery.viewer`, anonymous unless a view says otherwise): one SQL
predicate made from it (knowledge.models.source_visible_sql: the stored audience and the live recheck) goes into
every statement that reads the index, so candidates, exact matches, facets, passages, answers and "did you mean"
all see the same rows, on the request's thread and on the helper thread alike (the predicate is data in the
RetrievalContext, never request state).
"""

from __future__ import annotations

import dataclasses
import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery

from cms.constants import OBJECTIVE_CODE
from cms.replica import read_connection
from cms.visibility import ANONYMOUS, Viewer
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Source, source_visible_sql
from knowledge.store import TS_CONFIG_BY_LANGUAGE

from . import crosslingual, retrieval, syntax
from .answers import Answer, AnswerCost, find_answer
from .highlight import highlight_passage, query_terms
from .retrieval import ARRAY_COLUMNS, FILTER_COLUMNS, Candidate, RetrievalContext, filter_sql
from .spelling import Spelling
from .spelling import suggest as spelling_suggestion

MODES = ("hybrid", "semantic", "keyword")
FACETS = (*FILTER_COLUMNS.values(), "year")
MAX_QUERY_LENGTH = syntax.MAX_QUERY_LENGTH


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
    # With a locale: also search what has no version in it (search/crosslingual.py), the visitor's own search.
    untranslated: bool = False

    @classmethod
    def of(
        cls,
        year_from: int | None = None,
        year_to: int | None = None,
        locale: str = "",
        untranslated: bool = False,
        **values,
    ) -> SearchFilters:
        unknown = set(values) - set(FILTER_COLUMNS)
        if unknown:
            raise TypeError(f"unknown search filters {sorted(unknown)}")
        kept = tuple((param, tuple(v)) for param, v in values.items() if v)
        return cls(
            values=tuple(sorted(kept)),
            year_from=year_from,
            year_to=year_to,
            locale=locale,
            untranslated=untranslated,
        )

    def get(self, param: str) -> tuple:
        return dict(self.values).get(param, ())

    def without(self, param: str) -> SearchFilters:
        if param == "year":
            return SearchFilters(values=self.values, locale=self.locale, untranslated=self.untranslated)
        return SearchFilters(
            values=tuple(item for item in self.values if item[0] != param),
            year_from=self.year_from,
            year_to=self.year_to,
            locale=self.locale,
            untranslated=self.untranslated,
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
        if not crosslingual.in_locale_scope(self, source.locales):
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
    # Who is asking (cms.visibility.viewer_of(request.user)): anonymous visitors see public content only.
    viewer: Viewer = ANONYMOUS

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
    members_only: bool = False  # behind a login or groups restriction: the page shows a "Members only" label

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
class _Ranking:
    ranked: list[tuple[int, float]]
    candidates: dict[int, Candidate]
    exact: set[int]


@dataclass
class _Pool:
    """C(q), the query's candidate pool before facet filters: its chunk rows from both lists, the objectives it
    names by code and the index rows of all of them (`sources`: only what is still there when loaded)."""

    vector_rows: list
    keyword_rows: list
    named: set[int]
    sources: dict[int, Source]


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
    vector = None
    if query.mode in ("hybrid", "semantic"):
        vector = query_vector if query_vector is not None else get_embedder().embed_query(q)
    visible_sql, visible_params = source_visible_sql("s", query.viewer)
    context = RetrievalContext(q, query, params, vector, visible_sql, visible_params)
    # Cross-language search (issue 24): the keyword side also looks for the glossary's equivalents of the words.
    context.keyword_q = crosslingual.expand_keywords(q, query)

    pool = _candidate_pool(context)
    sources = pool.sources
    main = _rank(context, pool, query.filters)
    total = len(main.ranked)
    spelling = (
        spelling_suggestion(
            q,
            query.namespace,
            visible_sql,
            visible_params,
            query.filters.locale,
            keep_seen_words=not query.viewer.anonymous,
        )
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
    facets = _facet_counts(pool, query.filters) if query.facets else {}
    start = (query.page - 1) * query.page_size
    page_ids = main.ranked[start : start + query.page_size]
    results = _build_results(page_ids, sources, main.candidates, main.exact, q, query)
    answer, answer_cost = None, None
    if query.answer and settings.SEARCH_ANSWERS and query.page == 1:
        answer, answer_cost = find_answer(
            results, q, vector, namespace=query.namespace, config=query.analysis_config
        )
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
    finds neighbours above its floor for many a misspelt word)."""
    if len(ranking.ranked) < FEW_RESULTS:
        return True
    return query.mode != "semantic" and not any(c.keyword_rank for c in ranking.candidates.values())


def _candidate_pool(context: RetrievalContext) -> _Pool:
    """C(q): both candidate lists read once without facet filters (the locale is not a facet: it stays), so
    that any filtered search and every facet count are drawn from the same set. Facet filters are never put
    into either query: the best k chunks under a filter reach past the best k of the query, so a filtered
    search found results its counts had not counted (issue 24: "resource 16" gave 52 results)."""
    scope = context.query.filters
    unfiltered = SearchFilters(locale=scope.locale, untranslated=scope.untranslated)
    vector_rows, keyword_rows = [], []
    wants_keyword = context.query.mode in ("hybrid", "keyword")
    if context.vector is not None and wants_keyword and retrieval.parallel_allowed():
        # Both lists at once, the keyword one on a helper thread's connection: the same rows either way.
        keyword = retrieval.submit(retrieval.keyword_rows, context, unfiltered)
        vector_rows = retrieval.vector_rows(context, unfiltered)
        keyword_rows = keyword.result()
    else:
        if context.vector is not None:
            vector_rows = retrieval.vector_rows(context, unfiltered)
        if wants_keyword:
            keyword_rows = retrieval.keyword_rows(context, unfiltered)
    named = _named_objectives(context, unfiltered)
    ids = {row[1] for row in vector_rows} | {row[1] for row in keyword_rows} | named
    return _Pool(vector_rows, keyword_rows, named, _load_sources(ids))


def _rank(context: RetrievalContext, pool: _Pool, filters: SearchFilters) -> _Ranking:
    """The pool's sources that pass `filters`, fused and ordered (exact matches first). Ranks are taken within
    the filtered lists, as if they had been read under the filters."""
    kept = {pk for pk, source in pool.sources.items() if filters.matches(source)}
    candidates: dict[int, Candidate] = {}
    retrieval.apply_vector_rows(candidates, [row for row in pool.vector_rows if row[1] in kept])
    retrieval.apply_keyword_rows(candidates, [row for row in pool.keyword_rows if row[1] in kept])
    ranked = retrieval.fuse(candidates, context.params)
    named = pool.named & kept
    found = {pk for pk, _ in ranked}
    ranked.extend((pk, 0.0) for pk in sorted(named - found))
    exact = _exact_titles(context.q, found, pool.sources) | named
    exact_order = _exact_order(exact, pool.sources)
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


# The Source columns a search reads (not the bookkeeping ones: hashes, errors, attempts, vectors).
SOURCE_FIELDS = (
    "namespace", "kind", "object_id", "page_id", "document_id", "title", "url", "date", "locales", "audience",
    *FACETS,
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


def _exact_titles(q: str, ids: set[int], sources: dict) -> set[int]:
    """Candidates whose title is the query (three characters or more, case and punctuation aside)."""
    normalised = _normalise_title(q)
    if len(normalised) < 3:
        return set()
    return {pk for pk in ids if pk in sources and _normalise_title(sources[pk].title) == normalised}


def _named_objectives(context: RetrievalContext, filters: SearchFilters) -> set[int]:
    """The objective and task force a query names by its code ("A1"), whether or not a candidate list found
    them, checked for visibility and `filters` like any candidate."""
    q, query = context.q, context.query
    if not OBJECTIVE_CODE.match(q.upper()):
        return set()
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
        return {row[0] for row in cursor.fetchall()}


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


def _facet_counts(pool: _Pool, filters: SearchFilters) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value on the candidate pool, disjunctive: each group is counted under every *other*
    group's selection (a group without a selection: under all the filters, i.e. the results). Selecting a
    value gives exactly its count, since the filtered search is drawn from the same pool (_rank)."""
    members = list(pool.sources.values())
    counts = {}
    for group in (*FILTER_COLUMNS, "year"):
        others = filters.without(group)
        column = "year" if group == "year" else FILTER_COLUMNS[group]
        counts[column] = _count([source for source in members if others.matches(source)], column)
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
                members_only=bool(source.audience),
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
