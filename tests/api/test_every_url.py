"""Every URL pattern of the project, walked as an outsider would: an anonymous visitor, a signed-in partner and a
member of another group, with ordinary and hostile parameters.

The URLs come from the URL configuration itself (a new pattern is walked without editing this file) and from the
hub's pages (every page, including drafts and restricted ones, with the files pages serve). Nothing may answer a
5xx, redirect to another host, or show a word that only a draft, a restricted page, a private collection or a
group-restricted page holds. The admin's patterns are walked too: none opens to a visitor who is not staff.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from cms.models import PartnerDirectoryPage, ProjectPage, StandardPage
from tests.community.conftest import make_user
from tests.conftest import add_page
from tests.surfaces import (
    EXCLUDED_PAGE_ROUTES,
    PAGE_ROUTES,
    expansion,
    page_types,
    public_page_types,
    public_surfaces,
    read,
    site_routes,
)

from .conftest import DRAFT_WORD, LEAK_WORDS, REVISION_WORD

GROUP_WORD = "dingogroupspace"  # only in a page restricted to one group
OTHER_GROUP = "Walk: another group"
SPACE_GROUP = "Walk: task force space"

BIG_INT = "99999999999999999999"
WORDS_200 = " ".join(f"w{i}" for i in range(200))
# Each alone, so that one refused parameter cannot hide what another would break.
HOSTILE_PARAMS = [
    ("q", "soil\x00carbon"),
    ("q", WORDS_200),
    ("q", "a\x01\x7fb"),
    ("q", "<script>alert(1)</script>"),
    ("search", "soil\x00"),
    ("search", WORDS_200),
    ("search_operator", "xor"),
    ("page", "\x00"),
    ("page", BIG_INT),
    ("limit", BIG_INT),
    ("offset", "-1"),
    ("page_size", "0"),
    ("locale", "\x00"),
    ("type", "\x00"),
    ("fields", "*,-id,\x00"),
    ("order", "-\x00"),
    ("child_of", BIG_INT),
    ("next", "//evil.example/"),
    ("to", "//evil.example/"),
    ("letter", "\x00"),
    ("status", "\x00"),
    ("year_from", BIG_INT),
    ("region", "\x00"),
    ("id", BIG_INT),
]
# Pages read few parameters: they get them all at once.
PAGE_HOSTILE_QUERY = "?" + urlencode(dict(HOSTILE_PARAMS[::3]))
# Admin pages a visitor may open: signing in and recovering a password, and the admin's translations catalogue.
ADMIN_OPEN = re.compile(r"^/(admin/(login|logout|password_reset|jsi18n|sprite))")


def concrete(route: str, ids: list[str]) -> list[str]:
    """The addresses a route stands for, each placeholder filled with every value of `ids` (and a word)."""
    route = route.replace("^", "").replace("$", "")
    if route.startswith(("((?:[", "(?:[")) or "(?P<rest>" in route:
        return []  # the page patterns (walked from the pages themselves) and the /en/ alias (tests/config)
    route = route.replace("(?P<path>.*)", "images/x.png")
    placeholders = re.findall(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)", route)
    if not placeholders:
        return ["/" + route]
    urls = []
    for value in [*ids, "x", BIG_INT]:
        url = route
        for placeholder in placeholders:
            url = url.replace(placeholder, value, 1)
        urls.append("/" + url)
    return urls


def page_urls(hub) -> list[str]:
    files = ["calendar.ics", "cite.bib", "cite.ris", "cite.json", "export.csv", "export.json", "join/"]
    urls = []
    for page in Page.objects.filter(depth__gt=1).specific():
        path = page.get_url_parts()[2] if page.get_url_parts() else None
        if not path:
            continue
        urls.append(path)
        urls.extend(path + name for name in files)
    return urls


@pytest.fixture
def walk_site(hub, django_capture_on_commit_callbacks):
    """The hub, plus a page restricted to one group (a members' space) and users of no group or another."""
    space = Group.objects.create(name=SPACE_GROUP)
    Group.objects.create(name=OTHER_GROUP)
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(
            hub.tree.projects,
            ProjectPage,
            title=f"Space meeting notes {GROUP_WORD}",
            summary=f"What the task force decided {GROUP_WORD}.",
            status="idea",
        )
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(space)
        add_page(hub.tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
        add_page(hub.tree.home, StandardPage, title="About the hub", intro="Who we are.")
    partner = make_user("walk-partner", "Partners")
    other = make_user("walk-other", OTHER_GROUP)
    return {"hub": hub, "group_page": page, "partner": partner, "other": other}


def assert_safe(response, url: str, hidden: tuple[str, ...]) -> None:
    assert response.status_code < 500, (url, response.status_code)
    location = response.get("Location")
    if location:
        host = urlsplit(urljoin("http://testserver/", location.replace("\\", "/"))).netloc
        assert host == "testserver", (url, location)
    if not getattr(response, "streaming", False):
        body = response.content.decode("utf-8", "replace")
        for word in hidden:
            assert word not in body, (url, word)
        if response.status_code == 400 and url.startswith("/api/"):
            assert response.json()["error"]["message"], url


def hidden_from(who: str) -> tuple[str, ...]:
    """Anonymous visitors see none of the hub's private words. A signed-in visitor may read login-restricted
    content (the restricted page, the login-only collection, the document attached to that page); drafts,
    unpublished revisions and another group's space are never theirs."""
    if who == "anonymous":
        return (*LEAK_WORDS, GROUP_WORD)
    return (DRAFT_WORD, REVISION_WORD, GROUP_WORD)


def i18n_variants(url: str) -> list[str]:
    if url.startswith(("/api/", "/documents/", "/media/", "/_util/")):
        return [url]
    return [url, "/fr" + url, "/es" + url]


@pytest.mark.parametrize("who", ["anonymous", "partner", "other"])
def test_every_site_url_holds_against_hostile_parameters(walk_site, who, settings):
    settings.SEARCH_API_THROTTLE = "100000/minute"
    hub = walk_site["hub"]
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        client.force_login(walk_site[who])
    ids = [str(hub.project.pk), str(hub.private_project.pk), str(walk_site["group_page"].pk)]
    ids += [str(hub.private_collection_doc.pk), str(hub.public_doc.pk)]
    site, _admin = site_routes()
    routes = sorted({u for route in site for u in concrete(route, ids)})
    pages = sorted(set(page_urls(hub)) - set(routes))
    assert len(routes) > 40 and len(pages) > 40, (
        "the walk found too few URLs: the URL configuration or the hub changed"
    )
    hidden = hidden_from(who)
    addresses = []
    for url in routes:
        addresses += i18n_variants(url)
        if who == "anonymous":
            addresses += [f"{url}?{urlencode({name: value})}" for name, value in HOSTILE_PARAMS]
    for url in pages:
        addresses += i18n_variants(url) if who == "anonymous" else [url]
        if who == "anonymous":
            addresses.append(url + PAGE_HOSTILE_QUERY)
    for address in addresses:
        assert_safe(client.get(address), address, hidden)


@pytest.mark.parametrize("who", ["anonymous", "partner", "other"])
def test_no_admin_url_opens_to_a_visitor_who_is_not_staff(walk_site, who):
    hub = walk_site["hub"]
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        client.force_login(walk_site[who])
    _site, admin = site_routes()
    ids = [str(hub.project.pk)]
    urls = sorted({u for route in admin for u in concrete(route, ids)})
    assert len(urls) > 300
    for url in urls:
        response = client.get(url)
        assert_safe(response, url, (*LEAK_WORDS, GROUP_WORD))
        if response.status_code == 200 and not ADMIN_OPEN.match(url):
            pytest.fail(f"{url} answered 200 to {who}")


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_every_form_refuses_hostile_posts_without_an_error(walk_site, who):
    """Null bytes, huge values and markup in every field of every site form: refused or kept, never a 500."""
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        client.force_login(walk_site[who])
    hub = walk_site["hub"]
    hostile = {
        name: value
        for name in (
            "name",
            "email",
            "username",
            "password",
            "title",
            "summary",
            "motivation",
            "q",
            "website",
        )
        for value in ("x\x00y",)
    }
    urls = ["/join/", "/accounts/login/", "/projects/submit/", "/search/", hub.task_force.get_url() + "join/"]
    urls += [f"/_util/authenticate_with_password/{BIG_INT}/{hub.project.pk}/"]
    for url in urls:
        for address in i18n_variants(url):
            response = client.post(address, hostile)
            assert_safe(response, address, hidden_from(who))


# --- The public surfaces (tests/surfaces.py): every one listed, every one answers -----------------------------------


def test_every_url_pattern_is_a_public_surface_or_excluded():
    site, _admin = site_routes()
    unknown = [route for route in site if expansion(route) is None]
    assert not unknown, (
        f"URL patterns neither read as public surfaces nor excluded in tests/surfaces.py: {unknown}"
    )


def test_every_page_route_is_a_public_surface_or_excluded():
    routes = {
        str(pattern.pattern)
        for model in page_types()
        if issubclass(model, RoutablePageMixin)
        for pattern in model.get_subpage_urls()
    }
    unknown = routes - set(PAGE_ROUTES) - set(EXCLUDED_PAGE_ROUTES)
    assert not unknown, (
        f"page routes neither read as public surfaces nor excluded in tests/surfaces.py: {unknown}"
    )


# Families every hub of this file must show (one page of each type is in it; the partner directory has profiles).
EXPECTED_FAMILIES = {
    "sitemap",
    "robots.txt",
    "feed",
    "search page",
    "organization search",
    "search suggestions",
    "search answer",
    "api search hybrid",
    "api search keyword",
    "api search semantic",
    "api suggestions",
    "api related",
    "api export",
    "api schema",
    "document file",
    "sitemap url",
    "page route calendar.ics",
    "page route export.csv",
    "page route export.json",
    "page route cite.bib",
    "page route join/",
    *(f"api v2 {endpoint}" for endpoint in ("pages", "documents", "organizations", "people", "regions")),
    *(
        f"api v2 {endpoint} detail"
        for endpoint in ("pages", "documents", "organizations", "people", "regions")
    ),
}


def test_every_public_surface_answers_an_anonymous_visitor_without_a_leak(walk_site, settings):
    """Each surface answers 200 (the answer fragment 204 when it has no answer), and shows no private word."""
    settings.SEARCH_API_THROTTLE = "100000/minute"
    client = Client(raise_request_exception=False)
    surfaces = public_surfaces(client, queries=["soil carbon", "confidential members briefing memo"])
    families = {surface.family for surface in surfaces}
    page_families = {f"page {model.__name__}" for model in public_page_types()}
    assert EXPECTED_FAMILIES | page_families <= families, (
        f"surfaces missing: {sorted((EXPECTED_FAMILIES | page_families) - families)}"
    )
    assert len(surfaces) > 100, len(surfaces)
    for surface in surfaces:
        body = read(client, surface)
        for word in hidden_from("anonymous"):
            assert word not in body, (surface, word)
