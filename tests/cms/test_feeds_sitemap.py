"""Atom feeds, sitemap.xml and robots.txt, parsed as XML: live public pages only (never a draft, a page with a
view restriction or a page under one), with dates, in a few statements. Every feed is checked as Atom (RFC 4287),
and text typed into a page reaches a feed reader as the characters typed, never as markup."""

from __future__ import annotations

import datetime as dt
import html
import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.models import PageViewRestriction

from cms.models import EventPage, ProjectPage, ResourcePage, StandardPage, WebinarPage
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEED_STATEMENTS = 6
FEEDS = ("resources", "projects", "webinars", "events")
# What a partner can type into a project idea: markup a feed reader must never run, and characters it must show.
HOSTILE = "<script>alert(1)</script> & <img src=x onerror=alert(1)> 5 < 6"
TEXT_CONSTRUCTS = {"title", "subtitle", "summary", "content", "rights"}  # RFC 4287 3.1


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


def rfc3339(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


def check_atom(root: ET.Element) -> None:
    """The elements RFC 4287 requires of a feed and of each entry (4.1.1, 4.1.2), and plain text constructs."""
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1 and root.findtext(f"{ATOM}{name}"), name
    rfc3339(root.findtext(f"{ATOM}updated"))
    assert [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    feed_has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1 and entry.findtext(f"{ATOM}{name}"), name
        rfc3339(entry.findtext(f"{ATOM}updated"))
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href").startswith("http://testserver/")
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        assert len(entry.findall(f"{ATOM}summary")) <= 1
    for element in root.iter():
        if element.tag.removeprefix(ATOM) in TEXT_CONSTRUCTS:
            assert element.get("type", "text") == "text", (element.tag, element.get("type"))


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.names |= {tag, *(name for name, _ in attrs)}


def markup_a_reader_renders(root: ET.Element) -> set[str]:
    """Element and attribute names a feed reader would build from the feed's text constructs: those of type
    "html" are HTML once the XML is decoded, those of type "xhtml" hold elements; "text" is shown as is."""
    names: set[str] = set()
    for element in root.iter():
        if element.tag.removeprefix(ATOM) not in TEXT_CONSTRUCTS:
            continue
        kind = element.get("type", "text")
        if kind == "html":
            collector = TagCollector()
            collector.feed(element.text or "")
            names |= collector.names
        elif kind == "xhtml":
            names |= {child.tag for child in element.iter() if child is not element}
    return names


def atom_feed(client, name) -> ET.Element:
    response = client.get(f"/feeds/{name}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    check_atom(root)
    return root


def feed_entries(client, name):
    return atom_feed(client, name).findall(f"{ATOM}entry")


def test_feeds_list_live_public_pages_only(client, hidden_and_shown):
    tree, shown = hidden_and_shown
    titles = {}
    for name in FEEDS:
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


@pytest.fixture
def hostile_pages(site_tree):
    """A page of each feed's type whose title and summary hold markup and the characters XML escapes."""
    tree = site_tree
    resource(tree, "Report on <b>carbon</b> & co", summary=HOSTILE, authors="<i>Rumpel</i>, C.; FAO & UNEP")
    add_page(tree.projects, ProjectPage, title="Project <b>x</b>", summary=HOSTILE, status="funded")
    add_page(
        tree.webinars,
        WebinarPage,
        title="Webinar <b>x</b>",
        start_date=days_from_today(5),
        start_time=dt.time(10, 0),
        abstract=f"<p>{html.escape(HOSTILE)}</p>",  # the editor stores what was typed escaped
    )
    add_page(
        tree.events,
        EventPage,
        title="Event <b>x</b>",
        start_date=days_from_today(2),
        end_date=days_from_today(2),
        location="Rome",
        summary=HOSTILE,
    )
    return tree


def test_every_feed_is_atom_and_shows_typed_text_as_text(client, hostile_pages):
    titles = {
        "resources": "Report on <b>carbon</b> & co",
        "projects": "Project <b>x</b>",
        "webinars": "Webinar <b>x</b>",
        "events": "Event <b>x</b>",
    }
    for name in FEEDS:
        root = atom_feed(client, name)
        (entry,) = root.findall(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == titles[name]
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text"
        if name in ("resources", "projects"):
            assert summary.text == HOSTILE
        else:  # after the date (and the place): "7 May 2026, Rome. <script>..."
            assert summary.text.endswith(f". {HOSTILE}"), summary.text
        assert markup_a_reader_renders(root) == set()
        names = {element.tag.rpartition("}")[2] for element in root.iter()}
        names |= {attribute for element in root.iter() for attribute in element.attrib}
        assert not names & {"script", "img", "onerror", "src", "b", "i"}, name
    (report,) = feed_entries(client, "resources")
    assert report.find(f"{ATOM}author").findtext(f"{ATOM}name") == "<i>Rumpel</i>, C.; FAO & UNEP"


def test_a_feed_survives_control_characters_pasted_into_a_page(client, site_tree):
    """XML 1.0 cannot carry most control characters: one pasted into a summary made the whole feed fail (500)."""
    resource(site_tree, "Vertical\x0btab", summary="Line one\x0bline two\x0cpage\x08.")
    (entry,) = feed_entries(client, "resources")
    assert entry.findtext(f"{ATOM}title") == "Vertical tab"
    assert entry.findtext(f"{ATOM}summary") == "Line one line two page ."


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


def test_the_favicon_is_served_at_the_root_and_named_by_every_page(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    head = BeautifulSoup(client.get("/").content, "html.parser").head
    icons = {link["href"] for link in head.find_all("link", rel="icon")}
    assert "/favicon.ico" in icons and any(href.endswith("favicon.svg") for href in icons)
    assert finders.find("favicon.svg")
