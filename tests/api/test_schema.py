"""The OpenAPI schema and its docs. `schemathesis run` of every operation against a live server, with every
check, is in tests/ops/test_api_schemathesis.py (it needs a committed copy of the database)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

OPENAPI_JSON = "application/vnd.oai.openapi+json"


def test_schema_describes_our_endpoints(api, hub):
    response = api.get("/api/schema/", HTTP_ACCEPT=OPENAPI_JSON)
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {
        "/api/search/",
        "/api/search/suggest/",
        "/api/pages/{id}/related/",
        "/api/export/projects/",
        "/api/export/resources/",
    }
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
        "locale",
        "year_from",
        "year_to",
        "mode",
        "page",
        "page_size",
        "spell",
    }
    assert all(p.get("description") for p in search["parameters"])
    assert {"200", "400", "404", "429"} <= set(search["responses"])
    assert "Retry-After" in search["responses"]["429"]["headers"]
    enums = {
        p["name"]: p["schema"]["items"].get("enum") for p in search["parameters"] if "items" in p["schema"]
    }
    assert enums["practice"] == ["agroforestry", "cover-crops"]
    assert enums["region"] == ["africa", "europe", "france", "kenya"]
    assert enums["goal"] == ["A", "B"]
    assert enums["objective"] == ["A1", "B1"]  # not the draft A2
    page_size = next(p for p in search["parameters"] if p["name"] == "page_size")
    assert page_size["schema"]["maximum"] == 50
    related = schema["paths"]["/api/pages/{id}/related/"]["get"]
    assert {"200", "400", "404", "429"} <= set(related["responses"])


def test_docs_page_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html and "cdn" not in html.lower()
