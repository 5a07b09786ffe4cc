"""Throttling (429 + Retry-After + JSON), CORS only for configured origins under /api/, and the settings read
from the environment."""

from __future__ import annotations

import importlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings

from tests.api.conftest import assert_error

pytestmark = pytest.mark.django_db


@override_settings(SEARCH_API_THROTTLE="3/minute")
def test_anonymous_search_is_throttled_with_retry_after(api, hub):
    cache.clear()
    assert api.get("/api/search/suggest/", {"q": "soil"}).status_code == 200
    assert api.get(f"/api/pages/{hub.project.pk}/related/").status_code == 200
    assert api.get("/api/search/", {"q": "soil"}).status_code == 200
    for path, params in (
        ("/api/search/", {"q": "soil"}),
        ("/api/search/suggest/", {"q": "soil"}),
        (f"/api/pages/{hub.project.pk}/related/", {}),
    ):
        response = api.get(path, params)
        body = assert_error(response, 429, None)
        retry_after = int(response["Retry-After"])
        assert 0 < retry_after <= 60
        assert body["error"]["retry_after"] == retry_after
    # The content API is not throttled, and signed-in editors are not either.
    assert api.get("/api/v2/pages/").status_code == 200
    editor = get_user_model().objects.create_user("editor", password="x")
    api.force_login(editor)
    assert api.get("/api/search/suggest/", {"q": "soil"}).status_code == 200
    cache.clear()


@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example"])
def test_cors_only_for_configured_origins_under_api(api, hub):
    allowed = api.get("/api/v2/pages/", HTTP_ORIGIN="https://front.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example"
    search = api.get("/api/search/suggest/", {"q": "soil"}, HTTP_ORIGIN="https://front.example")
    assert search["Access-Control-Allow-Origin"] == "https://front.example"
    other = api.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    site = api.get("/", HTTP_ORIGIN="https://front.example")
    assert site.status_code == 200 and "Access-Control-Allow-Origin" not in site
    preflight = api.options(
        "/api/search/", HTTP_ORIGIN="https://front.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://front.example"


def test_settings_come_from_the_environment(monkeypatch):
    import config.settings.api as api_settings

    monkeypatch.setenv("API_CORS_ORIGINS", "https://a.example, https://b.example/")
    monkeypatch.setenv("SEARCH_API_THROTTLE", "5/second")
    monkeypatch.setenv("HEADLESS_PREVIEW_CLIENT_URL", "https://front.example")
    monkeypatch.setenv("API_PAGE_LIMIT_MAX", "80")
    try:
        module = importlib.reload(api_settings)
        assert module.CORS_ALLOWED_ORIGINS == ["https://a.example", "https://b.example"]
        assert module.SEARCH_API_THROTTLE == "5/second"
        assert module.WAGTAIL_HEADLESS_PREVIEW == {"CLIENT_URLS": {"default": "https://front.example"}}
        assert module.WAGTAILAPI_LIMIT_MAX == 80
        assert "drf_spectacular_sidecar" in settings.INSTALLED_APPS  # Swagger UI served locally
        assert module.CORS_URLS_REGEX == r"^/api/.*$"
        for name in (
            "API_CORS_ORIGINS",
            "SEARCH_API_THROTTLE",
            "HEADLESS_PREVIEW_CLIENT_URL",
            "API_PAGE_LIMIT_MAX",
        ):
            monkeypatch.delenv(name)
        del module.WAGTAIL_HEADLESS_PREVIEW  # reload() keeps names the new run does not define
        module = importlib.reload(api_settings)
        assert module.CORS_ALLOWED_ORIGINS == []
        assert module.SEARCH_API_THROTTLE == "60/minute"
        assert not hasattr(module, "WAGTAIL_HEADLESS_PREVIEW")
    finally:
        importlib.reload(api_settings)
