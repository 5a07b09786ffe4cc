"""The demo's members' spaces: one per task force and one for the Community of Practice, with sample posts,
replies, a meeting and a document; the demo login `member` reads two of them, `partner` none, and what they hold
is found by their members' search only.

The demo is loaded once for this module (`--skip-index`) and rolled back at the end; its idempotency (spaces
included) is checked by tests/community/test_demo.py and tests/cms/test_demo_loader.py, which load it twice.
Only the spaces the searches need are indexed (with their documents), not the whole demo.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from cms.models import HomePage, SpaceMeetingPage, SpacePage, SpacePostPage, TaskForcePage
from cms.space_access import space_roles
from cms.visibility import ANONYMOUS, viewer_of
from knowledge.models import SITE_NAMESPACE, Source
from knowledge.sync import sync_document, sync_page_subtree
from search.service import SearchQuery, search

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

COMMUNITY_SPACE = "Community of Practice members' space"
FIRST_TASK_FORCE_SPACE = "Task Force A1 members' space"
OTHER_SPACE = "Task Force B1 members' space"


@pytest.fixture(autouse=True)
def _private_root():
    """The demo is loaded once for the module: keep the test settings' private root for every test here."""


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--skip-index", stdout=io.StringIO())
        accounts = io.StringIO()
        call_command("ensure_demo_accounts", stdout=accounts)
        # The member's two spaces and another one.
        indexed = {
            space.title: space
            for space in SpacePage.objects.filter(
                title__in=[COMMUNITY_SPACE, FIRST_TASK_FORCE_SPACE, OTHER_SPACE]
            )
        }
        for space in indexed.values():
            sync_page_subtree(space.pk)
            for document_id in space.documents().values_list("pk", flat=True):
                sync_document(document_id)
        yield accounts.getvalue(), indexed
        transaction.set_rollback(True)


def test_every_task_force_and_the_community_of_practice_has_a_sample_space(demo):
    english = Locale.get_default()
    task_forces = TaskForcePage.objects.filter(locale=english)
    spaces = SpacePage.objects.all()
    assert task_forces.count() == 24
    assert sorted(space.get_parent().pk for space in spaces) == sorted(
        [*task_forces.values_list("pk", flat=True), HomePage.objects.get(locale=english).pk]
    )
    today = timezone.localdate()
    for space in spaces:
        assert space.live and space.locale_id == english.pk and "Sample data" in space.intro
        posts = list(space.posts().prefetch_related("replies"))
        assert len(posts) == 2 and [post.pinned for post in posts] == [True, False], space
        assert all(
            "Sample data" in post.text and post.author.last_name.startswith("member") for post in posts
        )
        assert all(1 <= len(post.replies.all()) <= 2 for post in posts)
        assert all("Sample data" in reply.text for post in posts for reply in post.replies.all())
        (meeting,) = space.meetings()
        assert meeting.date > today and meeting.timezone != "UTC" and meeting.agenda and meeting.notes
        (document,) = space.documents()
        assert "sample data" in document.title and document.file.read(5) == b"%PDF-"
    assert len({space.title for space in spaces}) == 25
    assert (
        not get_user_model()
        .objects.filter(username__startswith="sample-member-")
        .exclude(password__startswith="!")
    )


def test_member_reads_two_spaces_partner_none(demo):
    printed, _indexed = demo
    users = get_user_model().objects
    member, partner = users.get(username="member"), users.get(username="partner")
    spaces = list(SpacePage.objects.all())
    readable = {space.title for space in spaces if space_roles(member, space)[0]}
    assert readable == {COMMUNITY_SPACE, FIRST_TASK_FORCE_SPACE}
    assert not any(space_roles(partner, space)[0] for space in spaces)
    assert f"{COMMUNITY_SPACE} and {FIRST_TASK_FORCE_SPACE}" in printed


def test_a_word_only_in_a_space_is_found_by_its_members_only(demo):
    _printed, indexed = demo
    member = get_user_model().objects.get(username="member")
    # A sample member of another space, in neither of the member's.
    outsider = (
        get_user_model()
        .objects.filter(groups=indexed[OTHER_SPACE].group)
        .exclude(groups__in=[indexed[COMMUNITY_SPACE].group, indexed[FIRST_TASK_FORCE_SPACE].group])
        .first()
    )
    sources = Source.objects.filter(namespace=SITE_NAMESPACE)
    assert sources.count() == 3 * (1 + 2 + 1 + 1)  # each space: itself, two posts, a meeting, a document
    for space in indexed.values():
        in_space = sources.filter(
            Q(page_id__in=Page.objects.descendant_of(space, inclusive=True).values("pk"))
            | Q(document_id__in=space.documents().values("pk"))
        )
        audiences = list(in_space.values_list("audience", flat=True))
        assert len(audiences) == 5 and all(
            len(audience) == 1 and str(space.group_id) in audience[0].split(",") for audience in audiences
        ), audiences

    def found(viewer, q: str) -> set[str]:
        return {
            result.title
            for result in search(SearchQuery(q, mode="keyword", page_size=20, viewer=viewer)).results
        }

    cop_question = SpacePostPage.objects.get(title__startswith="Which practice stored soil carbon").title
    assert found(viewer_of(member), "pigeon pea") == {cop_question}  # in a reply of the Community's post
    assert found(ANONYMOUS, "pigeon pea") == set()
    assert found(viewer_of(outsider), "pigeon pea") == set()
    notes = "Working notes of Task Force A1: NDCs (sample data)"
    meeting = "Working meeting of Task Force A1: NDCs (sample data)"  # its notes start the shared table too
    assert {notes, meeting} <= found(viewer_of(member), "shared table of NDCs")
    assert found(viewer_of(outsider), "shared table of NDCs") == set()
    assert found(ANONYMOUS, "shared table of NDCs") == set()
    assert (
        get_document_model().objects.get(title=notes).collection_id
        == indexed[FIRST_TASK_FORCE_SPACE].collection_id
    )


def test_the_space_pages_open_for_the_member(client, demo):
    member = get_user_model().objects.get(username="member")
    space = SpacePage.objects.get(title="Task Force A1 members' space")
    client.force_login(member)
    html = client.get(space.url).content.decode()
    assert "Which NDCs give a number for soil carbon?" in html and "Working meeting of Task Force A1" in html
    client.logout()
    assert client.get(space.url).status_code == 302
    assert SpaceMeetingPage.objects.child_of(space).get().date - dt.timedelta(days=21) <= timezone.localdate()
    assert not Page.objects.type(SpacePage).filter(locale__language_code__in=["fr", "es"]).exists()
