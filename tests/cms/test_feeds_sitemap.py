"""Atom feeds, sitemap.xml and robots.txt, parsed as XML: live public pages only (never a draft, a page with a
view restriction or a page under one), with dates, in a few statements."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import EventPage, ProjectPage, ResourcePage, StandardPage, WebinarPage
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEED_STATEMENTS = 6


def resource(tree, title, **fields):
    values = {
        "kind": "report",
        "year": 2024,
        "summary": f"About {title}.",
        "external_url": "https://example.org/r",
    }
    return add_page(tree.resources, ResourcePage, title=title, **{**values, **fields})


@pytest.fixture
def hidden_and_shown(site_tree):
    """Visible pages of each feed's type, and beside them a draft, a password-protected page, a page for a group
    only, and pages under a restricted page."""
    tree = site_tree
    shown = [resource(tree, "Visible report", authors="Rumpel, C.; FAO")]
    resource(tree, "Draft report", live=False)
    private = resource(tree, "Private report")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    for_group = resource(tree, "Group report")
    restriction = PageViewRestriction.objects.create(page=for_group, restriction_type="groups")
    restriction.groups.set([Group.objects.create(name="Reviewers")])
    shown.append(
        add_page(tree.projects, ProjectPage, title="Visible project", summary="Trees.", status="funded")
    )
    shown.append(
        add_page(
            tree.webinars,
            WebinarPage,
            title="Visible webinar",
            start_date=days_from_today(5),
            start_time=dt.time(10, 0),
            abstract="<p>Soil <em>carbon</em>.</p>",
        )
    )
    add_page(
        tree.events,
        EventPage,
        title="Event under a restriction",
        start_date=days_from_today(2),
        end_date=days_from_today(2),
        location="Rome",
    )
    PageViewRestriction.objects.create(page=tree.events, restriction_type="login")
    section = add_page(tree.home, StandardPage, title="Members area")
    add_page(section, StandardPage, title="Page under a restricted page")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="secret")
    return tree, shown


def feed_entries(client, name):
    response = client.get(f"/feeds/{name}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_feeds_list_live_public_pages_only(client, hidden_and_shown):
    tree, shown = hidden_and_shown
    titles = {}
    for name in ("resources", "projects", "webinars", "events"):
        entries = feed_entries(client, name)
        titles[name] = [entry.findtext(f"{ATOM}title") for entry in entries]
        for entry in entries:
            assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}published")
            assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    assert titles == {
        "resources": ["Visible report"],
        "projects": ["Visible project"],
        "webinars": ["Visible webinar"],
        "events": [],
    }
    (report,) = feed_entries(client, "resources")
    assert report.findtext(f"{ATOM}id") == f"urn:uuid:{shown[0].translation_key}"
    assert report.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Rumpel, C.; FAO"
    (webinar,) = feed_entries(client, "webinars")
    assert "Soil carbon." in webinar.findtext(f"{ATOM}summary")


def test_a_feed_costs_the_same_few_statements_for_many_items(client, site_tree):
    for n in range(25):
        resource(site_tree, f"Report {n}")
    client.get("/feeds/resources/")
    with CaptureQueriesContext(connection) as queries:
        entries = feed_entries(client, "resources")
    assert len(entries) == 25
    assert len(queries.captured_queries) <= FEED_STATEMENTS, [
        q["sql"][:100] for q in queries.captured_queries
    ]


def test_every_page_advertises_the_feeds(client, site_tree):
    for page in (site_tree.home, site_tree.resources):
        text = client.get(page.url).content.decode()
        for name in ("resources", "projects", "webinars", "events"):
            assert (
                f'<link rel="alternate" type="application/atom+xml" title="Soil Knowledge Hub: latest {name}" href="/feeds/{name}/">'
                in text
            )
    assert 'href="/feeds/resources/"' in client.get("/search/?q=soil").content.decode()


def test_the_sitemap_lists_visible_pages_with_lastmod(client, hidden_and_shown):
    tree, shown = hidden_and_shown
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")
    }
    expected = [tree.home, tree.strategy, tree.projects, tree.webinars, tree.resources, *shown]
    assert set(urls) == {"http://testserver" + page.url for page in expected}
    for page in expected:
        page.refresh_from_db()
        assert urls["http://testserver" + page.url] == page.last_published_at.date().isoformat()


def test_robots_txt_names_the_sitemap_and_keeps_admin_and_previews_out(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /api/preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
