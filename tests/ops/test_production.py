"""Production serving: the documented collectstatic + gunicorn commands with the production settings, static
files from WhiteNoise, HTTPS and host checks; the admin sign-in limit (every password form's: tests/config/
test_sign_in_limit.py); the 503 answer in isolation."""

from __future__ import annotations

import json
import secrets

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from django.urls import reverse

from community.ratelimit import parse_rate
from config.middleware import DatabaseUnavailableMiddleware
from tests.conftest import database_url, server_settings

from .servers import child_env, free_port, get, gunicorn, manage, stop, wait_until_serving

# --- Admin sign-in limit --------------------------------------------------------------------------------------


@pytest.fixture
def login_cache():
    cache = caches[settings.SIGN_IN_CACHE]
    cache.clear()
    yield cache
    cache.clear()


def _login(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_admin_login_is_limited_to_5_failures_per_client_and_username(client, login_cache):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "right-password-123")

    for _ in range(5):
        response = _login(client, "editor", "wrong")
        assert response.status_code == 200  # the form again, with its error
    refused = _login(client, "Editor", "wrong")  # usernames are compared case-insensitively
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 14 * 60
    assert "Too many failed sign-in attempts" in refused.content.decode()
    # The right password does not bypass the limit while the window lasts ...
    assert _login(client, "editor", "right-password-123").status_code == 429
    # ... but other accounts from the same address and the same account from elsewhere are not blocked.
    assert _login(client, "someone-else", "wrong").status_code == 200
    signed_in = _login(client, "editor", "right-password-123", address="198.51.100.20")
    assert signed_in.status_code == 302

    # No address in clear in the cache: only hashed keys (the search log and the limiter keep no IP).
    keys = list(login_cache._cache.keys()) if hasattr(login_cache, "_cache") else []
    assert keys and not any("203.0.113.7" in key or "editor" in key for key in keys)


@pytest.mark.django_db
def test_successful_sign_in_clears_the_failure_count(client, login_cache):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "right-password-123")
    for _ in range(4):
        _login(client, "editor", "wrong")
    assert _login(client, "editor", "right-password-123").status_code == 302
    client.logout()
    for _ in range(5):
        assert _login(client, "editor", "wrong").status_code == 200
    assert _login(client, "editor", "wrong").status_code == 429


def test_login_page_itself_and_other_posts_are_not_limited(client, login_cache, db):
    """Once a client and username are over the limit, only their sign-in POSTs are refused."""
    get_user_model().objects.create_superuser("editor", "editor@example.org", "right-password-123")
    for _ in range(5):
        _login(client, "editor", "wrong")
    assert _login(client, "editor", "wrong").status_code == 429  # the limit is reached ...

    for _ in range(8):  # ... yet the sign-in page itself still shows
        assert client.get(reverse("wagtailadmin_login"), REMOTE_ADDR="203.0.113.7").status_code == 200
    # ... and a POST elsewhere, with the same username, from the same address, is not counted nor refused
    password_reset = reverse("wagtailadmin_password_reset")
    for _ in range(8):
        response = client.post(
            password_reset, {"username": "editor", "email": "x@example.org"}, REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code != 429


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("5/15m", (5, 900)), ("10/h", (10, 3600)), (" 3 / 30s ", (3, 30)), ("1/2d", (1, 172800))],
)
def test_rate_parsing(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["", "5", "5/15", "five/m", "5/15w"])
def test_bad_rate_is_refused_with_a_clear_message(rate):
    with pytest.raises(ValueError, match="must look like '5/15m'"):
        parse_rate(rate)


# --- 503 when the database is gone (the real outage is in test_faults.py) -------------------------------------


@pytest.mark.parametrize(
    "error", [OperationalError("server closed the connection"), InterfaceError("closed")]
)
def test_database_errors_become_503_with_retry_after(error):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    factory = RequestFactory()

    api = middleware.process_exception(factory.get("/api/search/?q=x"), error)
    assert api.status_code == 503 and api["Retry-After"] == str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    assert json.loads(api.content) == {
        "error": {"param": None, "message": "The database is unavailable, please retry shortly."}
    }
    assert "no-store" in api["Cache-Control"]

    site = middleware.process_exception(factory.get("/projects/"), error)
    assert site.status_code == 503 and site["Content-Type"].startswith("text/html")
    assert "briefly unavailable" in site.content.decode() and site["Retry-After"]


def test_other_errors_are_left_to_the_500_handler():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("bug")) is None


# --- Serving with the production settings -------------------------------------------------------------------


@pytest.mark.slow
def test_production_serving_with_collectstatic_whitenoise_and_gunicorn(django_db_setup, tmp_path):
    """The deploy steps of the README's "Deploying to production": collectstatic, then gunicorn with DJANGO_ENV=production."""
    static_root = tmp_path / "static"
    env = child_env(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="hub.example.org",
        STATIC_ROOT=str(static_root),
        SHARED_CACHE_DIR=str(tmp_path / "cache"),
        DATABASE_URL=database_url(server_settings()["test_name"]),  # only read here
    )
    collected = manage("collectstatic", "--noinput", env=env, timeout=600)
    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["css/site.css"]
    assert hashed_css != "css/site.css"

    port, log = free_port(), tmp_path / "gunicorn.log"
    server = gunicorn(port, env, log)
    https = {"Host": "hub.example.org", "X-Forwarded-Proto": "https"}
    try:
        wait_until_serving(port, server, log, path="/static/css/site.css", headers=https)

        status, headers, _ = get(port, "/static/css/site.css", {"Host": "hub.example.org"})
        assert status == 301 and headers["location"] == "https://hub.example.org/static/css/site.css"

        status, headers, body = get(port, f"/static/{hashed_css}", {**https, "Accept-Encoding": "gzip"})
        assert status == 200, body[:500]
        assert "immutable" in headers["cache-control"] and "max-age=315360000" in headers["cache-control"]
        assert headers.get("content-encoding") == "gzip"
        assert headers["strict-transport-security"].startswith("max-age=")
        assert headers["x-content-type-options"] == "nosniff"

        status, _, _ = get(port, "/no-such-page-for-ops-test/", {**https, "Host": "evil.example"})
        assert status == 400  # not in ALLOWED_HOSTS (WhiteNoise answers static files before Django looks)

        status, headers, body = get(port, "/no-such-page-for-ops-test/", https)
        assert status == 404
        assert b"Traceback" not in body and b"DEBUG" not in body  # DEBUG is off
        assert headers["x-frame-options"] == "SAMEORIGIN"
    finally:
        stop(server)
