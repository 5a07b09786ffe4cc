"""The content API in three languages: ?locale= lists one locale's pages, a page's detail lists its translations
(only the ones anyone may see), and the schema says so.

Here rather than in tests/api: these tests translate their own site's home page, and the tree that tests/api builds
once for the whole package (tests/api/conftest.py) already holds a home page under the same root."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage
from tests.conftest import add_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(site_tree):
    project = add_page(site_tree.projects, ProjectPage, title="Compost hubs", summary="Compost.")
    translate(site_tree.home, "fr")
    translate(site_tree.home, "es")
    french = translate(project, "fr", title="Plateformes de compostage")
    spanish = translate(project, "es", title="Centros de compostaje")
    return project, french, spanish


def test_pages_of_one_locale(client, translated):
    project, french, spanish = translated
    data = client.get("/api/v2/pages/?type=cms.ProjectPage&locale=fr&fields=title").json()
    assert [item["title"] for item in data["items"]] == [french.title]
    assert {item["meta"]["locale"] for item in data["items"]} == {"fr"}
    english = client.get("/api/v2/pages/?type=cms.ProjectPage&locale=en").json()
    assert [item["title"] for item in english["items"]] == [project.title]
    unknown = client.get("/api/v2/pages/?locale=xx")
    assert unknown.status_code == 400
    assert unknown.json()["error"]["param"] == "locale"


def test_a_pages_detail_lists_its_visible_translations(client, translated):
    project, french, spanish = translated
    meta = client.get(f"/api/v2/pages/{project.pk}/").json()["meta"]
    assert [(t["locale"], t["id"], t["title"]) for t in meta["translations"]] == [
        ("es", spanish.pk, spanish.title),
        ("fr", french.pk, french.title),
    ]
    assert meta["translations"][1]["html_url"] == f"http://testserver{french.url}"
    assert meta["translations"][1]["detail_url"] == f"http://testserver/api/v2/pages/{french.pk}/"
    back = client.get(f"/api/v2/pages/{french.pk}/").json()["meta"]["translations"]
    assert [t["locale"] for t in back] == ["en", "es"]
    # Listings do not carry them (one query per page otherwise).
    listing = client.get("/api/v2/pages/?type=cms.ProjectPage").json()
    assert all("translations" not in item["meta"] for item in listing["items"])


def test_a_draft_or_private_translation_is_not_listed(client, translated):
    project, french, spanish = translated
    french.unpublish()
    PageViewRestriction.objects.create(page=spanish, restriction_type="password", password="secret")
    assert client.get(f"/api/v2/pages/{project.pk}/").json()["meta"]["translations"] == []
    assert client.get(f"/api/v2/pages/{french.pk}/").status_code == 404
    assert client.get("/api/v2/pages/?locale=fr&type=cms.ProjectPage").json()["items"] == []
