"""Operational middleware: a clean 503 when the database goes away, a limit on password guesses, and read-only
requests reading view restrictions once.

All are listed in settings.MIDDLEWARE (config/settings/base.py). None touches the database itself.
"""

from __future__ import annotations

import contextlib
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from cms.replica import anonymous_reads, mark_replica_down, replica_broken
from cms.visibility import restrictions_read_once
from community.signin_limit import limit_sign_in, rates

from .storage import MediaNotWritable

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable, please retry shortly."


class DatabaseUnavailableMiddleware:
    """A database that goes away during a request answers 503 with Retry-After, never a 500 or a traceback.

    Under /api/ the body is the API's JSON error shape; elsewhere it is templates/503.html, a static page
    rendered without request context (no context processor, hence no query). Every open connection of this
    thread is closed, so the next request opens a fresh one as soon as the database is back (with
    CONN_HEALTH_CHECKS, a persistent connection broken between requests is also replaced before use).

    Only exceptions raised by views and by rendering their template responses reach ``process_exception``;
    a failure inside another middleware (e.g. saving a session) still ends in the 500 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable while serving %s %s: %s: %s",
            request.method,
            request.path,
            exception.__class__.__name__,
            str(exception).strip()[:300],
        )
        if replica_broken():  # the next requests of this process read from the primary
            mark_replica_down(exception)
        close_broken_connections()
        return database_unavailable_response(request)


def close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # the socket is already gone: nothing left to release
            logger.debug("Closing database connection %s failed", connection.alias, exc_info=True)


def unavailable_response(request, status: int, message: str) -> HttpResponse:
    """The API's JSON error or the site's static `<status>.html` page, never cached."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": {"param": None, "message": message}}, status=status)
    else:
        response = HttpResponse(
            render_to_string(f"{status}.html"), status=status, content_type="text/html; charset=utf-8"
        )
    add_never_cache_headers(response)
    return response


def database_unavailable_response(request) -> HttpResponse:
    response = unavailable_response(request, 503, DATABASE_UNAVAILABLE_MESSAGE)
    response["Retry-After"] = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    return response


# --- Media storage ---------------------------------------------------------------------------------------------------

STORAGE_UNAVAILABLE_MESSAGE = "The server cannot store files right now, please retry later."


class StorageUnavailableMiddleware:
    """An upload that cannot be written (the media disk full or read-only, MEDIA_ROOT not a folder) answers 507
    Insufficient Storage with a page that says so, instead of a 500. The transaction of the request is rolled back
    (the file is saved before its row) and config.storage.MediaStorage removes a half-written file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MediaNotWritable):
            return None
        logger.error(
            "Media storage unavailable while serving %s %s: %s",
            request.method,
            request.path,
            str(exception).strip()[:300],
        )
        return unavailable_response(request, 507, STORAGE_UNAVAILABLE_MESSAGE)


# --- Sign-in limit ------------------------------------------------------------------------------------------------


class SignInRateLimitMiddleware:
    """Failed password attempts on every form that takes one, limited per address and name, per address and per
    name (community/signin_limit.py). Placed after LocaleMiddleware (the sign-in URLs are resolved in the
    request's language, and the 429 page is in it) and AuthenticationMiddleware (the page shows the site)."""

    def __init__(self, get_response):
        self.get_response = get_response
        rates()  # a malformed SIGN_IN_*_RATE stops the server at start, not at the first sign-in

    def __call__(self, request):
        return limit_sign_in(request, self.get_response)


# --- Read-only requests ---------------------------------------------------------------------------------------------


class ReadOnlyRequestMiddleware:
    """GET and HEAD requests read the view restrictions once (cms.visibility.restrictions_read_once) instead of at
    every visibility check of the request: a page view checks visibility for its navigation, its relations, its
    related content and Wagtail's own serving, from the same few rows. Other methods may change restrictions
    (and run the index sync that follows), so they always read them afresh.

    Those requests, when they carry no session (anonymous visitors), also read from the read replica if one is
    configured (cms/replica.py, config/db_router.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES
        with restrictions_read_once(), anonymous_reads() if anonymous else contextlib.nullcontext():
            return self.get_response(request)
