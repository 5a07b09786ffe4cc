"""The anonymous page cache (cms/page_cache.py): repeat views are served from it, and every change that can alter
a page removes the stale copy at once; nothing private, personal or per-visitor is ever stored or served."""

from __future__ import annotations

import pickle

import pytest
from django.contrib.auth import get_user_model
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms import page_cache
from cms.models import Organization, ProjectPage, StandardPage
from search.models import SearchLogEntry
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def view(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache"), response.content.decode()


@pytest.fixture
def page(site_tree):
    return add_page(
        site_tree.home, StandardPage, title="Soil carbon notes", intro="First version of the notes."
    )


def test_repeat_views_are_served_from_the_cache(client, page):
    assert view(client, page.url)[:2] == (200, "miss")
    status, cached, body = view(client, page.url)
    assert (status, cached) == (200, "hit")
    assert "First version of the notes." in body


@override_settings(PAGE_CACHE_SECONDS=0)
def test_zero_seconds_turns_the_cache_off(client, page):
    view(client, page.url)
    assert view(client, page.url)[1] is None


def test_an_unpublished_page_is_gone_from_the_cache_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    assert view(client, page.url)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).unpublish()
    assert view(client, page.url)[0] == 404


def test_a_restricted_page_is_gone_from_the_cache_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    assert view(client, page.url)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "First version of the notes." not in response.content.decode()


def test_a_new_version_is_shown_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        fresh = StandardPage.objects.get(pk=page.pk)
        fresh.intro = "Second version of the notes."
        fresh.save_revision().publish()
    status, cached, body = view(client, page.url)
    assert (status, cached) == (200, "miss")
    assert "Second version of the notes." in body


def test_a_renamed_partner_shows_at_once_on_the_pages_that_name_it(
    client, site_tree, django_capture_on_commit_callbacks
):
    partner = Organization.objects.create(name="Old partner name", kind=Organization.Kind.NGO)
    project = add_page(
        site_tree.projects, ProjectPage, title="Cover crops", summary="Cover.", lead_organization=partner
    )
    assert "Old partner name" in view(client, project.url)[2]
    with django_capture_on_commit_callbacks(execute=True):
        partner.name = "New partner name"
        partner.save()
    assert "New partner name" in view(client, project.url)[2]


def test_moved_and_deleted_pages_are_gone_at_once(
    client, site_tree, page, django_capture_on_commit_callbacks
):
    section = add_page(site_tree.home, StandardPage, title="Section", intro="A section.")
    old_url = page.url
    view(client, old_url)
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).move(section, pos="last-child")
    moved = StandardPage.objects.get(pk=page.pk)
    response = client.get(old_url)  # Wagtail redirects the old address to the new one: not the cached copy
    assert response.status_code == 301 and response["Location"].endswith(moved.url)
    view(client, moved.url)
    with django_capture_on_commit_callbacks(execute=True):
        moved.delete()
    assert view(client, moved.url)[0] == 404


def test_a_signed_in_editor_is_neither_served_nor_stored(client, page):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    view(client, page.url)  # anonymous: stored
    client.force_login(editor)
    status, cached, body = view(client, page.url)
    assert status == 200 and cached is None, "an editor's view never comes from the shared cache"
    assert "wagtail-userbar" in body
    client.logout()
    status, cached, body = view(client, page.url)
    assert cached == "hit" and "wagtail-userbar" not in body, "nor is an editor's view stored for others"


def test_a_page_behind_a_password_is_never_stored(client, page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="compost"
        )
    form = client.get(page.url)
    assert form.status_code == 200 and form.get("X-Page-Cache") is None  # the password form: CSRF, restricted
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "compost", "return_url": page.url},
    )
    status, cached, body = view(client, page.url)
    assert status == 200 and "First version of the notes." in body and cached is None
    client.cookies.clear()
    response = client.get(page.url)
    assert "First version of the notes." not in response.content.decode()


def test_forms_cookies_and_private_responses_are_not_stored():
    request = RequestFactory().get("/notes/")
    assert page_cache.storable(request, HttpResponse("ok"))
    with_form = RequestFactory().get("/notes/")
    get_token(with_form)
    assert not page_cache.storable(with_form, HttpResponse("form"))
    with_cookie = HttpResponse("cookie")
    with_cookie.set_cookie("seen", "1")
    assert not page_cache.storable(request, with_cookie)
    private = HttpResponse("private")
    private["Cache-Control"] = "private, max-age=0"
    assert not page_cache.storable(request, private)
    assert not page_cache.storable(request, HttpResponse("missing", status=404))
    session = RequestFactory().get("/notes/")
    session.COOKIES["sessionid"] = "x"
    assert page_cache.request_key(session, "1") is None
    assert page_cache.request_key(RequestFactory().post("/notes/"), "1") is None


def test_a_page_rendered_before_a_change_is_not_served_after_it(page):
    """The generation is taken when the request starts: a response stored after a change that happened while it
    was being rendered is stored under the old generation, which no later request reads."""
    before = page_cache.current_generation()
    stale_key = page_cache.request_key(RequestFactory().get(page.url), before)
    page_cache.new_generation()
    page_cache._cache().set(stale_key, HttpResponse("stale"), 300)
    fresh_key = page_cache.request_key(RequestFactory().get(page.url), page_cache.current_generation())
    assert fresh_key != stale_key and page_cache._cache().get(fresh_key) is None


def test_the_search_page_and_the_api_are_not_cached(client, site_tree):
    for _ in range(2):
        response = client.get("/search/", {"q": "soil carbon"})
        assert response.status_code == 200 and response.get("X-Page-Cache") is None
    assert SearchLogEntry.objects.count() == 2, "each search runs (and is logged): none comes from a cache"
    for _ in range(2):
        response = client.get("/api/v2/pages/")
        assert response.status_code == 200 and response.get("X-Page-Cache") is None


def cached_pages() -> list[str]:
    """The body of every response in the page cache (the tests' cache is Django's local-memory one)."""
    cache = page_cache._cache()
    assert isinstance(cache, LocMemCache), "reading every entry needs the local-memory cache"
    entries = [pickle.loads(value) for value in list(cache._cache.values())]
    return [entry.content.decode() for entry in entries if isinstance(entry, HttpResponseBase)]


def test_a_preview_never_reaches_visitors(client, page):
    """An editor's preview in the admin (the edit form posted to the preview URL, then shown) is the page with the
    draft's text, rendered through the middleware at the page's own address: it must never be stored."""
    assert "First version of the notes." in view(client, page.url)[2]
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Draft text nobody may see.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(preview_url, form).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200 and "Draft text nobody may see." in preview.content.decode()
    client.logout()
    status, _, body = view(client, page.url)
    assert "Draft text nobody may see." not in body
    assert status == 200 and "First version of the notes." in body
    assert not [cached for cached in cached_pages() if "Draft text nobody may see." in cached]
    assert any("First version of the notes." in cached for cached in cached_pages())
