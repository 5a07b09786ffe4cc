"""/api/export/projects/ and /api/export/resources/: the catalogue and the library as streamed JSON or CSV, with
the listing's filters and visibility (no private, draft or unpublished-revision content, no document of a private
collection, no draft objective), bad input a 400 naming the parameter, described in the OpenAPI schema."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import assert_error, assert_no_leak

pytestmark = pytest.mark.django_db

OPENAPI_JSON = "application/vnd.oai.openapi+json"


def body(response) -> bytes:
    assert response.status_code == 200, response.content[:300] if not response.streaming else ""
    assert response.streaming
    return b"".join(response.streaming_content)


def test_projects_as_json_are_the_public_ones_with_their_public_fields(api, hub):
    response = api.get("/api/export/projects/")
    assert response["Content-Type"] == "application/json"
    data = json.loads(text := body(response))
    assert_no_leak(text)
    assert [row["title"] for row in data] == [
        "Agroforestry for soil carbon in Kenya",
        "Biochar on sandy soils",
        "Cover crops in French vineyards",
    ]
    kenya = data[0]
    assert kenya["objectives"] == ["A1"]  # not the draft A2
    assert kenya["documents"] == [
        "http://testserver" + hub.public_doc.url
    ]  # not the private collection's memo
    assert kenya["lead_organization"] == hub.inrae.name
    assert kenya["partner_organizations"] == [hub.cirad.name]
    assert kenya["countries"] == ["kenya"] and kenya["practices"] == ["agroforestry"]
    assert kenya["status"] == "funded" and kenya["start_date"] == "2023-03-01"
    assert kenya["url"] == "http://testserver" + hub.project.url


def test_filters_are_the_listings_and_csv_is_the_same_rows(api, hub):
    rows = json.loads(body(api.get("/api/export/projects/?status=funded,in_progress&region=kenya")))
    assert [row["title"] for row in rows] == ["Agroforestry for soil carbon in Kenya"]
    response = api.get("/api/export/projects/?format=csv&goal=b", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    (row,) = csv.DictReader(io.StringIO(body(response).decode("utf-8-sig")))
    assert row["title"] == "Cover crops in French vineyards" and row["objectives"] == "B1"
    resources = json.loads(body(api.get("/api/export/resources/?language=fr&region=africa")))
    assert [row["title"] for row in resources] == ["Guide de l'agroforesterie"]
    assert json.loads(body(api.get("/api/export/resources/?language=en"))) == []


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("format=xml", "format"),
        ("status=nonsense", "status"),
        ("practice=unknown-practice", "practice"),
        ("year=12", "year"),
        ("kind=report", "kind"),  # a resource filter, not a project's
        ("colour=green", "colour"),
        ("objective=&practice=", "objective"),
        ("region=kenya,,france", "region"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, hub, query, param):
    assert_error(api.get(f"/api/export/projects/?{query}"), 400, param)


def test_an_export_costs_a_few_statements(api, hub):
    api.get("/api/export/projects/")
    with CaptureQueriesContext(connection) as queries:
        body(api.get("/api/export/projects/"))
    assert len(queries.captured_queries) <= 12, [q["sql"][:100] for q in queries.captured_queries]


def test_the_schema_describes_the_exports_with_the_known_values(api, hub):
    schema = api.get("/api/schema/", HTTP_ACCEPT=OPENAPI_JSON).json()
    for path, extra in (
        ("/api/export/projects/", {"status"}),
        ("/api/export/resources/", {"kind", "language"}),
    ):
        operation = schema["paths"][path]["get"]
        params = {p["name"]: p for p in operation["parameters"]}
        assert set(params) == {"format", "goal", "objective", "practice", "region", "year", *extra}
        assert params["format"]["schema"]["enum"] == ["csv", "json"]
        assert params["practice"]["schema"]["items"]["enum"] == ["agroforestry", "cover-crops"]
        assert params["objective"]["schema"]["items"]["enum"] == ["A1", "B1"]
        assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
        assert {"400", "429"} <= set(operation["responses"])
