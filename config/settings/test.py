"""Test run: the development settings with fast password hashing and media in a throwaway folder."""

import tempfile

from .dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="soilhub-test-media-")
COMMUNITY_PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="soilhub-test-private-")
STORAGES = {
    "default": {"BACKEND": "config.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Many tests write index rows directly, then search: the result cache is turned on by the tests of it
# (tests/search/test_result_cache.py), off elsewhere.
SEARCH_RESULT_CACHE_SECONDS = 0
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests: serve from the finders
