"""The Content-Security-Policy (config/csp.py) in a real browser: on the site an injected inline script does not
run while the site's own scripts do, with no violation; the admin's editor and its live preview work under the
admin's policy, with no violation either."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cms.models import ProjectPage, WebinarPage
from tests.conftest import add_page, days_from_today

from .test_search_ui import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any script of each document (frames included): records every violation the browser reports.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(`${event.effectiveDirective} ${event.blockedURI || "inline"} on ${location.pathname}`);
});
"""
INJECT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = 'ran'";
    document.body.appendChild(script);
    const image = document.createElement("img");
    image.setAttribute("src", "data:,x");
    image.setAttribute("onerror", "window.__handler = 'ran'");
    image.setAttribute("onload", "window.__handler = 'ran'");
    document.body.appendChild(image);
    return new Promise((resolve) => setTimeout(() => resolve([window.__injected, window.__handler]), 300));
}"""


def test_an_injected_script_does_not_run_on_the_site_and_its_own_scripts_do(live_server, new_page, site_tree):
    add_page(
        site_tree.projects,
        ProjectPage,
        title="Cover crops in the Sahel",
        summary="Soil carbon.",
        status="idea",
    )
    add_page(
        site_tree.webinars,
        WebinarPage,
        title="Soil carbon monitoring",
        start_date=days_from_today(10),
        start_time=dt.time(14, 30),
        timezone="Asia/Tokyo",
        abstract="<p>How to measure soil carbon.</p>",
    )
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    for path in ("/", "/projects/", "/webinars/", "/search/?q=soil+carbon"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    # The site's own script ran (search.js asks for the answer; local-time.js on the webinar page).
    page.goto(live_server.url + "/webinars/")
    page.get_by_role("link", name="Soil carbon monitoring").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("main")).to_contain_text("your time:")
    assert page.evaluate("window.__csp") == []

    assert page.evaluate(INJECT) == [None, None]
    violations = page.evaluate("window.__csp")
    assert any(v.startswith("script-src") for v in violations), violations


def test_the_admin_editor_and_its_preview_work_under_the_admin_policy(live_server, new_page, site_tree):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    project = add_page(site_tree.projects, ProjectPage, title="Agroforestry trial", summary="Shade trees.")
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    admin_login(page, live_server.url, "editor", "correct horse battery")
    page.goto(f"{live_server.url}/admin/pages/{project.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("Agroforestry trial, revised")
    page.get_by_role("button", name=re.compile("Toggle preview|Preview", re.I)).first.click()
    preview = page.frame_locator("iframe[title='Preview']").first
    expect(preview.locator("h1")).to_contain_text("Agroforestry trial, revised", timeout=20_000)
    page.locator("footer").get_by_role("button", name=re.compile("Save draft", re.I)).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("saved|updated", re.I))
    violations = page.evaluate("window.__csp")
    assert violations == [], violations
    for frame in page.frames:
        assert frame.evaluate("window.__csp || []") == [], frame.url


def test_an_editors_userbar_works_on_the_site_under_the_site_policy(live_server, new_page, site_tree):
    """A signed-in editor sees Wagtail's userbar on every site page (a web component with its own script and
    styles): it must open, and its accessibility checker run, without a violation of the site's strict policy."""
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    project = add_page(site_tree.projects, ProjectPage, title="Agroforestry trial", summary="Shade trees.")
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    admin_login(page, live_server.url, "editor", "correct horse battery")
    page.goto(live_server.url + project.url)
    page.wait_for_load_state("networkidle")
    trigger = page.locator("wagtail-userbar").get_by_role("button").first
    expect(trigger).to_be_visible()
    trigger.click()
    expect(
        page.locator("wagtail-userbar").get_by_role("menuitem", name=re.compile("Edit", re.I))
    ).to_be_visible()
    page.wait_for_timeout(500)
    violations = page.evaluate("window.__csp")
    assert violations == [], violations
