"""Headless preview: the draft through /api/preview/ with a valid token only; Wagtail's own preview when no
external front end is configured."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from wagtail_headless_preview.models import PagePreview

from cms.models import ProjectPage, StandardPage
from tests.api.conftest import assert_error

pytestmark = pytest.mark.django_db

HEADLESS = {"CLIENT_URLS": {"default": "https://front.example/preview"}}


def draft_of(page):
    draft = ProjectPage.objects.get(pk=page.pk)
    draft.title = "Biochar: the draft title"
    draft.summary = "A summary nobody has published yet."
    return draft


def test_without_a_front_end_preview_renders_on_the_built_in_site(hub):
    response = draft_of(hub.revised_project).make_preview_request()
    assert response.status_code == 200
    response.render()
    html = response.content.decode()
    assert "Biochar: the draft title" in html and "front.example" not in html
    assert not PagePreview.objects.exists()


@override_settings(WAGTAIL_HEADLESS_PREVIEW=HEADLESS)
def test_with_a_front_end_the_draft_is_served_with_its_token_only(api, hub):
    response = draft_of(hub.revised_project).make_preview_request()
    assert response.status_code == 200
    url = re.search(r'https://front\.example/preview/\?[^"\']+', response.content.decode()).group(0)
    params = dict(part.split("=", 1) for part in url.split("?", 1)[1].replace("&amp;", "&").split("&"))
    assert params["content_type"] == "cms.projectpage"
    token = PagePreview.objects.get().token

    body = api.get("/api/preview/", {"content_type": "cms.projectpage", "token": token}).json()
    assert body["id"] == hub.revised_project.pk
    assert body["title"] == "Biochar: the draft title"
    assert body["summary"] == "A summary nobody has published yet."
    assert body["meta"]["type"] == "cms.ProjectPage"
    # The published page is unchanged.
    assert api.get(f"/api/v2/pages/{hub.revised_project.pk}/").json()["title"] == "Biochar on sandy soils"

    assert_error(api.get("/api/preview/", {"content_type": "cms.projectpage"}), 400, "token")
    assert_error(api.get("/api/preview/", {"token": token}), 400, "content_type")
    assert_error(
        api.get("/api/preview/", {"content_type": "cms.projectpage", "token": token + "x"}), 400, "token"
    )
    forged = f"id={hub.private_project.pk}:forgedsignature"
    assert_error(api.get("/api/preview/", {"content_type": "cms.projectpage", "token": forged}), 400, "token")
    assert_error(api.get("/api/preview/", {"content_type": "auth.user", "token": token}), 400, "content_type")
    assert_error(api.get("/api/preview/", {"content_type": "nothing", "token": token}), 400, "content_type")
    # A genuine token for another page type finds nothing.
    assert_error(api.get("/api/preview/", {"content_type": "cms.standardpage", "token": token}), 404, None)


@override_settings(WAGTAIL_HEADLESS_PREVIEW=HEADLESS)
def test_a_page_never_saved_can_be_previewed(api, hub):
    page = StandardPage(title="A page in the making", slug="in-the-making", intro="Not saved yet.")
    page.path = hub.tree.home.path + "9999"
    page.depth = hub.tree.home.depth + 1
    page.url_path = hub.tree.home.url_path + "in-the-making/"
    page.get_parent = lambda update=False: hub.tree.home  # as the admin's create view sees it
    page.locale = hub.tree.home.locale  # the create view gives a new page its parent's locale
    preview = page.create_page_preview()
    body = api.get("/api/preview/", {"content_type": "cms.standardpage", "token": preview.token}).json()
    assert (body["title"], body["intro"]) == ("A page in the making", "Not saved yet.")
