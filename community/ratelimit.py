"""A per-client budget for the public forms: COMMUNITY_FORM_RATE submissions per window and form.

Past the budget a form answers 429 with Retry-After until its window (started by the client's first
submission) ends. Like the admin sign-in limit (config/middleware.py), only a salted SHA-256 of the client
address is kept, in the cache COMMUNITY_FORM_CACHE (shared by the gunicorn workers in production), for at
most the window; no address reaches the database or the logs.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from config.middleware import parse_rate


def budget() -> tuple[int, int]:
    try:
        return parse_rate(settings.COMMUNITY_FORM_RATE)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"COMMUNITY_FORM_RATE must look like '10/h' (submissions/period), got {settings.COMMUNITY_FORM_RATE!r}"
        ) from error


def client_address(request) -> str:
    header = settings.COMMUNITY_FORM_IP_HEADER
    return (request.META.get(header) if header else None) or request.META.get("REMOTE_ADDR", "")


def cache_key(request, scope: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{client_address(request)}".encode()).hexdigest()
    return f"community-form:{scope}:{digest}"


def seconds_to_wait(request, scope: str) -> int | None:
    """Count one submission of form `scope` by this client; the seconds left in its window when over budget."""
    limit, window = budget()
    cache = caches[settings.COMMUNITY_FORM_CACHE]
    key = cache_key(request, scope)
    now = time.time()
    if cache.add(key, 1, window):
        cache.set(f"{key}:until", now + window, window)
        return None
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr(): a new window starts
        cache.add(key, 1, window)
        cache.set(f"{key}:until", now + window, window)
        return None
    if count <= limit:
        return None
    until = cache.get(f"{key}:until")
    return max(1, int(until - now)) if until else window


def too_many_response(request, wait: int) -> TemplateResponse:
    minutes = max(1, -(-wait // 60))
    response = TemplateResponse(request, "community/rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(wait)
    add_never_cache_headers(response)
    return response
