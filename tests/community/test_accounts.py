"""Members' accounts (community/accounts.py): approving an application in the Secretariat's screens makes or
reuses the person's account, puts it in the space's group and emails one link to choose a password, which works
once; the set-password page in English and French, and its refusals."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import translation

from cms.membership import COMMUNITY_OF_PRACTICE_GROUP, task_force_group_name
from community.models import Status

from .conftest import make_user
from .test_admin_review import decide, membership_application, task_force_application

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to /fr/ leaves French active in this thread; tests that read messages outside a request
    (tests/community/test_uploads.py) expect English."""
    yield
    translation.activate("en")


LINK = re.compile(r"https?://\S+/accounts/set-password/\S+/\S+/")
NEW_PASSWORD = "loam-and-clay-2030"


def approve(client, post, secretariat, application):
    client.force_login(secretariat)
    response = decide(client, post, application, "accept")
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def the_link(message) -> str:
    links = LINK.findall(message.body)
    assert len(links) == 1, message.body
    return urlsplit(links[0]).path


def set_password(link: str, password: str = NEW_PASSWORD) -> Client:
    """Follow the emailed link as its owner's browser does: the token goes into the session, then a form."""
    browser = Client()
    response = browser.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    assert "/set-password/" in form_url and link.rstrip("/").rsplit("/", 1)[1] not in form_url, (
        "the form's address must not carry the token (it would leak in a Referer)"
    )
    response = browser.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302 and response["Location"].endswith("/accounts/set-password/done/")
    return browser


def sign_in(username: str, password: str):
    return Client().post("/accounts/login/", {"username": username, "password": password})


def test_approval_makes_an_account_in_the_task_force_group_with_a_single_use_link(
    client, post, community, secretariat
):
    application = task_force_application(community, email="Amina@Example.org")
    approve(client, post, secretariat, application)
    user = User.objects.get(email__iexact="amina@example.org")
    assert user.first_name == "Amina Diallo" and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [task_force_group_name("A1")]
    assert [m.to for m in mail.outbox] == [["Amina@Example.org"]], "one email: the decision and the link"
    body = mail.outbox[0].body
    assert "Choose your password here" in body and "The link works once, for 3 days" in body
    assert user.username in body
    link = the_link(mail.outbox[0])

    set_password(link)
    response = sign_in(user.username, NEW_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/accounts/"

    again = Client().get(link)
    assert again.status_code == 200
    assert "This link no longer works" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_an_existing_account_is_reused_by_email_and_not_reset(client, post, community, secretariat):
    existing = make_user("amina", email="AMINA@example.org")
    application = task_force_application(community, email="amina@example.org")
    approve(client, post, secretariat, application)
    assert User.objects.filter(email__iexact="amina@example.org").count() == 1
    existing.refresh_from_db()
    assert existing.check_password("pw-amina"), "a reused account keeps its password"
    assert existing.groups.filter(name=task_force_group_name("A1")).exists()
    body = mail.outbox[0].body
    assert not LINK.search(body)
    assert "You now have access to the members' space of Task Force A1: NDCs" in body
    assert "http://testserver/accounts/login/" in body


def test_approving_two_applications_of_one_person_makes_one_account(client, post, community, secretariat):
    first = task_force_application(community, email="amina@example.org")
    approve(client, post, secretariat, first)
    second = task_force_application(community, email="AMINA@example.org", role="team_member")
    approve(client, post, secretariat, second)
    assert User.objects.filter(email__iexact="amina@example.org").count() == 1
    # No password chosen yet after the first email: the second one carries a link again (not a reset).
    assert all(LINK.search(message.body) for message in mail.outbox)


def test_declining_makes_no_account(client, post, community, secretariat):
    application = task_force_application(community)
    client.force_login(secretariat)
    decide(client, post, application, "decline")
    assert not User.objects.filter(email__iexact="amina@example.org").exists()
    assert not LINK.search(mail.outbox[0].body)


def test_accepting_an_organization_gives_its_contact_an_account_in_the_community_of_practice(
    client, post, community, secretariat
):
    application = membership_application(community)
    client.force_login(secretariat)
    decide(client, post, application, "accept", membership="member", year_joined=2026)
    client.logout()
    user = User.objects.get(email="achieng@example.org")
    assert list(user.groups.values_list("name", flat=True)) == [COMMUNITY_OF_PRACTICE_GROUP]
    assert [m.to for m in mail.outbox] == [["achieng@example.org"]]
    assert "the members' space of the Community of Practice" in mail.outbox[0].body
    set_password(the_link(mail.outbox[0]))
    assert sign_in(user.username, NEW_PASSWORD).status_code == 302


def test_a_french_applicant_gets_the_email_and_the_page_in_french(client, post, community, secretariat):
    application = task_force_application(community, language="fr")
    approve(client, post, secretariat, application)
    body = mail.outbox[0].body
    assert "Choisissez votre mot de passe" in body and "3 jours" in body
    link = the_link(mail.outbox[0])
    assert link.startswith("/fr/accounts/set-password/")
    browser = Client()
    form_url = browser.get(link)["Location"]
    page = browser.get(form_url).content.decode()
    assert '<html lang="fr">' in page and "Choisissez votre mot de passe" in page
    response = browser.post(form_url, {"new_password1": "court", "new_password2": "court"})
    assert response.status_code == 200
    assert 'class="form-field form-field--error"' in response.content.decode()


@pytest.mark.parametrize(
    "link",
    [
        "/accounts/set-password/MQ/abc-123/",
        "/accounts/set-password/%00/x/",
        "/es/accounts/set-password/zz/x/",
    ],
)
def test_a_bad_link_shows_a_clear_page(db, link):
    response = Client(raise_request_exception=False).get(link)
    assert response.status_code == 200
    assert 'name="new_password1"' not in response.content.decode()


def test_an_expired_link_shows_a_clear_page(client, post, community, secretariat, settings):
    approve(client, post, secretariat, task_force_application(community))
    link = the_link(mail.outbox[0])
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is older than this
    response = Client().get(link)
    assert response.status_code == 200
    assert "This link no longer works" in response.content.decode()
