"""The anonymous page cache: a repeat view of a public page costs one cache read and no database query.

Django's cache framework stores whole responses of pages served by Wagtail (`wagtail_serve`) to visitors without a
session, for PAGE_CACHE_SECONDS (default 300; 0 turns the cache off), in the PAGE_CACHE_ALIAS cache (shared by every
web worker in production). Keys carry a *generation*: any change that can alter what a page shows (publish,
unpublish, move, delete, view restrictions, collection restrictions, documents, snippets, sites, a bulk load, an
index rebuild) starts a new generation, so every cached page is gone at once; nothing has to know which pages
showed what. The generation is taken when a request starts, so a page rendered from data read before a change is
stored under the old generation and never served after it.

Never stored, never served:
- anything but GET/HEAD, and any request with a session cookie (signed-in editors, visitors who entered a page's
  password) or an Authorization header;
- a page with a view restriction (checked again when serving), the search page and the API (other views), and
  a preview: Wagtail renders it through the middleware but not through `wagtail_serve`, with the editor's session
  cookie, and marks it Cache-Control private;
- a response that is not a plain 200, that sets a cookie, that used a CSRF token (a form), or that says
  Cache-Control private / no-cache / no-store.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import cc_delim_re

from .replica import replica_configured

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HIT_HEADER = "X-Page-Cache"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def current_generation() -> str:
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or an evicted key): a value never used before, so no older entry can match it.
        generation = str(time.time_ns())
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def new_generation(**kwargs) -> None:
    """Forget every cached page: now, and once more when the current transaction commits (a page rendered in
    between, from data read before the commit, is stored under the in-between generation and never served)."""
    if not enabled():
        return
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        _cache().set(GENERATION_KEY, str(time.time_ns()), None)
    except Exception:  # the cache being down must never break an editor's save
        logger.exception("Could not start a new page cache generation")


def request_key(request, generation: str) -> str | None:
    """The cache key of this request, or None when it must not be served from or stored in the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    query = request.META.get("QUERY_STRING", "")
    raw = "|".join(
        [request.scheme, request.get_host(), request.path, query, translation.get_language() or ""]
    )
    return f"pagecache:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_page_cache_forbidden", False):
        return False
    cache_control = {
        part.strip().split("=")[0].lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """Serves and stores anonymous responses of Wagtail pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.process_response(request, self.get_response(request))

    def process_view(self, request, view_func, view_args, view_kwargs):
        from .routing import serve

        if not enabled() or view_func is not serve:
            return None
        try:
            key = request_key(request, current_generation())
            cached = _cache().get(key) if key else None
        except Exception:
            logger.exception("Page cache unavailable; serving without it")
            return None
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        request._page_cache_key = key
        return None

    def process_response(self, request, response):
        key = getattr(request, "_page_cache_key", None)
        if key and request.method == "GET" and storable(request, response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            try:
                _cache().set(key, response, _lifetime(key))
                response[HIT_HEADER] = "miss"
            except Exception:
                logger.exception("Could not store a page in the page cache")
        return response


def _lifetime(key: str) -> int:
    """PAGE_CACHE_SECONDS; with a read replica, only the grace period for a page rendered right after a change
    (the replica may not have caught up with it yet)."""
    seconds = settings.PAGE_CACHE_SECONDS
    if replica_configured():
        generation = int(key.split(":")[1])
        if time.time_ns() - generation < settings.PAGE_CACHE_REPLICA_GRACE_SECONDS * 1_000_000_000:
            return min(seconds, settings.PAGE_CACHE_REPLICA_GRACE_SECONDS)
    return seconds


def forbid_restricted_pages(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: a page under a view restriction is never stored, whoever passed the check."""
    from .visibility import page_is_visible

    if not page_is_visible(page):
        request._page_cache_forbidden = True


def connect() -> None:
    """Every change that can alter a rendered page starts a new generation."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Organization, Person, Region, SoilPractice
    from .signals import bulk_load_finished

    for signal in (page_published, page_unpublished, post_page_move, bulk_load_finished):
        signal.connect(new_generation, dispatch_uid=f"page_cache_{id(signal)}")
    post_delete.connect(new_generation, sender=Page, dispatch_uid="page_cache_page_deleted")
    for model in (
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        Organization,
        Person,
        Region,
        SoilPractice,
        get_document_model(),
        get_image_model(),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                new_generation, sender=model, dispatch_uid=f"page_cache_{model.__name__}_{id(signal)}"
            )
