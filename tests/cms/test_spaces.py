"""A members' space never reaches anyone outside its group: not on the page, not in listings, the API, the sitemap,
the feeds, search or the shared page cache; its meeting's calendar file is served to members only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from cms.models import SpaceMeetingPage, SpacePage, SpacePostPage
from cms.visibility import visible_pages
from tests.cms.test_page_queries import make_document
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

SECRET = "aardvarkspacesecret"


@pytest.fixture
def space(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        space = add_page(site_tree.home, SpacePage, title=f"Community space {SECRET}", slug="space")
        post = add_page(space, SpacePostPage, title=f"Minutes {SECRET}", text=f"We agreed {SECRET}.")
        meeting = add_page(
            space,
            SpaceMeetingPage,
            title=f"Call {SECRET}",
            date=days_from_today(7),
            start_time=dt.time(9, 30),
            timezone="Europe/Paris",
            agenda=f"<p>Agenda {SECRET}</p>",
        )
        document = make_document(f"Notes {SECRET}", collection=space.collection)
    return {"space": space, "post": post, "meeting": meeting, "document": document}


@pytest.fixture
def member(space):
    user = User.objects.create_user("member", first_name="Mariam", last_name="Ba", email="mariam@example.org")
    user.groups.add(space["space"].group)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def partner(db):
    """Signed in, outside the space's group (as the demo's `partner`)."""
    user = User.objects.create_user("partner")
    user.groups.add(Group.objects.get_or_create(name="Partners")[0])
    client = Client()
    client.force_login(user)
    return client


def test_a_space_under_the_home_page_belongs_to_the_community_of_practice(space):
    assert space["space"].group.name == "Community of Practice members"
    restriction = PageViewRestriction.objects.get(page=space["space"])
    assert restriction.restriction_type == PageViewRestriction.GROUPS


def test_a_translated_space_keeps_one_restriction_that_follows_its_group(space, site_tree):
    """Wagtail's copy brings the English space's restriction after the copy's first save made one: the copy's
    publish leaves one, which follows the space's group when an editor changes it."""
    french = Locale.objects.get(language_code="fr")
    site_tree.home.copy_for_translation(french).save_revision().publish()
    translation = space["space"].copy_for_translation(french)
    translation.save_revision().publish()
    (restriction,) = PageViewRestriction.objects.filter(page=translation)
    assert {group.name for group in restriction.groups.all()} == {
        "Community of Practice members",
        "Secretariat",
    }
    translation.group = Group.objects.create(name="Task force B2 members")
    translation.save_revision().publish()
    (restriction,) = PageViewRestriction.objects.filter(page=translation)
    assert {group.name for group in restriction.groups.all()} == {"Task force B2 members", "Secretariat"}


def test_members_read_everything_the_space_holds(space, member):
    text = member.get(space["space"].url).content.decode()
    for item in ("post", "meeting", "document"):
        assert space[item].title in text
    assert "Mariam Ba" in text and "mariam@example.org" not in text  # names, never emails
    assert member.get(space["post"].url).status_code == 200
    assert member.get(space["document"].url).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_nobody_else_reads_a_page_a_file_or_a_calendar_of_the_space(space, who, partner):
    client = partner if who == "partner" else Client()
    for page in ("space", "post", "meeting"):
        response = client.get(space[page].url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    ics = client.get(space["meeting"].url + "calendar.ics")
    assert ics.status_code == 302
    assert client.get(space["document"].url).status_code in (302, 403)


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_no_public_surface_names_the_space(space, who, partner, settings):
    settings.SEARCH_API_THROTTLE = "1000/minute"
    client = partner if who == "partner" else Client()
    urls = [
        "/",
        "/sitemap.xml",
        "/feeds/resources/",
        "/feeds/projects/",
        "/api/v2/pages/?limit=50",
        f"/api/v2/pages/{space['post'].pk}/",
        f"/api/v2/documents/{space['document'].pk}/",
        "/api/v2/documents/",
        # The words around the secret (the query itself is echoed back).
        "/search/?q=minutes+agreed+agenda+notes+community+space",
        "/api/search/?q=minutes+agreed+agenda+notes+community+space",
        "/api/search/suggest/?q=minu",
        "/api/search/suggest/?q=communi",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        assert SECRET not in response.content.decode(), url
    assert not visible_pages().filter(title__contains=SECRET).exists()


def test_a_members_view_is_never_stored_in_the_shared_page_cache(space, member, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = member.get(space["space"].url)
    assert first.status_code == 200 and "X-Page-Cache" not in first
    assert "no-cache" in first["Cache-Control"] or "private" in first["Cache-Control"]
    # An anonymous visitor after the member gets the sign-in redirect, never the member's page from the cache.
    anonymous = Client().get(space["space"].url)
    assert anonymous.status_code == 302 and SECRET not in anonymous.content.decode()


def test_the_private_calendar_file_of_a_meeting(space, member):
    response = member.get(space["meeting"].url + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Paris" in text and "CLASS:PRIVATE" in text and f"Agenda {SECRET}" in text


def test_the_notice_board_lists_pinned_posts_first(space, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_page(space["space"], SpacePostPage, title="Pinned rules", text="Be kind.", pinned=True)
    text = member.get(space["space"].url).content.decode()
    assert text.index("Pinned rules") < text.index(space["post"].title)
