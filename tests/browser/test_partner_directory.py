"""A visitor on a phone, with JavaScript off, goes from the home page to the partner directory, filters it and
opens an organization's profile; the pages fit the phone's width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cms.models import (
    GoalPage,
    ObjectivePage,
    Organization,
    PartnerDirectoryPage,
    Person,
    ProjectPage,
    Region,
    TaskForceMember,
    TaskForcePage,
)
from tests.conftest import add_page

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hub(site_tree):
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    france = Region.objects.create(name="France", kind=Region.Kind.COUNTRY, iso_code="FR")
    alliance = Organization.objects.create(
        name="Kenya Soil Alliance",
        kind="farmers_organization",
        membership="member",
        country=kenya,
        year_joined=2018,
    )
    for n in range(30):
        Organization.objects.create(name=f"Research Institute {n:02}", kind="research", country=france)
    add_page(
        site_tree.projects,
        ProjectPage,
        title="Rangelands of the Rift Valley",
        summary="Planned grazing.",
        lead_organization=alliance,
    )
    goal = add_page(site_tree.strategy, GoalPage, title="Goal A", code="A", description="<p>A.</p>")
    objective = add_page(
        goal, ObjectivePage, title="Objective A1", code="A1", short_label="NDCs", description="D."
    )
    task_force = add_page(
        objective, TaskForcePage, title="Task Force A1", purpose="P.", how_to_join="<p>J.</p>"
    )
    TaskForceMember.objects.create(
        page=task_force,
        person=Person.objects.create(name="Wanjiru Mwangi", organization=alliance),
        role="leader",
    )
    task_force.save_revision().publish()
    directory = add_page(
        site_tree.home, PartnerDirectoryPage, title="Partners", slug="partners", show_in_menus=True
    )
    home = site_tree.home
    home.directory_page, home.strategy_page = directory, site_tree.strategy
    home.save_revision().publish()
    return site_tree


def test_a_visitor_goes_from_home_to_a_profile_on_a_phone_without_javascript(live_server, browser, hub):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        network = page.locator("section[aria-labelledby=network-heading]")
        expect(network.locator(".count")).to_have_text("31")
        network.get_by_role("link", name="Browse the partner directory").click()

        expect(page.locator("#results-heading")).to_have_text("31 partner organizations")
        expect(page.locator(".directory-list .card")).to_have_count(PartnerDirectoryPage.page_size)
        page.get_by_label("Country or region").select_option(label="Africa")
        page.get_by_label("Member or partner").select_option(label="Member")
        page.get_by_role("button", name="Show organizations").click()
        assert "region=africa" in page.url and "membership=member" in page.url
        expect(page.locator("#results-heading")).to_have_text("1 of 31 partner organizations matches")

        page.get_by_role("link", name="Kenya Soil Alliance").click()
        expect(page.locator("h1")).to_have_text("Kenya Soil Alliance")
        expect(page.locator("section[aria-labelledby=projects-heading]")).to_contain_text(
            "Rangelands of the Rift Valley"
        )
        expect(page.locator("section[aria-labelledby=roles-heading]")).to_contain_text("Wanjiru Mwangi")
        page.get_by_role("link", name="All partner organizations").click()
        page.get_by_role("link", name="R", exact=True).click()
        expect(page.locator(".directory-list .card")).to_have_count(24)
        expect(page.locator("#results-heading")).to_have_text("30 of 31 partner organizations match")
    finally:
        context.close()


def test_the_directory_and_a_profile_fit_a_phone(live_server, new_page, hub):
    page = new_page(PHONE)
    for path in ("/", "/partners/", "/partners/kenya-soil-alliance/"):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a {PHONE['width']}px phone"
