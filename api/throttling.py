"""Throttling of the anonymous search, suggest and related endpoints (DRF's cache: the default Django cache)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class AnonSearchThrottle(SimpleRateThrottle):
    """One budget per client address shared by search, suggest and related; signed-in editors are not limited.

    The rate is read from settings.SEARCH_API_THROTTLE at request time, so tests can override it."""

    scope = "search"

    def get_rate(self) -> str:
        return settings.SEARCH_API_THROTTLE

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
