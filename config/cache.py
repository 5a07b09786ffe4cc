"""Redis as a cache that may go away: the default cache of a deployment with REDIS_URL.

Everything in the default cache can be computed again (Wagtail's site root paths, the page cache, the search
API's throttle history, the glossary, search results), so while Redis is unreachable a read is a miss and a write
is dropped: pages and search answer, uncached, and nothing answers 500. The first failure is logged, and then
Redis is not asked again for RETRY_SECONDS (a refused connection is fast, a server that stopped answering costs
a socket timeout at every call); the next call after that tries again, so caching resumes by itself within
RETRY_SECONDS of Redis coming back (README, "When things go wrong").

What must not be forgotten silently, the sign-in and form limits, lives in another alias ("limits",
config/settings/production.py), a plain RedisCache whose errors reach community/signin_limit.py and
community/ratelimit.py, which fail closed.
"""

from __future__ import annotations

import contextlib
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_SECONDS = 5.0
# A Redis on the network that stops answering must not hold a request for long: a cache call is worth milliseconds.
SOCKET_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**SOCKET_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._down_until = 0.0

    def _call(self, method: str, fallback, *args, **kwargs):
        if self._down_until and time.monotonic() < self._down_until:
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except UNAVAILABLE as error:
            if not self._down_until:
                logger.warning(
                    "Redis unavailable (%s); caching off, retrying every %ss", error, RETRY_SECONDS
                )
            self._down_until = time.monotonic() + RETRY_SECONDS
            # Drop the pooled sockets: after a restart of Redis each one would fail once more before reconnecting.
            for pool in getattr(self._cache, "_pools", {}).values():
                with contextlib.suppress(Exception):
                    pool.disconnect()
            return fallback
        if self._down_until:
            logger.warning("Redis is back; caching resumes")
            self._down_until = 0.0
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key is a ValueError for every backend: while Redis is away, every key is missing.
        result = self._call("incr", None, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found (Redis unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
