"""News from the members' spaces (community/notifications.py, community/digests.py): replies reach a thread's
followers (writing in it follows it) and a space's new posts, meetings and documents its members, at once, in the
weekly digest or never, as each chose; never the writer, never someone who left the space. A member's email address
in the space's member list: the Secretariat sees every one, fellow members those who opted in, nobody else any.
And the new rows are in my-data.json and go with the account."""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from cms.membership import task_force_group
from cms.models import SpaceMeetingPage, SpacePostPage
from community import personal_data
from community.models import (
    Frequency,
    NotificationPreferences,
    PendingNotification,
    SavedSearch,
    ThreadFollow,
)
from community.notifications import save_preferences
from tests.community import test_spaces
from tests.community.test_spaces import signed_in, write_post
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

# The space and its members of tests/community/test_spaces.py, as fixtures of this module too.
space = test_spaces.space
members = test_spaces.members


def choose(user, *, replies=Frequency.AT_ONCE, space_activity=Frequency.WEEKLY, share=False):
    save_preferences(
        user=user, replies=replies, space_activity=space_activity, share_email_with_members=share
    )


def reply(post, user, thread, text="Great work."):
    return post(f"/spaces/posts/{thread.pk}/reply/", {"text": text}, using=signed_in(user))


def send_digests() -> str:
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def thread(post, space, members):
    """Amina's post, written on the site: she follows it."""
    write_post(post, members["amina"], space)
    mail.outbox.clear()
    return SpacePostPage.objects.get()


# --- Replies ----------------------------------------------------------------------------------------------------


def test_writing_follows_the_thread_and_a_reply_reaches_its_followers_never_the_writer(post, thread, members):
    assert ThreadFollow.objects.filter(user=members["amina"], post=thread).exists()
    reply(post, members["bruno"], thread)
    assert recipients() == ["amina@example.org"]
    assert ThreadFollow.objects.filter(user=members["bruno"], post=thread).exists()
    assert "/accounts/notifications/" in mail.outbox[0].body
    mail.outbox.clear()
    reply(post, members["amina"], thread, "Thanks!")
    assert recipients() == ["bruno@example.org"]


def test_never_means_never_and_an_unfollowed_thread_is_quiet(post, thread, members):
    choose(members["amina"], replies=Frequency.NEVER)
    reply(post, members["bruno"], thread)
    assert mail.outbox == []
    choose(members["amina"], replies=Frequency.AT_ONCE)
    assert post(
        f"/spaces/posts/{thread.pk}/follow/", {"action": "unfollow"}, using=signed_in(members["amina"])
    )
    assert not ThreadFollow.objects.filter(user=members["amina"], post=thread).exists()
    reply(post, members["bruno"], thread, "Again.")
    assert mail.outbox == []


def test_following_without_writing_brings_the_replies(post, thread, members):
    leader = signed_in(members["leader"])
    page = leader.get(thread.url).content.decode()
    assert "Follow this thread" in page and "Unfollow this thread" not in page
    response = post(f"/spaces/posts/{thread.pk}/follow/", {"action": "follow"}, using=leader)
    assert response.status_code == 302
    assert "Unfollow this thread" in leader.get(thread.url).content.decode()
    reply(post, members["bruno"], thread)
    assert recipients() == ["amina@example.org", "lea@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_only_members_may_follow(post, thread, partner_user, client):
    refused = post(f"/spaces/posts/{thread.pk}/follow/", {"action": "follow"}, using=signed_in(partner_user))
    assert refused.status_code == 403
    assert client.post(f"/spaces/posts/{thread.pk}/follow/", {"action": "follow"}).status_code == 302
    assert not ThreadFollow.objects.filter(user=partner_user).exists()


def test_a_follower_who_left_the_space_hears_nothing(post, thread, members, space):
    members["amina"].groups.remove(task_force_group(space.get_parent().specific))
    reply(post, members["bruno"], thread)
    assert mail.outbox == []


def test_a_weekly_reader_gets_the_reply_in_the_digest_once(post, thread, members):
    choose(members["amina"], replies=Frequency.WEEKLY)
    reply(post, members["bruno"], thread)
    assert mail.outbox == []
    assert PendingNotification.objects.filter(user=members["amina"], kind="reply").count() == 1
    send_digests()
    digests = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    assert len(digests) == 1 and "Field trial results" in digests[0].body
    assert not PendingNotification.objects.filter(user=members["amina"]).exists()
    mail.outbox.clear()
    send_digests()
    assert [message.to for message in mail.outbox] == []


# --- A space's new posts, meetings and documents ------------------------------------------------------------------


def test_space_activity_at_once_or_in_the_weekly_digest(
    post,
    space,
    members,
    django_capture_on_commit_callbacks,
):
    choose(members["bruno"], space_activity=Frequency.AT_ONCE)  # the leader keeps the default: weekly
    choose(members["amina"], space_activity=Frequency.AT_ONCE)
    write_post(post, members["amina"], space, title="Soil sampling protocol")
    assert recipients() == ["bruno@example.org"]  # not the writer; the leader waits for the digest
    assert mail.outbox[0].subject == f"New post in {space.title}: “Soil sampling protocol”"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting = add_page(
            space, SpaceMeetingPage, title="March meeting", date="2030-03-01", start_time="10:00"
        )
        meeting.save_revision().publish()  # an edit is not news again
        document = get_document_model()(title="Budget 2030", collection_id=space.collection_id)
        document.file.save("budget.txt", ContentFile(b"Budget."), save=False)
        document.save()
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        f"New document in {space.title}: “Budget 2030”",
        f"New document in {space.title}: “Budget 2030”",
        f"New meeting in {space.title}: “March meeting”",
        f"New meeting in {space.title}: “March meeting”",
    ]
    assert "lea@example.org" not in recipients()
    mail.outbox.clear()

    send_digests()
    assert recipients() == ["lea@example.org"]
    body = mail.outbox[0].body
    assert "Soil sampling protocol" in body and "March meeting" in body and "Budget 2030" in body
    mail.outbox.clear()
    send_digests()
    assert mail.outbox == []


def test_a_post_with_an_attachment_is_one_piece_of_news(post, space, members):
    from tests.community.conftest import pdf_upload

    choose(members["bruno"], space_activity=Frequency.AT_ONCE)
    write_post(post, members["amina"], space, attachment=pdf_upload("trial.pdf"))
    assert [message.subject for message in mail.outbox] == [
        f"New post in {space.title}: “Field trial results”"
    ]


def test_space_activity_in_the_members_language(post, space, members):
    choose(members["bruno"], space_activity=Frequency.AT_ONCE)
    profile = UserProfile.get_for_user(members["bruno"])
    profile.preferred_language = "fr"
    profile.save()
    write_post(post, members["amina"], space, title="Protocole")
    assert mail.outbox[0].subject == f"Nouveau message dans {space.title} : « Protocole »"
    assert "/fr/accounts/notifications/" in mail.outbox[0].body


# --- Email addresses in the member list ----------------------------------------------------------------------------


def shown_emails(user, space) -> set[str]:
    page = BeautifulSoup(signed_in(user).get(space.url).content, "html.parser")
    members_list = page.find(id="members-heading").find_parent("section")
    return {link.get_text() for link in members_list.select('a[href^="mailto:"]')}


def test_a_members_email_is_shown_to_fellow_members_only_if_they_opted_in(space, members, secretariat):
    choose(members["amina"], share=True)
    assert shown_emails(members["bruno"], space) == {"amina@example.org"}
    assert shown_emails(members["leader"], space) == {"amina@example.org"}
    everyone = {"amina@example.org", "bruno@example.org", "lea@example.org"}
    assert shown_emails(secretariat, space) == everyone
    choose(members["amina"], share=False)
    assert shown_emails(members["bruno"], space) == set()


def test_nobody_outside_the_space_sees_a_members_email(client, space, members, partner_user):
    choose(members["amina"], share=True)
    for visitor in (client, signed_in(partner_user)):
        response = visitor.get(space.url, follow=True)
        assert "amina@example.org" not in response.content.decode()


def test_the_preferences_form(client, members):
    amina = signed_in(members["amina"])
    page = amina.get("/accounts/notifications/")
    assert page.status_code == 200 and 'value="weekly"' in page.content.decode()
    saved = amina.post(
        "/accounts/notifications/",
        {"replies": "never", "space_activity": "at_once", "share_email_with_members": "on"},
    )
    assert saved.status_code == 302
    preferences = NotificationPreferences.objects.get(user=members["amina"])
    assert (preferences.replies, preferences.space_activity, preferences.share_email_with_members) == (
        "never",
        "at_once",
        True,
    )
    assert amina.post("/accounts/notifications/", {"replies": "sometimes"}).status_code == 400
    assert client.get("/accounts/notifications/").status_code == 302


# --- Personal data ------------------------------------------------------------------------------------------------


def test_my_data_holds_the_choices_follows_and_saved_searches_and_deletion_removes_them(
    post, thread, members
):
    amina = members["amina"]
    choose(amina, replies=Frequency.WEEKLY, share=True)
    reply(post, members["bruno"], thread)  # queued for Amina's digest
    saved = SavedSearch.objects.create(
        user=amina, name="Cover crops", query="cover crops", feed_token="t" * 43
    )
    data = json.loads(signed_in(amina).get("/accounts/my-data.json").content)
    assert data["notifications"]["preferences"] == {
        "replies": "weekly",
        "space_activity": "weekly",
        "share_email_with_members": True,
    }
    assert [row["post"] for row in data["notifications"]["followed_threads"]] == ["Field trial results"]
    assert [row["kind"] for row in data["notifications"]["waiting_for_the_digest"]] == ["reply"]
    assert [row["query"] for row in data["saved_searches"]] == ["cover crops"]
    assert saved.feed_token not in json.dumps(data)  # the feed's key stays out of the file

    personal_data.delete_account(user=amina)
    for model in (NotificationPreferences, ThreadFollow, SavedSearch, PendingNotification):
        assert not model.objects.filter(user_id=amina.pk).exists(), model
    assert ThreadFollow.objects.filter(user=members["bruno"]).exists()


def test_the_secretariat_is_not_a_member_of_a_space_for_its_news(post, space, members, secretariat):
    """The Secretariat reads every space but belongs to none: their news of a space is not sent to them."""
    choose(secretariat, space_activity=Frequency.AT_ONCE)
    write_post(post, members["amina"], space)
    assert "sec@example.org" not in recipients()
