"""A member's own pages: the account page (spaces from their groups, applications), the download of what the hub
holds about them, and deleting the account (community/account_views.py, community/personal_data.py)."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.utils import translation
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageViewRestriction

from cms.membership import community_of_practice_group, task_force_group_name
from cms.models import Person, StandardPage, TaskForceMember, TaskForcePage
from community import personal_data, services
from community.models import MembershipApplication, Status, TaskForceApplication
from tests.conftest import add_page

from .conftest import make_user
from .test_admin_review import membership_application, task_force_application

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to /fr/ leaves French active in this thread; tests that read messages outside a request
    (tests/community/test_uploads.py) expect English."""
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_sign_in_limit():
    caches[settings.SIGN_IN_CACHE].clear()


def space(parent, title: str, group: Group) -> StandardPage:
    page = add_page(parent, StandardPage, title=title)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    return page


@pytest.fixture
def member(community):
    user = make_user("amina", email="amina@example.org", first_name="Amina", last_name="Diallo")
    user.groups.add(community_of_practice_group(), Group.objects.create(name=task_force_group_name("A1")))
    return user


def test_the_account_page_lists_the_members_spaces_and_applications(client, community, member):
    space(community.tree.home, "Community of Practice space", community_of_practice_group())
    space(community.tree.home, "Task force B2 space", Group.objects.create(name="Task force B2 members"))
    task_force_application(community, email="AMINA@example.org", status=Status.ACCEPTED)
    task_force_application(community, email="someone@example.org", name="Someone Else")
    membership_application(community, contact_email="amina@example.org", organization_name="Sahel Soils")
    assert client.get("/accounts/")["Location"] == "/accounts/login/?next=/accounts/"
    client.force_login(member)
    page = client.get("/accounts/").content.decode()
    assert "Community of Practice space" in page
    assert "Task force B2 space" not in page
    assert "Task Force A1: NDCs, as Team Member" in page and "Accepted" in page
    assert "Sahel Soils joins the Initiative" in page and "Received" in page
    assert "Someone Else" not in page and "someone@example.org" not in page
    # The header links the account page and signs out with a POST form (CSRF-protected).
    assert 'href="/accounts/" aria-current="page"' in page
    assert 'action="/accounts/logout/"' in page and 'name="csrfmiddlewaretoken"' in page


def test_the_account_page_is_in_french(client, community, member):
    client.force_login(member)
    page = client.get("/fr/accounts/").content.decode()
    assert '<html lang="fr">' in page and "Mon compte" in page and "Mes candidatures" in page


def test_the_download_holds_the_account_its_groups_and_its_applications(client, community, member):
    task_force_application(community, email="amina@example.org", motivation="I measure soil carbon.")
    membership_application(community, contact_email="Amina@example.org")
    task_force_application(community, email="someone@example.org", name="Someone Else")
    client.force_login(member)
    response = client.get("/accounts/my-data.json")
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="soil-knowledge-hub-my-data.json"'
    data = json.loads(response.content)
    assert set(data) == {
        "exported_at",
        "account",
        "applications",
        "project_ideas",
        "contributions",
        "notifications",
        "saved_searches",
    }
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["groups"] == sorted(
        [community_of_practice_group().name, task_force_group_name("A1")]
    )
    [task_force] = data["applications"]["task_forces"]
    assert (task_force["task_force"], task_force["motivation"], task_force["status"]) == (
        "Task Force A1: NDCs",
        "I measure soil carbon.",
        "received",
    )
    [membership] = data["applications"]["membership"]
    assert membership["contact_name"] == "Achieng Wafula" and membership["signed_declaration"] is True
    assert "Someone Else" not in response.content.decode()
    assert Client().get("/accounts/my-data.json").status_code == 302


def test_other_apps_add_their_part_to_the_download(client, member):
    personal_data.register("test_posts", export=lambda user: [f"post by {user.username}"])
    try:
        client.force_login(member)
        assert client.get("/accounts/my-data.json").json()["test_posts"] == ["post by amina"]
    finally:
        personal_data._providers.pop("test_posts")


def test_deleting_the_account_erases_the_personal_data_and_ends_the_sign_in(client, community, member):
    accepted = task_force_application(community, email="amina@example.org", status=Status.ACCEPTED)
    log(instance=accepted, action="community.accept")
    pending = task_force_application(community, email="amina@example.org", motivation="Again.")
    organization = membership_application(
        community, contact_email="amina@example.org", status=Status.ACCEPTED
    )
    waiting = membership_application(
        community, contact_email="amina@example.org", organization_name="Waiting"
    )
    other = task_force_application(community, email="someone@example.org", name="Someone Else")
    client.force_login(member)

    response = client.post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 400
    assert 'class="form-field form-field--error"' in response.content.decode()
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()

    response = client.post("/accounts/delete/", {"password": "pw-amina"})
    assert response["Location"] == "/accounts/deleted/"
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Group.objects.get(name=task_force_group_name("A1")).user_set.exists()
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/")["Location"].startswith("/accounts/login/")
    assert Client().post("/accounts/login/", {"username": "amina", "password": "pw-amina"}).status_code == 200

    accepted.refresh_from_db()
    assert (accepted.name, accepted.email, accepted.motivation, accepted.status) == (
        "",
        "",
        "",
        Status.ACCEPTED,
    )
    assert accepted.task_force_id == community.task_force.pk, "the decision's record stays"
    assert ModelLogEntry.objects.get(object_id=str(accepted.pk)).label == "former member (Team Member)"
    assert not TaskForceApplication.objects.filter(pk=pending.pk).exists()
    organization.refresh_from_db()
    assert (organization.contact_name, organization.contact_email) == ("", "")
    assert organization.organization_name == "Lake Victoria Soil Stewards"
    assert not MembershipApplication.objects.filter(pk=waiting.pk).exists()
    assert TaskForceApplication.objects.get(pk=other.pk).name == "Someone Else"


def test_the_deletion_form_counts_on_the_sign_in_limit(client, member, settings):
    settings.SIGN_IN_RATE = "2/h"
    client.force_login(member)
    for _ in range(2):
        assert client.post("/accounts/delete/", {"password": "wrong"}).status_code == 400
    response = client.post("/accounts/delete/", {"password": "pw-amina"})
    assert response.status_code == 429
    assert User.objects.filter(pk=member.pk).exists()


def test_an_administrator_cannot_delete_their_account_here(client, db):
    admin = User.objects.create_superuser("root", "root@example.org", "pw-root")
    client.force_login(admin)
    assert client.post("/accounts/delete/", {"password": "pw-root"}).status_code == 403
    assert User.objects.filter(pk=admin.pk).exists()


def test_deleting_the_account_takes_the_member_off_the_public_roster(client, community, secretariat):
    """The roster is public personal data: the line the approval added goes with the account (from the live page
    and an editor's pending draft), and the roster entry itself when nothing else names it."""
    application = task_force_application(community, name="Nadia Benali", email="nadia@example.org")
    person = services.approve_task_force_application(application=application, user=secretariat)
    task_force = TaskForcePage.objects.get(pk=community.task_force.pk)
    task_force.purpose = "An editor's draft, waiting."
    task_force.save_revision()
    assert "Nadia Benali" in client.get(task_force.url).content.decode()
    user = User.objects.get(email="nadia@example.org")

    personal_data.delete_account(user=user)

    task_force.refresh_from_db()
    assert "Nadia Benali" not in client.get(task_force.url).content.decode()
    assert not TaskForceMember.objects.filter(person_id=person.pk).exists()
    draft = task_force.get_latest_revision().as_object()
    assert draft.purpose == "An editor's draft, waiting."
    assert [member.person.name for member in draft.members.all()] == ["Wanjiru Kamau"]
    assert not Person.objects.filter(pk=person.pk).exists()
    assert Person.objects.filter(pk=community.leader.pk).exists()
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.person is None and application.name == ""
