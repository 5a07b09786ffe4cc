"""A per-client budget for the public forms: COMMUNITY_FORM_RATE submissions per window and form (and
COMMUNITY_SPACE_POST_RATE posts and replies in the members' spaces).

Past the budget a form answers 429 with Retry-After until its window (started by the client's first
submission) ends. Like the sign-in limit (community/signin_limit.py), only a salted SHA-256 of the client
address is kept, in the cache COMMUNITY_FORM_CACHE (shared by the gunicorn workers in production), for at
most the window; no address reaches the database or the logs.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)
# While the limits' cache is unreachable (Redis gone), forms that count submissions or password guesses refuse them
# (fail closed) and ask to come back after this many seconds.
LIMITS_UNAVAILABLE_RETRY_SECONDS = 60

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/15m" -> (5, 900): at most 5 per 15 minutes. Units s, m, h, d."""
    match = _RATE.match(rate or "")
    if not match:
        raise ValueError(f"a rate must look like '5/15m' (count/period, units s, m, h, d), got {rate!r}")
    count, amount, unit = match.groups()
    return int(count), int(amount or 1) * _UNIT_SECONDS[unit]


def budget(setting: str = "COMMUNITY_FORM_RATE") -> tuple[int, int]:
    rate = getattr(settings, setting)
    try:
        return parse_rate(rate)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{setting} must look like '10/h' (submissions/period), got {rate!r}"
        ) from error


def client_address(request, header: str) -> str:
    """REMOTE_ADDR, or the header a reverse proxy you control sets (e.g. HTTP_X_REAL_IP) when one is named."""
    return (request.META.get(header) if header else None) or request.META.get("REMOTE_ADDR", "")


def cache_key(request, scope: str) -> str:
    address = client_address(request, settings.COMMUNITY_FORM_IP_HEADER)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{address}".encode()).hexdigest()
    return f"community-form:{scope}:{digest}"


def seconds_to_wait(request, scope: str, *, rate_setting: str = "COMMUNITY_FORM_RATE") -> int | None:
    """Count one submission of form `scope` by this client; the seconds left in its window when over budget
    (the budget of the setting `rate_setting`: the public forms', or the members' spaces' posting rate)."""
    limit, window = budget(rate_setting)
    counter = WindowCounter(caches[settings.COMMUNITY_FORM_CACHE], cache_key(request, scope), limit, window)
    now = time.time()
    try:
        return counter.seconds_left(now) if counter.take(now) > limit else None
    except Exception as error:  # the cache is unreachable: fail closed, the form asks to come back shortly
        logger.error("Form limit unavailable, submission refused: %s: %s", error.__class__.__name__, error)
        return LIMITS_UNAVAILABLE_RETRY_SECONDS


@dataclass(frozen=True)
class WindowCounter:
    """A count in a cache that lives as long as its window, started by its first increment (the form budget here,
    the sign-in limit's three counters in community/signin_limit.py). Increments are atomic (`cache.incr`), so
    parallel requests each get their own number."""

    cache: BaseCache
    key: str
    limit: int
    window: int

    def take(self, now: float) -> int:
        """Add one; the count after it."""
        if not self.cache.add(self.key, 1, self.window):
            try:
                return self.adjust(1, now)
            except ValueError:  # expired since add(): a new window starts
                self.cache.set(self.key, 1, self.window)
        self.cache.set(f"{self.key}:until", now + self.window, self.window)
        return 1

    def adjust(self, delta: int, now: float) -> int:
        """Add `delta` (negative to give back); ValueError when the window has ended."""
        count = self.cache.incr(self.key, delta)
        # Backends without a native increment (the production file cache) write the value back with the default
        # timeout (5 minutes): the count must still end with its window, not a few minutes after its last change.
        self.cache.touch(self.key, self.seconds_left(now))
        return count

    def seconds_left(self, now: float) -> int:
        until = self.cache.get(f"{self.key}:until")
        return max(1, int(until - now)) if until else self.window

    def clear(self) -> None:
        self.cache.delete_many([self.key, f"{self.key}:until"])


def too_many_response(request, wait: int) -> TemplateResponse:
    minutes = max(1, -(-wait // 60))
    response = TemplateResponse(request, "community/rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(wait)
    add_never_cache_headers(response)
    return response
