"""The search result cache: a repeated search or suggestion is answered from the cache, without the model or the index.

Real search traffic repeats itself (popular queries, suggestions typed letter by letter), and a search costs
the query's embedding and half a dozen statements on the index where a cache read costs one round trip. So the
search page (`/search/`, its answer fragment), `/api/search/`, `/search/suggest/` and `/api/search/suggest/`
ask here first.

- **Key**: everything that changes the answer: the query as searched (syntax.clean_query: whitespace collapsed; case
  is kept, since "did you mean" and the answer quote the words as typed), the mode, the filters and the locale
  searched, the query's language, the page and page size, whether facets, the answer and spelling are wanted,
  per-query tuning, the SEARCH_* and EMBEDDING_* settings; and who is asking:
  `cms.visibility.visibility_key(viewer)`, one constant for anonymous visitors, the groups and the restrictions in
  their way for a signed-in viewer (a member's results, which hold their spaces' content, are only ever served to a
  viewer with the same groups, the same superuser flag and the same restrictions in the way).
- **Invalidation**: the key carries the page cache's generation (cms/page_cache.py). A publish, an unpublish, a
  move, a restriction saved or deleted, a document or snippet changed, and any write to the knowledge index
  (knowledge/store.py) or to the search glossary (search/apps.py) starts a new one, so every cached result is gone
  at once. The generation is read before the search runs: results read before a change are stored under the old
  generation and never served after it. With a read replica, results read within PAGE_CACHE_REPLICA_GRACE_SECONDS of
  a change are kept only that long (the replica may not have caught up), as pages are.
- **What is stored**: the search's plain result (search.service.SearchResponse: dataclasses of strings, numbers,
  dates and tuples; no queryset, no model instance): 14-16 KB pickled for a page of 10 results with their
  passages, facets and answer on the demo ("soil organic carbon", "agroforestry projects in Africa"), so 10,000
  cached searches take about 160 MB of Redis; suggestions as their list of dicts (1.1 KB for 8).
- Also kept: the related content of `/api/pages/<id>/related/` (keyed by page, types, limit, the request's site
  and the viewer's visibility key) and the search page's facet labels (per language; public titles only).
- **Never an error**: the cache failing (Redis down) is a miss, logged; the search runs as without it.
- The search log is written by the views as before, cached or not (search.views.log_search).

SEARCH_RESULT_CACHE_SECONDS (default 300, 0 turns it off) in the PAGE_CACHE_ALIAS cache (shared by every worker
in production).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from cms import page_cache
from cms.visibility import ANONYMOUS, Viewer, visibility_key

from .facets import FacetLabels
from .related import RelatedItem, related_to_page
from .service import SearchQuery, SearchResponse, search, validate_query
from .suggest import suggest_titles
from .syntax import clean_query

logger = logging.getLogger(__name__)

# Part of every key: bump it when what is stored changes shape.
VERSION = "1"
_MISSING = object()


def enabled() -> bool:
    return settings.SEARCH_RESULT_CACHE_SECONDS > 0


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _key(kind: str, generation: str, parts: tuple) -> str:
    digest = hashlib.sha256(repr((VERSION, *parts)).encode()).hexdigest()
    return f"searchcache:{kind}:{generation}:{digest}"


SETTINGS = ("SEARCH_", "EMBEDDING_")


def search_settings() -> str:
    """The search and embedding settings (ranking, answers, the model): hosts deployed with other values, sharing
    one Redis, never serve each other's results."""
    return repr(
        sorted((name, getattr(settings, name)) for name in dir(settings) if name.startswith(SETTINGS))
    )


def search_key(query: SearchQuery, generation: str) -> str:
    """The cache key of `query` under `generation` (SearchError for a query search() would refuse)."""
    searched = dataclasses.replace(query, q=validate_query(query), viewer=ANONYMOUS)
    return _key("search", generation, (repr(searched), search_settings(), visibility_key(query.viewer)))


def suggest_key(q: str, limit: int, locale: str, viewer: Viewer, generation: str) -> str:
    """Suggestions carry a translated type label: the active language is part of the key, whatever the locale."""
    language = translation.get_language() or ""
    return _key("suggest", generation, (clean_query(q), limit, locale, language, visibility_key(viewer)))


def _cached(key_of: Callable[[str], str], compute: Callable[[], object]):
    """compute(), or its value stored under key_of(generation); any cache failure is a miss."""
    if not enabled():
        return compute()
    try:
        generation = page_cache.current_generation()
        key = key_of(generation)
        found = _cache().get(key, _MISSING)
    except Exception:
        logger.exception("Search result cache unavailable; searching without it")
        return compute()
    if found is not _MISSING:
        return found
    value = compute()
    try:
        _cache().set(key, value, page_cache.lifetime(settings.SEARCH_RESULT_CACHE_SECONDS, generation))
    except Exception:
        logger.exception("Could not store a search result")
    return value


def cached_search(
    query: SearchQuery, run: Callable[[SearchQuery], SearchResponse] = search
) -> SearchResponse:
    """run(query) (search.service.search by default), or the same response from the cache. The response is the
    caller's own copy (a cache hit is unpickled), and it carries the caller's query and this call's time."""
    started = time.perf_counter()
    validate_query(query)  # bad input raises SearchError before the cache is asked
    response = _cached(lambda generation: search_key(query, generation), lambda: run(query))
    return dataclasses.replace(response, query=query, took_ms=(time.perf_counter() - started) * 1000)


def cached_suggestions(q: str, *, limit: int = 8, locale: str = "", viewer: Viewer = ANONYMOUS) -> list[dict]:
    """suggest_titles(...), or the same suggestions from the cache."""
    return _cached(
        lambda generation: suggest_key(q, limit, locale, viewer, generation),
        lambda: suggest_titles(q, limit=limit, locale=locale, viewer=viewer),
    )


def cached_related(
    page_id: int, *, types: tuple[str, ...], limit: int, request, viewer: Viewer = ANONYMOUS
) -> dict[str, list[RelatedItem]]:
    """related_to_page(...) for `/api/pages/<id>/related/`, or the same items from the cache. URLs are made for
    the request's site, so its scheme and host are part of the key."""
    return _cached(
        lambda generation: _key(
            "related",
            generation,
            (
                page_id,
                tuple(types),
                limit,
                request.scheme,
                request.get_host(),
                translation.get_language() or "",
                visibility_key(viewer),
            ),
        ),
        lambda: related_to_page(page_id, types=types, limit=limit, request=request, viewer=viewer),
    )


def cached_facet_labels(language: str) -> FacetLabels:
    """The search page's facet labels in `language` (of public goals and objectives, practices and places: the
    same for every visitor), read once per generation."""
    return FacetLabels(
        _cached(
            lambda generation: _key("facet-labels", generation, (language,)), lambda: FacetLabels().values
        )
    )
