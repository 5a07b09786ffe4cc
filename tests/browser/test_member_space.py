"""The whole path of a new member, in a browser: the approved applicant opens the emailed link, chooses a password,
signs in, writes a post in their task force's space; another member replies on a phone; the first gets the email
and their search finds the thread, while an anonymous visitor's search does not."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from playwright.sync_api import expect

from cms.membership import task_force_group
from cms.models import SpacePage, SpacePostPage
from community import services
from community.access import SECRETARIAT
from community.models import TaskForceApplication
from knowledge.models import Source
from tests.community.conftest import build_community, make_user
from tests.conftest import add_page

from .conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

SECRET_WORDS = "vermicompost trial in the Sahel"


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/accounts/")


def test_an_approved_applicant_posts_in_their_space_and_hears_of_a_reply(live_server, new_page, settings):
    caches[settings.SIGN_IN_CACHE].clear()
    community = build_community()
    space = add_page(community.task_force, SpacePage, title="Task Force A1 members' space", slug="space")
    bruno = make_user("bruno", email="bruno@example.org", first_name="Bruno", last_name="Silva")
    bruno.groups.add(task_force_group(community.task_force))
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
    [welcome] = mail.outbox
    link = urlsplit(re.search(r"http://\S+/accounts/set-password/\S+/", welcome.body).group()).path

    amina = new_page()
    amina.goto(live_server.url + link)
    amina.get_by_label("New password", exact=True).fill("loam-and-clay-2030")
    amina.get_by_label("New password confirmation").fill("loam-and-clay-2030")
    amina.get_by_role("button", name="Set my password").click()
    expect(amina.locator("h1")).to_have_text("Your password is set")
    sign_in(amina, live_server.url, "amina@example.org", "loam-and-clay-2030")

    amina.get_by_role("link", name="Task Force A1 members' space").click()
    expect(amina.locator("h1")).to_have_text("Task Force A1 members' space")
    amina.get_by_role("link", name="Write a post").click()
    amina.get_by_label("Title").fill("Compost plots: first results")
    amina.get_by_label("Message").fill(f"Our **{SECRET_WORDS}** stored more carbon than we hoped.")
    amina.get_by_role("button", name="Publish the post").click()
    expect(amina.locator("h1")).to_have_text("Compost plots: first results")
    expect(amina.locator(".rich-text strong")).to_have_text(SECRET_WORDS)
    post = SpacePostPage.objects.get()
    assert post.author.email == "amina@example.org" and post.get_parent().pk == space.pk

    mail.outbox.clear()
    phone = new_page(viewport=PHONE)
    sign_in(phone, live_server.url, "bruno", "pw-bruno")
    phone.goto(live_server.url + post.url)
    phone.get_by_label("Your reply").fill("Which compost rate did you use?")
    phone.get_by_role("button", name="Reply").click()
    expect(phone.locator(".space-replies")).to_contain_text("Which compost rate did you use?")
    expect(phone.locator(".space-replies")).to_contain_text("Bruno Silva")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"

    [told] = mail.outbox
    assert told.to == ["amina@example.org"]
    assert "Bruno Silva" in told.body and "Which compost rate did you use?" in told.body
    assert post.get_full_url() in told.body
    assert "bruno@example.org" not in told.body + told.subject + str(told.extra_headers)

    assert Source.objects.filter(kind="page", object_id=str(post.pk), status="indexed").exists()
    amina.goto(live_server.url + "/search/?q=vermicompost+Sahel")
    expect(amina.locator(".search-results")).to_contain_text("Compost plots: first results")
    anonymous = Client().get("/search/", {"q": "vermicompost Sahel"})
    assert anonymous.status_code == 200 and b"Compost plots" not in anonymous.content
    assert b"vermicompost" not in Client().get("/search/suggest/", {"q": "vermic"}).content
