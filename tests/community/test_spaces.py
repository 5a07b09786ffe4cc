"""Members writing in their space on the site: posts (Markdown sanitised, PDFs checked), replies and the email to
the thread, the leaders' moderation, and refusals for anonymous visitors and people outside the space's group."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cms.membership import task_force_group
from cms.models import SpacePage, SpacePostPage
from tests.community.conftest import fake_pdf_upload, make_user, pdf_upload
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(community, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return add_page(community.task_force, SpacePage, title="Space of Task Force A1", slug="space")


@pytest.fixture
def members(space):
    group = task_force_group(space.get_parent().specific)
    amina = make_user("amina", email="amina@example.org", first_name="Amina", last_name="Diallo")
    bruno = make_user("bruno", email="bruno@example.org", first_name="Bruno", last_name="Silva")
    leader = make_user("lea", email="lea@example.org", first_name="Léa", last_name="Martin")
    for user in (amina, bruno, leader):
        user.groups.add(group)
    space.leaders.add(leader)
    space.save_revision().publish()
    return {"amina": amina, "bruno": bruno, "leader": leader}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def write_post(post, user, space, **data):
    fields = {"title": "Field trial results", "text": "We **measured** carbon.", **data}
    return post(f"/spaces/{space.pk}/post/", fields, using=signed_in(user))


def test_the_space_is_restricted_to_its_group_and_the_secretariat_from_creation(space):
    restriction = PageViewRestriction.objects.get(page=space)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {"Task force A1 members", "Secretariat"}
    assert space.collection.get_view_restrictions().get().groups.count() == 2


def test_a_member_posts_with_sanitised_markdown_and_reads_it(post, space, members):
    body = (
        "Hello **team** <script>alert('x')</script> [trap](javascript:alert(1)) "
        '[report](https://example.org/r) <img src=x onerror="alert(2)">'
    )
    response = write_post(post, members["amina"], space, text=body)
    assert response.status_code == 302
    created = SpacePostPage.objects.get()
    assert created.live and created.author == members["amina"] and created.get_parent().pk == space.pk
    assert created.text == body  # the source is kept
    assert "<strong>team</strong>" in created.text_html
    elements = BeautifulSoup(created.text_html, "html.parser").find_all(True)
    assert {element.name for element in elements} == {"p", "strong", "a"}  # no script, no img: shown as text
    assert [element.attrs for element in elements if element.name == "a"] == [
        {"rel": ["nofollow", "noopener"]},  # the javascript: link lost its href
        {"href": "https://example.org/r", "rel": ["nofollow", "noopener"]},
    ]
    assert '<a href="https://example.org/r" rel="nofollow noopener">report</a>' in created.text_html
    page = signed_in(members["bruno"]).get(created.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Amina Diallo" in text and "<strong>team</strong>" in text and "<script>alert" not in text
    assert "amina@example.org" not in text


def test_anonymous_visitors_are_sent_to_sign_in_and_outsiders_refused(
    post, client, space, members, partner_user
):
    response = client.post(f"/spaces/{space.pk}/post/", {"title": "t", "text": "b"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    refused = write_post(post, partner_user, space)
    assert refused.status_code == 403
    assert not SpacePostPage.objects.exists()
    # Reading: Wagtail's restriction sends both to sign in; the partner is told they are signed in already.
    assert client.get(space.url).status_code == 302
    outsider = signed_in(partner_user)
    to_sign_in = outsider.get(space.url)
    assert to_sign_in.status_code == 302
    told = outsider.get(to_sign_in["Location"])
    assert told.status_code == 403 and "signed in as partner" in told.content.decode()


def test_the_secretariat_may_post_in_every_space(post, space, secretariat):
    assert write_post(post, secretariat, space).status_code == 302
    assert signed_in(secretariat).get(space.url).status_code == 200


def test_a_pdf_attachment_is_checked_and_kept_in_the_spaces_private_collection(post, space, members):
    refused = write_post(post, members["amina"], space, attachment=fake_pdf_upload())
    assert refused.status_code == 400
    assert "not a PDF" in refused.content.decode()
    assert 'value="Field trial results"' in refused.content.decode()  # what was typed is kept
    assert write_post(post, members["amina"], space, attachment=pdf_upload("trial.pdf")).status_code == 302
    document = SpacePostPage.objects.get().attachment
    assert document.collection_id == space.collection_id
    assert Client().get(document.url).status_code in (302, 403)
    assert signed_in(members["bruno"]).get(document.url).status_code == 200


def test_a_reply_emails_the_author_and_earlier_repliers_in_their_language(post, space, members):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(members["amina"])
    profile.preferred_language = "fr"
    profile.save()
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    first = post(
        f"/spaces/posts/{thread.pk}/reply/", {"text": "Great *work*."}, using=signed_in(members["bruno"])
    )
    assert first.status_code == 302
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    assert "Nouvelle réponse" in mail.outbox[0].subject
    assert "Great *work*." in mail.outbox[0].body and thread.full_url in mail.outbox[0].body
    mail.outbox.clear()
    post(f"/spaces/posts/{thread.pk}/reply/", {"text": "Thanks!"}, using=signed_in(members["leader"]))
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "bruno@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees another's address
    english = next(message for message in mail.outbox if message.to == ["bruno@example.org"])
    assert english.subject == "New reply to “Field trial results”"
    thread.refresh_from_db()
    assert [reply.text for reply in thread.replies.all()] == ["Great *work*.", "Thanks!"]


def test_someone_who_left_the_space_gets_no_email(post, space, members):
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    members["amina"].groups.clear()
    post(f"/spaces/posts/{thread.pk}/reply/", {"text": "Hello"}, using=signed_in(members["bruno"]))
    assert mail.outbox == []


def test_leaders_pin_hide_posts_and_hide_replies_members_cannot(post, space, members):
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    post(f"/spaces/posts/{thread.pk}/reply/", {"text": "Off-topic advert"}, using=signed_in(members["bruno"]))
    reply = thread.replies.get()
    moderate = f"/spaces/posts/{thread.pk}/moderate/"
    assert post(moderate, {"action": "pin"}, using=signed_in(members["bruno"])).status_code == 403
    leader = signed_in(members["leader"])
    assert post(moderate, {"action": "pin"}, using=leader).status_code == 302
    thread.refresh_from_db()
    assert thread.pinned
    post(moderate, {"action": "hide_reply", "reply": reply.pk}, using=leader)
    reply.refresh_from_db()
    assert reply.hidden
    assert "Off-topic advert" not in signed_in(members["amina"]).get(thread.url).content.decode()
    assert (
        "Off-topic advert" in leader.get(thread.url).content.decode()
    )  # leaders still see it, to show it again
    post(moderate, {"action": "hide"}, using=leader)
    thread.refresh_from_db()
    assert not thread.live
    assert signed_in(members["amina"]).get(thread.url).status_code == 404


def test_an_author_and_a_leader_edit_a_post_another_member_cannot(post, space, members):
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    edit = f"/spaces/posts/{thread.pk}/edit/"
    assert (
        post(edit, {"title": "Hijacked", "text": "x"}, using=signed_in(members["bruno"])).status_code == 403
    )
    assert post(
        edit, {"title": "Trial results", "text": "<b>bold</b> *now*"}, using=signed_in(members["leader"])
    )
    thread.refresh_from_db()
    assert (
        thread.title == "Trial results" and thread.text_html == "<p>&lt;b&gt;bold&lt;/b&gt; <em>now</em></p>"
    )


def test_posting_has_a_rate_limit(post, space, members, settings):
    settings.COMMUNITY_SPACE_POST_RATE = "2/h"
    codes = [write_post(post, members["amina"], space, title=f"Post {n}").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_a_deleted_authors_posts_stay_as_former_member(post, space, members):
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    members["amina"].delete()
    text = signed_in(members["bruno"]).get(thread.url).content.decode()
    assert "former member" in text and "Amina" not in text


def test_a_space_with_another_group_refuses_members_of_the_task_force(post, space, members):
    space.group = Group.objects.create(name="Another group")
    space.save_revision().publish()
    assert write_post(post, members["amina"], space).status_code == 403


def test_an_outsider_cannot_tell_an_unknown_space_or_post_from_a_forbidden_one(
    post, space, members, partner_user
):
    write_post(post, members["amina"], space)
    thread = SpacePostPage.objects.get()
    unknown_space, unknown_post = space.pk + 10_000, thread.pk + 10_000
    outsider = signed_in(partner_user)

    def answer(response, url: str) -> tuple[int, str]:
        # The same page but for its own address (the language links) and the CSRF token, masked anew each time.
        html = response.content.decode().replace(url.lstrip("/"), "URL")
        return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    for existing, unknown, method in (
        (f"/spaces/{space.pk}/post/", f"/spaces/{unknown_space}/post/", outsider.get),
        (f"/spaces/posts/{thread.pk}/reply/", f"/spaces/posts/{unknown_post}/reply/", outsider.get),
        (f"/spaces/posts/{thread.pk}/edit/", f"/spaces/posts/{unknown_post}/edit/", outsider.get),
        (f"/spaces/posts/{thread.pk}/moderate/", f"/spaces/posts/{unknown_post}/moderate/", outsider.post),
    ):
        refused = answer(method(existing, {"action": "pin"}), existing)
        assert refused[0] == 403 and answer(method(unknown, {"action": "pin"}), unknown) == refused, existing


def test_a_pdf_the_media_disk_cannot_take_answers_507_and_leaves_no_post_and_no_file(
    post, space, members, settings, tmp_path
):
    """MEDIA_ROOT's documents folder cannot be created (a file stands in its place: a real OSError from the real
    filesystem, as a full or read-only disk gives one): a clear 507 page instead of a 500, and the post, its
    document row and its file are all absent (bench/stack.py --faults media does it with a full and a read-only
    mount)."""
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").write_text("not a folder")
    refused = write_post(post, members["amina"], space, attachment=pdf_upload("trial.pdf"))
    assert refused.status_code == 507
    assert "could not be saved" in refused.content.decode()
    assert not SpacePostPage.objects.exists()
    assert not get_document_model().objects.filter(collection_id=space.collection_id).exists()
    assert [path.name for path in tmp_path.iterdir()] == ["documents"]
