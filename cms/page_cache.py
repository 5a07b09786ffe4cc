"""The anonymous page cache: a repeat view of a public page costs one cache read and no database query.

Django's cache framework stores whole responses of pages served by Wagtail (`wagtail_serve`) to visitors without a
session, for PAGE_CACHE_SECONDS (default 300; 0 turns the cache off), in the PAGE_CACHE_ALIAS cache (shared by every
web worker in production). Keys carry a *generation*: any change that can alter what a page shows (a page's
publish, unpublish, move or delete, a bulk load, a write to the knowledge index (knowledge/store.py: related content),
and a save or delete of a row of any model in `models_shown_on_pages()`: snippets, documents, images, collections,
restrictions, sites, locales...) starts a new generation, so every cached page is gone at once; nothing has to know
which pages showed what. The search result cache (search/result_cache.py) keys on the same generation. The generation is
taken when a request starts, so a page rendered from data read before a change is stored under the old generation
and never served after it.

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
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.cache import cc_delim_re

from .replica import replica_configured, replica_replay_pending

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HIT_HEADER = "X-Page-Cache"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def generation_in_use() -> bool:
    """Whether any cache keys on the generation: this one, or the search result cache (search/result_cache.py,
    which reads the setting only: cms does not import search)."""
    return enabled() or getattr(settings, "SEARCH_RESULT_CACHE_SECONDS", 0) > 0


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
    if not generation_in_use():
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
    return lifetime(settings.PAGE_CACHE_SECONDS, key.split(":")[1])


def lifetime(seconds: int, generation: str) -> int:
    """`seconds`; with a read replica, only the grace period for what was read right after a change of
    `generation` (the replica may not have caught up with it yet), or read from a replica that is behind what it
    received. Without the second check, a replica lagging by more than the grace period had its old page stored
    for the whole PAGE_CACHE_SECONDS (measured: bench/stack.py --faults lag, bench/results/stack.md)."""
    if replica_configured():
        grace = settings.PAGE_CACHE_REPLICA_GRACE_SECONDS
        if time.time_ns() - int(generation) < grace * 1_000_000_000 or replica_replay_pending():
            return min(seconds, grace)
    return seconds


def forbid_restricted_pages(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: a page under a view restriction is never stored, whoever passed the check."""
    from .visibility import page_is_visible

    if not page_is_visible(page):
        request._page_cache_forbidden = True


# --- What a change can alter ------------------------------------------------------------------------------------


def models_shown_on_pages() -> dict[type[Model], str]:
    """The models whose rows a rendered page shows or depends on, each with why: a save or a delete of any of them
    starts a new generation (connect()). Pages themselves are not here: their publish, unpublish, move and delete
    signals say when they change, and their drafts (revisions) change nothing a visitor sees.

    Derived from Wagtail's registries: every snippet, and every model a page type's own fields reach (foreign
    keys, many-to-many fields, inline children, StreamField chooser blocks), then what those models reach in turn.
    `view_select_related` / `view_prefetch_related` only follow those fields, so whatever they load is here too.
    What no field declares is listed in _routing_and_access(); tests/cms/test_page_cache.py changes a row of each
    model and checks the next anonymous view shows it."""
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models

    # A snippet that declares `shown_on_pages = False` (the search glossary: it changes search results, which are
    # never in the page cache) renders on no page.
    snippets = [model for model in get_snippet_models() if getattr(model, "shown_on_pages", True)]
    found: dict[type[Model], str] = {model: "a snippet" for model in snippets}
    for model, why in _routing_and_access().items():
        found.setdefault(model, why)
    # Members-only page types (a members' space and its pages) are restricted from their first save and never
    # cached: what only they show (replies, users, groups) needs no new generation.
    pending = [
        *(model for model in get_page_models() if not getattr(model, "members_only", False)),
        *snippets,
    ]
    seen = set(pending)
    while pending:
        model = pending.pop()
        for related, path in _reached_from(model):
            found.setdefault(related, path)
            if related not in seen:
                seen.add(related)
                pending.append(related)
    return found


def _routing_and_access() -> dict[type[Model], str]:
    """What decides which page a request reaches and who may see what, which no page field points at."""
    from wagtail.models import CollectionViewRestriction, Locale, PageViewRestriction, Site

    return {
        Site: "routes a host to its home page and gives every absolute URL (canonical link, OpenGraph)",
        Locale: "the language of each tree of pages (language switcher, hreflang alternates)",
        PageViewRestriction: "hides a page and the pages under it (cms/visibility.py)",
        CollectionViewRestriction: "hides the documents and images of a collection and of those inside it",
    }


# Left out on purpose: redirects (wagtail.contrib.redirects answers only 404 responses, which are never stored);
# renditions and embeds (written while a page renders: keying on them would forget every page at each render);
# revisions, the reference index and cms.DraftReference (they change with drafts, or with a publish, which already
# starts a new generation); search promotions (the search page is never stored). Not covered by a model signal: the
# knowledge index behind "related content" and search results, written in set-based statements; its writes start a
# new generation themselves (knowledge/store.py, index_changed).


def _reached_from(model: type[Model]) -> list[tuple[type[Model], str]]:
    """(model, "app.Model.field") for each model one step from `model`: its foreign keys and many-to-many fields
    (for a page type, those it declares: Wagtail's bookkeeping fields of every page are left out), a page type's
    inline children (InlinePanel rows, written when the page is published) and its StreamFields' chooser blocks.
    Relations to pages (their own signals) and to users (who uploaded a file: no page names them, and every
    sign-in saves a user) are not followed, nor tags (they sort media in the admin; no page shows them)."""
    from django.contrib.auth import get_user_model
    from modelcluster.models import get_all_child_relations
    from taggit.managers import TaggableManager
    from wagtail.fields import StreamField
    from wagtail.models import Page

    is_page = issubclass(model, Page)
    label = model._meta.label
    steps = []
    for field in [*model._meta.fields, *model._meta.many_to_many]:
        if is_page and field.model is Page:
            continue
        if isinstance(field, StreamField):
            steps += [
                (chosen, f"{label}.{field.name} (chooser block)") for chosen in _chosen(field.stream_block)
            ]
        elif field.is_relation and not isinstance(field, TaggableManager):
            steps.append((field.related_model, f"{label}.{field.name}"))
    if is_page:
        steps += [
            (relation.related_model, f"{label}.{relation.get_accessor_name()} (inline)")
            for relation in get_all_child_relations(model)
            if relation.model is not Page
        ]
    user = get_user_model()
    return [
        (related, path) for related, path in steps if not issubclass(related, Page) and related is not user
    ]


def _chosen(block) -> list[type[Model]]:
    """The models a block's chooser blocks (image, document, snippet, page), at any depth, choose from."""
    from wagtail.blocks import ChooserBlock

    if isinstance(block, ChooserBlock):
        return [block.model_class]
    children = list(getattr(block, "child_blocks", {}).values())
    if getattr(block, "child_block", None) is not None:  # a ListBlock
        children.append(block.child_block)
    return [model for child in children for model in _chosen(child)]


def connect() -> None:
    """Every change that can alter a rendered page starts a new generation: a page's publish, unpublish, move or
    delete, a bulk load, and a save or delete of a row of any model in `models_shown_on_pages()`. Many-to-many
    changes need no receiver: the relations pages show are parental (written when the page is published), and the
    only other ones, the view restrictions' groups, never let an anonymous visitor in (a test keeps it so)."""
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .signals import bulk_load_finished

    for signal in (page_published, page_unpublished, post_page_move, bulk_load_finished):
        signal.connect(new_generation, dispatch_uid=f"page_cache_{id(signal)}")
    post_delete.connect(new_generation, sender=Page, dispatch_uid="page_cache_page_deleted")
    for model in models_shown_on_pages():
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                new_generation, sender=model, dispatch_uid=f"page_cache_{model._meta.label}_{name}"
            )
