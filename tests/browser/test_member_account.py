"""An approved applicant, on a phone, opens the emailed link, chooses a password, signs in and sees their account
page with their space and their application."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import caches
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from cms.membership import task_force_group
from cms.models import StandardPage
from community import services
from community.access import SECRETARIAT
from community.models import TaskForceApplication
from tests.community.conftest import build_community, make_user
from tests.conftest import add_page

from .conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


def test_an_approved_applicant_sets_a_password_signs_in_and_sees_their_account(
    live_server, new_page, settings
):
    caches[settings.SIGN_IN_CACHE].clear()
    community = build_community()
    space = add_page(community.tree.home, StandardPage, title="Task Force A1 members' space")
    restriction = PageViewRestriction.objects.create(page=space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(task_force_group(community.task_force))
    application = TaskForceApplication.objects.create(
        task_force=community.task_force,
        name="Amina Diallo",
        email="amina@example.org",
        organization=community.member,
        role="team_member",
        motivation="I measure soil carbon.",
    )
    mail.outbox.clear()
    services.approve_task_force_application(
        application=application, user=make_user("sec", SECRETARIAT, email="sec@example.org")
    )
    [email] = mail.outbox
    link = urlsplit(re.search(r"http://\S+/accounts/set-password/\S+/", email.body).group()).path

    page = new_page(viewport=PHONE)
    page.goto(live_server.url + link)
    expect(page.locator("h1")).to_have_text("Choose your password")
    assert "/accounts/set-password/" in page.url and link.split("/")[-2] not in page.url, "token left the URL"
    page.get_by_label("New password", exact=True).fill("loam-and-clay-2030")
    page.get_by_label("New password confirmation").fill("loam-and-clay-2030")
    page.get_by_role("button", name="Set my password").click()
    expect(page.locator("h1")).to_have_text("Your password is set")

    page.get_by_role("main").get_by_role("link", name="Sign in").click()
    page.get_by_label("User name").fill("amina@example.org")
    page.get_by_label("Password").fill("loam-and-clay-2030")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/accounts/")
    expect(page.locator("h1")).to_have_text("My account")
    expect(page.get_by_role("link", name="Task Force A1 members' space")).to_be_visible()
    expect(page.locator(".account-table")).to_contain_text("Task Force A1: NDCs, as Team Member")
    expect(page.locator(".account-table")).to_contain_text("Accepted")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"

    page.goto(live_server.url + link)
    expect(page.locator("h1")).to_have_text("This link no longer works")
