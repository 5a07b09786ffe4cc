"""Taking part, in a real browser against the live server: a visitor joins a task force and the Secretariat
approves it in the admin; a partner submits a project idea that the workflow publishes and search finds; an
oversized declaration is refused with a message and nothing stored."""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import caches
from playwright.sync_api import expect

from cms.models import ProjectPage
from community.models import MembershipApplication, TaskForceApplication
from knowledge.models import Source
from tests.community.conftest import build_community, make_user, pdf_bytes, private_files

from .conftest import PHONE
from .test_search_ui import admin_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

MB = 1024 * 1024


@pytest.fixture
def community(settings, tmp_path):
    settings.COMMUNITY_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    caches[settings.COMMUNITY_FORM_CACHE].clear()
    return build_community()


def test_a_visitor_joins_a_task_force_and_the_secretariat_approves_it(live_server, new_page, community):
    from community.access import SECRETARIAT

    make_user("sec", SECRETARIAT, email="sec@example.org")
    base = live_server.url
    visitor, secretariat = new_page(), new_page()

    visitor.goto(base + community.task_force.url)
    form = visitor.locator("#join-form")
    form.get_by_label("Your name").fill("Amina Diallo")
    form.get_by_label("Your email").fill("amina@example.org")
    form.get_by_label("Your organization", exact=True).select_option(label=community.member.name)
    form.get_by_label("Regional Representative").check()
    form.get_by_label("World region you would represent").select_option(label="Africa")
    form.get_by_label("What would you bring to this task force?").fill(
        "I coordinate soil policy work in the Sahel."
    )
    form.get_by_role("button", name="Send my application").click()
    visitor.wait_for_url(base + community.task_force.url + "join/received/")
    expect(visitor.locator("h1")).to_contain_text("your application was received")
    assert TaskForceApplication.objects.filter(name="Amina Diallo", status="received").exists()
    visitor.goto(base + community.task_force.url)
    expect(visitor.locator("#members-heading + .table-wrap")).not_to_contain_text("Amina Diallo")

    admin_login(secretariat, base, "sec", "pw-sec")
    secretariat.locator("#community-applications-section").get_by_role(
        "link", name="Task force applications"
    ).click()
    secretariat.get_by_role("link", name=re.compile("Amina Diallo")).click()
    expect(secretariat.locator("main")).to_contain_text("I coordinate soil policy work in the Sahel.")
    secretariat.get_by_role("button", name="Accept").click()
    expect(secretariat.locator(".messages")).to_contain_text("Approved: Amina Diallo is on the roster")

    visitor.goto(base + community.task_force.url)
    roster = visitor.locator("#members-heading + .table-wrap")
    expect(roster).to_contain_text("Amina Diallo")
    expect(roster).to_contain_text(community.member.name)
    expect(roster).to_contain_text("Regional Representative")
    html = visitor.content()
    assert "amina@example.org" not in html and "soil policy work in the Sahel" not in html
    assert any(message.to == ["amina@example.org"] for message in mail.outbox)

    phone = new_page(viewport=PHONE)
    phone.goto(base + community.task_force.url + "join/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    # The roster on a phone: a card per person, whose role is on screen without scrolling the table sideways.
    phone.goto(base + community.task_force.url)
    row = phone.locator("table.roster tr", has_text="Amina Diallo")
    name, organization, role = (cell.bounding_box() for cell in row.locator("th, td").all())
    assert name["y"] < organization["y"] < role["y"], "the cells are stacked, one under the other"
    assert role["x"] >= 0 and role["x"] + role["width"] <= PHONE["width"], role
    expect(phone.locator("table.roster thead")).not_to_be_in_viewport()


def test_a_partner_submits_a_project_idea_that_the_workflow_publishes(
    live_server, new_page, community, tmp_path
):
    from community.access import PARTNERS, SECRETARIAT, TASK_FORCE_REVIEWERS

    make_user("partner", PARTNERS, email="partner@example.org", first_name="Kwame", last_name="Asante")
    make_user("rev", TASK_FORCE_REVIEWERS, email="rev@example.org")
    make_user("sec", SECRETARIAT, email="sec@example.org")
    note = tmp_path / "concept-note.pdf"
    note.write_bytes(pdf_bytes("Concept note: shade trees and mulch on cocoa farms."))
    base = live_server.url
    partner, reviewer, secretariat, visitor = new_page(), new_page(), new_page(), new_page()

    partner.goto(base + "/projects/submit/")
    partner.wait_for_url(re.compile(r"/accounts/login/\?next=/projects/submit/"))
    partner.get_by_label("User name").fill("partner")
    partner.get_by_label("Password").fill("pw-partner")
    partner.get_by_role("button", name="Sign in").click()
    partner.wait_for_url(base + "/projects/submit/")
    expect(partner.get_by_label("Contact email")).to_have_value("partner@example.org")
    partner.get_by_label("Title of the project idea").fill(
        "Soil carbon baselines for smallholder cocoa farms"
    )
    partner.get_by_label("Summary").fill(
        "Baseline plots on cocoa farms under shade trees, so mulching can be credited."
    )
    partner.get_by_label("A1 Soil carbon in national climate plans").check()
    partner.get_by_label("Countries or world regions").select_option(label="Kenya")
    partner.get_by_label("Agroforestry").check()
    partner.get_by_label("Funding sought").fill("420000")
    partner.get_by_label("Lead organization").select_option(label=community.member.name)
    partner.get_by_label("Concept note (PDF, optional)").set_input_files(str(note))
    partner.get_by_role("button", name="Submit the project idea").click()
    partner.wait_for_url(base + "/projects/submit/received/")
    idea = ProjectPage.objects.get()
    assert not idea.live

    visitor.goto(base + "/search/?q=cocoa+baseline+plots")
    expect(visitor.locator("main")).not_to_contain_text("Soil carbon baselines for smallholder cocoa farms")

    for page, username, password in ((reviewer, "rev", "pw-rev"), (secretariat, "sec", "pw-sec")):
        admin_login(page, base, username, password)
        page.locator("#awaiting-review-section").get_by_role(
            "link", name=re.compile("Soil carbon baselines")
        ).first.click()
        page.wait_for_url(re.compile(rf"/admin/pages/{idea.pk}/edit/"))
        page.locator("footer .w-dropdown__toggle").first.click()
        # "Approve" on the first task; on the last one Wagtail says "Approve and Publish".
        page.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$")).click()
        expect(page.locator(".messages")).to_contain_text(re.compile("has been (updated|published)"))

    idea.refresh_from_db()
    assert idea.live, "published once the Secretariat approved the last task"
    deadline = time.monotonic() + 60
    while not Source.objects.filter(kind="page", object_id=str(idea.pk)).exists():  # indexed after commit
        assert time.monotonic() < deadline, "the approved idea was not indexed"
        time.sleep(0.5)
    visitor.goto(base + "/search/?q=cocoa+baseline+plots")
    expect(visitor.locator("ol.results")).to_contain_text("Soil carbon baselines for smallholder cocoa farms")
    results = visitor.locator("ol.results")
    expect(results.get_by_role("link", name="Concept note: Soil carbon baselines").first).to_be_visible()
    results.get_by_role("link", name="Soil carbon baselines for smallholder cocoa farms", exact=True).click()
    expect(visitor.locator("h1")).to_have_text("Soil carbon baselines for smallholder cocoa farms")
    expect(visitor.locator("main")).to_contain_text("Project idea")
    assert "partner@example.org" not in visitor.content()
    assert any("is published" in message.subject for message in mail.outbox)


class PeakUsage:
    """Samples, while the block runs, this process's resident memory (the live server runs in it) and the
    largest file in `upload_dir` (Django's temporary upload files)."""

    def __init__(self, upload_dir: Path) -> None:
        self.upload_dir = upload_dir
        self.largest_temp_file = 0

    def __enter__(self):
        self.baseline = self.peak = self.rss()
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()

    def sample(self):
        while self.running:
            self.peak = max(self.peak, self.rss())
            for path in self.upload_dir.iterdir():
                with contextlib.suppress(FileNotFoundError):  # deleted between listing and stat
                    self.largest_temp_file = max(self.largest_temp_file, path.stat().st_size)
            time.sleep(0.02)

    @staticmethod
    def rss() -> int:
        with open(f"/proc/{os.getpid()}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    @property
    def grown_mb(self) -> float:
        return (self.peak - self.baseline) / MB


def test_a_300_mb_declaration_is_refused_with_a_message_and_nothing_stored(
    live_server, new_page, community, settings, tmp_path
):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    huge = tmp_path / "declaration.pdf"
    with huge.open("wb") as handle:  # a real PDF start, then 300 MB
        handle.write(pdf_bytes())
        handle.truncate(300 * MB)
    page = new_page()
    page.goto(live_server.url + "/join/")
    page.get_by_label("Name of the organization").fill("Huge Upload Org")
    page.get_by_label("Kind of organization").select_option(label="NGO or civil society")
    page.get_by_label("Country").select_option(label="Kenya")
    page.get_by_label("Contact person").fill("Big Sender")
    page.get_by_label("Contact email").fill("big@example.org")
    page.get_by_label("Why does your organization want to join?").fill("We send a very large file.")
    page.get_by_label("Signed declaration of intent (PDF)").set_input_files(str(huge))
    with PeakUsage(uploads) as usage:
        page.get_by_role("button", name="Send the application").click()
        expect(page.locator("#field-declaration .form-field__errors")).to_contain_text(
            "The file is larger than 10.0", timeout=180_000
        )
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.get_by_label("Name of the organization")).to_have_value("Huge Upload Org")
    assert not MembershipApplication.objects.exists()
    assert private_files() == []
    assert usage.largest_temp_file <= 10 * MB, (
        f"a {usage.largest_temp_file / MB:.0f} MB temporary file was written"
    )
    assert usage.grown_mb < 100, f"the server held {usage.grown_mb:.0f} MB more while refusing the upload"
