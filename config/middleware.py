"""Operational middleware: a clean 503 when the database goes away, a rate limit on admin logins, and read-only
requests reading view restrictions once.

All are listed in settings.MIDDLEWARE (config/settings/base.py). None touches the database itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers

from cms.replica import anonymous_reads
from cms.visibility import restrictions_read_once

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
        close_broken_connections()
        return database_unavailable_response(request)


def close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # the socket is already gone: nothing left to release
            logger.debug("Closing database connection %s failed", connection.alias, exc_info=True)


def database_unavailable_response(request) -> HttpResponse:
    retry_after = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": {"param": None, "message": DATABASE_UNAVAILABLE_MESSAGE}}, status=503
        )
    else:
        response = HttpResponse(
            render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
        )
    response["Retry-After"] = retry_after
    add_never_cache_headers(response)
    return response


# --- Admin login rate limit ----------------------------------------------------------------------------------

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/15m" -> (5, 900): at most 5 failed attempts per 15 minutes. Units s, m, h, d."""
    match = _RATE.match(rate or "")
    if not match:
        raise ValueError(f"ADMIN_LOGIN_RATE must look like '5/15m' (attempts/period), got {rate!r}")
    count, amount, unit = match.groups()
    return int(count), int(amount or 1) * _UNIT_SECONDS[unit]


class AdminLoginRateLimitMiddleware:
    """Limit failed sign-ins to the Wagtail admin: ADMIN_LOGIN_RATE (default "5/15m") per client and username.

    A POST to the admin login view that does not end with a signed-in user counts as a failure. Once the limit
    is reached, further POSTs for that client and username answer 429 with a Retry-After header until the
    window (started by the first failure) ends; a successful sign-in clears the count.

    Privacy: the search log stores no IP address, and neither does this. The cache key is a SHA-256 of the
    client address, the lower-cased username and SECRET_KEY; it lives in the cache (ADMIN_LOGIN_CACHE) for at
    most the window (15 minutes by default) and is never written to the database or to logs.

    The client address is REMOTE_ADDR, or the header named by ADMIN_LOGIN_IP_HEADER (e.g. HTTP_X_REAL_IP)
    when a reverse proxy you control sets it. Behind a proxy without that header every client shares the
    proxy's address, and the limit becomes per username.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit, self.window = parse_rate(settings.ADMIN_LOGIN_RATE)
        try:
            self.login_path = reverse("wagtailadmin_login")
        except NoReverseMatch:
            self.login_path = "/admin/login/"

    def __call__(self, request):
        if request.method != "POST" or request.path != self.login_path:
            return self.get_response(request)
        cache = caches[settings.ADMIN_LOGIN_CACHE]
        key = self.cache_key(request)
        failures = cache.get(key, 0)
        if failures >= self.limit:
            return self.too_many(cache, key)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            cache.delete(key)
        elif response.status_code != 403:  # a CSRF refusal is not a password attempt
            if cache.add(key, 1, self.window):
                cache.set(f"{key}:until", _now() + self.window, self.window)
            else:
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.add(key, 1, self.window)
        return response

    def cache_key(self, request) -> str:
        header = settings.ADMIN_LOGIN_IP_HEADER
        address = (request.META.get(header) if header else None) or request.META.get("REMOTE_ADDR", "")
        username = (request.POST.get("username") or "").strip().lower()
        digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}|{username}".encode()).hexdigest()
        return f"admin-login-failures:{digest}"

    def too_many(self, cache, key: str) -> HttpResponse:
        until = cache.get(f"{key}:until")
        wait = max(1, int(until - _now())) if until else self.window
        minutes = max(1, -(-wait // 60))
        message = (
            "Too many failed sign-in attempts for this account from your address. "
            f"Please wait {minutes} minute{'s' if minutes != 1 else ''} and try again."
        )
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(wait)
        add_never_cache_headers(response)
        return response


def _now() -> float:
    return time.time()


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
