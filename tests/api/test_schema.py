"""The OpenAPI schema and its docs, and a property-based run of every operation against it (schemathesis,
in-process against the WSGI app): no 500, no response outside the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

OPENAPI_JSON = "application/vnd.oai.openapi+json"


def test_schema_describes_our_endpoints(api):
    response = api.get("/api/schema/", HTTP_ACCEPT=OPENAPI_JSON)
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {"/api/search/", "/api/search/suggest/", "/api/pages/{id}/related/"}
    search = schema["paths"]["/api/search/"]["get"]
    params = {p["name"] for p in search["parameters"]}
    assert params == {
        "q",
        "type",
        "goal",
        "objective",
        "practice",
        "region",
        "language",
        "year_from",
        "year_to",
        "mode",
        "page",
        "page_size",
    }
    assert all(p.get("description") for p in search["parameters"])
    assert {"200", "400", "429"} <= set(search["responses"])
    assert "Retry-After" in search["responses"]["429"]["headers"]
    page_size = next(p for p in search["parameters"] if p["name"] == "page_size")
    assert page_size["schema"]["maximum"] == 50
    related = schema["paths"]["/api/pages/{id}/related/"]["get"]
    assert {"200", "400", "404", "429"} <= set(related["responses"])


def test_docs_page_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html and "cdn" not in html.lower()


# Loaded at collection (the schema view needs no database).
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def unthrottled(hub, settings):
    """The hub, no throttling, and requests through the raw WSGI app kept inside the test's transaction (as
    Django's test client does: no closing of the connection at the end of each request)."""
    settings.SEARCH_API_THROTTLE = "100000/minute"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield hub
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, unthrottled):
    response = case.call(headers={"Accept": "application/json"})
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            response_headers_conformance,
        ],
    )
