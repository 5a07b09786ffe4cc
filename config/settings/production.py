"""Production: everything that matters comes from the environment, and nothing insecure is assumed."""

import os
import tempfile

from django.core.exceptions import ImproperlyConfigured

from config.cache import SOCKET_TIMEOUTS

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (50 or more random characters).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment (comma-separated host names).")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 30)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Static files: WhiteNoise serves what `manage.py collectstatic` wrote to STATIC_ROOT (hashed, compressed names:
# CompressedManifestStaticFilesStorage, set in base.py). Run collectstatic on every deploy (README, "Steps").

# The sign-in and public form limits (community/signin_limit.py, community/ratelimit.py) must count across
# gunicorn workers: the default cache is per process, so their counters live in a small file cache shared by
# the workers of this host. With REDIS_URL they live in Redis, shared by every worker of every host, through a plain
# RedisCache ("limits"): its errors reach the limits, which fail closed while Redis is away. The page cache
# ("shared") is then the default cache, whose Redis errors are misses (config/cache.py).
_host_file_cache = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": os.environ.get("SHARED_CACHE_DIR", os.path.join(tempfile.gettempdir(), "soilhub-cache")),
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}
CACHES = {
    **CACHES,  # noqa: F405
    "shared": CACHES["default"] if REDIS_URL else _host_file_cache,  # noqa: F405
    "limits": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,  # noqa: F405
        "OPTIONS": SOCKET_TIMEOUTS,
    }
    if REDIS_URL  # noqa: F405
    else _host_file_cache,
}
SIGN_IN_CACHE = "limits"
PAGE_CACHE_ALIAS = "shared"
COMMUNITY_FORM_CACHE = "limits"
