"""Saved searches (community/saved_searches.py): saved from the search page by a signed-in member, listed on the
account page, sent in the weekly digest (`send_digests`) and read as a private Atom feed by token. Both carry
public content only: a restricted page and a members' space post that match the words never appear, though the
member may read them. Real database, real model: the pages are indexed by the publishing signals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from cms.membership import task_force_group
from cms.models import ResourcePage, SpacePage
from community import spaces
from community.models import SavedSearch
from community.saved_searches import new_feed_token
from tests.community.conftest import make_user
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

PUBLIC = "Vetiver hedgerows hold soil on sloping farmland"
RESTRICTED = "Vetiver hedgerow trial budget, members only"
SPACE_POST = "Vetiver hedgerows: our confidential field notes"
LATER = "Vetiver hedgerows in the highlands of Ethiopia"


@pytest.fixture
def hub(community, django_capture_on_commit_callbacks):
    """A member of the task force's space; a restricted resource and a space post that match the words."""
    with django_capture_on_commit_callbacks(execute=True):
        space = add_page(community.task_force, SpacePage, title="Space of Task Force A1", slug="space")
    member = make_user("amina", email="amina@example.org", first_name="Amina", last_name="Diallo")
    member.groups.add(task_force_group(community.task_force))
    return community, space, member


def saved_search(user, **fields) -> SavedSearch:
    values = {
        "name": "Vetiver",
        "query": "vetiver hedgerows",
        "filters": {},
        "locale": "en",
        "feed_token": new_feed_token(),
        "created_at": timezone.now() - dt.timedelta(minutes=1),
        **fields,
    }
    return SavedSearch.objects.create(user=user, **values)


def publish_matching_content(hub, capture):
    community, space, member = hub
    with capture(execute=True):
        add_page(
            community.tree.resources,
            ResourcePage,
            title=PUBLIC,
            summary="Contour hedgerows of vetiver grass cut erosion on sloping farmland.",
            year=2024,
        )
        restricted = add_page(
            community.tree.resources,
            ResourcePage,
            title=RESTRICTED,
            summary="Vetiver hedgerows on contour lines: the trial's budget.",
            year=2024,
        )
        restriction = PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(task_force_group(community.task_force))
        spaces.publish_post(
            space=space,
            author=member,
            title=SPACE_POST,
            text="Vetiver hedgerows along the contour lines halved erosion on our sloping farmland.",
        )


def send_digests(*args) -> str:
    out = io.StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def digests_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_the_digest_sends_new_public_matches_once_and_never_private_ones(
    hub, django_capture_on_commit_callbacks
):
    _community, _space, member = hub
    saved = saved_search(member)
    publish_matching_content(hub, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    assert "Sent 1 digests" in send_digests()
    (digest,) = digests_to("amina@example.org")
    assert digest.subject == "Your weekly news from the Soil Knowledge Hub"
    assert PUBLIC in digest.body and "“Vetiver”" in digest.body
    assert RESTRICTED not in digest.body and SPACE_POST not in digest.body  # the member reads them; not here
    saved.refresh_from_db()
    assert saved.last_sent_at is not None

    mail.outbox.clear()
    send_digests()
    assert mail.outbox == []  # nothing new: nothing sent

    with django_capture_on_commit_callbacks(execute=True):
        add_page(
            hub[0].tree.resources, ResourcePage, title=LATER, summary="Vetiver hedgerows again.", year=2025
        )
    send_digests()
    (digest,) = digests_to("amina@example.org")
    assert LATER in digest.body and PUBLIC not in digest.body


def test_the_digest_speaks_the_members_language(hub, django_capture_on_commit_callbacks):
    _community, _space, member = hub
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "fr"
    profile.save()
    saved_search(member)
    publish_matching_content(hub, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    send_digests()
    (digest,) = digests_to("amina@example.org")
    assert digest.subject == "Vos nouvelles de la semaine du Soil Knowledge Hub"
    assert "Nouveau pour votre recherche enregistrée « Vetiver »" in digest.body
    assert "/fr/accounts/" in digest.body


def test_a_dry_run_sends_and_changes_nothing(hub, django_capture_on_commit_callbacks):
    saved = saved_search(hub[2])
    publish_matching_content(hub, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert "Would send 1 digests" in send_digests("--dry-run")
    assert mail.outbox == []
    saved.refresh_from_db()
    assert saved.last_sent_at is None


def test_one_broken_member_does_not_stop_the_others(hub, django_capture_on_commit_callbacks):
    _community, _space, member = hub
    other = make_user("bruno", email="bruno@example.org")
    broken = saved_search(other, filters={"year_from": ["not a year"]})
    saved_search(member)
    publish_matching_content(hub, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert "1 failed" in send_digests()
    assert len(digests_to("amina@example.org")) == 1
    broken.refresh_from_db()
    assert broken.last_sent_at is None  # tried again next time


# --- The feed -------------------------------------------------------------------------------------------------


def test_the_feed_by_token_has_the_public_results_only_and_is_never_stored(
    hub, django_capture_on_commit_callbacks
):
    saved = saved_search(hub[2])
    publish_matching_content(hub, django_capture_on_commit_callbacks)
    response = Client().get(f"/feeds/saved/{saved.feed_token}/")  # a feed reader: no session, the token only
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert PUBLIC in body and RESTRICTED not in body and SPACE_POST not in body
    assert "<title>Saved search: Vetiver</title>" in body


def test_a_new_feed_address_revokes_the_old_one(hub):
    _community, _space, member = hub
    saved = saved_search(member)
    old = saved.feed_token
    client = Client()
    client.force_login(member)
    response = client.post(f"/accounts/searches/{saved.pk}/", {"action": "new_feed_address"})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.feed_token != old and len(saved.feed_token) >= 43
    assert Client().get(f"/feeds/saved/{old}/").status_code == 404
    assert Client().get(f"/feeds/saved/{saved.feed_token}/").status_code == 200
    assert Client().get("/feeds/saved/not-a-token/").status_code == 404
    for hostile in ("%00", "a%00b", "x" * 5000, "%2e%2e"):  # a NUL byte reached PostgreSQL: a 500
        assert Client().get(f"/feeds/saved/{hostile}/").status_code == 404, hostile


# --- Saving, listing, renaming, deleting --------------------------------------------------------------------------


def test_a_member_saves_a_search_from_the_search_page(hub):
    _community, _space, member = hub
    anonymous = Client().get("/search/?q=vetiver+hedgerows").content.decode()
    assert "Sign in to save this search" in anonymous and "/accounts/searches/save/" not in anonymous
    assert Client().post("/accounts/searches/save/", {"q": "vetiver"}).status_code == 302
    assert not SavedSearch.objects.exists()

    client = Client()
    client.force_login(member)
    page = client.get("/fr/search/?q=vetiver+hedgerows&type=resource").content.decode()
    assert "/fr/accounts/searches/save/" in page
    response = client.post(
        "/fr/accounts/searches/save/",
        {
            "q": "vetiver hedgerows",
            "type": "resource",
            "name": "Haies",
            "page": "3",
            "csrfmiddlewaretoken": "x",
        },
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.name, saved.query, saved.locale) == (member, "Haies", "vetiver hedgerows", "fr")
    assert saved.filters == {"type": ["resource"]}
    assert client.post("/accounts/searches/save/", {"q": "x", "year_from": "soon"}).status_code == 400
    # Hostile input: a clear 400 for what the search page refuses, a name cleaned (a NUL byte answered 500).
    assert client.post("/accounts/searches/save/", {"q": "soil\x00carbon"}).status_code == 400
    assert client.post("/accounts/searches/save/", {"q": "soil " * 1000}).status_code == 400
    assert (
        client.post("/accounts/searches/save/", {"q": "mulch", "name": "a\x00b" + "c" * 5000}).status_code
        == 302
    )
    assert SavedSearch.objects.get(query="mulch").name == "a b" + "c" * 117

    account = client.get("/accounts/").content.decode()
    assert "Haies" in account and f"/feeds/saved/{saved.feed_token}/" in account


def test_a_member_renames_and_deletes_only_their_own_searches(hub):
    _community, _space, member = hub
    mine = saved_search(member)
    theirs = saved_search(make_user("bruno", email="bruno@example.org"), name="Bruno's")
    client = Client()
    client.force_login(member)
    client.post(f"/accounts/searches/{mine.pk}/", {"action": "rename", "name": "Hedgerows"})
    mine.refresh_from_db()
    assert mine.name == "Hedgerows"
    client.post(f"/accounts/searches/{mine.pk}/", {"action": "rename", "name": "Hedge\x00rows"})
    mine.refresh_from_db()
    assert mine.name == "Hedge rows"
    assert client.post(f"/accounts/searches/{theirs.pk}/", {"action": "delete"}).status_code == 404
    assert client.post(f"/accounts/searches/{mine.pk}/", {"action": "delete"}).status_code == 302
    assert list(SavedSearch.objects.all()) == [theirs]
