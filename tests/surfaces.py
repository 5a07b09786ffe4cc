"""The public surfaces: every address an anonymous visitor can read, derived from the URL configuration, the sitemap
and the pages' own routes, for the tests that check what the public can see (tests/api/test_every_url.py, the
state machines of tests/consistency/).

Each URL pattern of the site is either expanded here (`ROUTES`: how to fill its placeholders from what the site
lists publicly) or excluded with a reason (`EXCLUDED_ROUTES`); the same for the routes of routable pages
(`PAGE_ROUTES`, `EXCLUDED_PAGE_ROUTES`). A new pattern that is in neither fails
tests/api/test_every_url.py::test_every_url_pattern_is_a_public_surface_or_excluded, so it is read by every
privacy test as soon as it is listed.

The pages come from /sitemap.xml (what the site says is public), the API details from the API's own listings and
the documents from the documents listing: a surface that is public by mistake is read when it is listed, and the
tests check separately that what is hidden is not listed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, urlencode, urlsplit

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

ADMIN_PREFIXES = ("admin/",)
API_LIMIT = 50  # API_PAGE_LIMIT_MAX


@dataclass(frozen=True)
class Surface:
    family: str  # what kind of surface: "page", "page route calendar.ics", "api v2 pages detail", "feed", ...
    url: str
    statuses: tuple[int, ...] = (200,)
    query: str = ""  # the search surfaces' query, which they show back to the visitor


def walk(patterns, prefix: str = ""):
    """(route, name) of every URL pattern, nested ones with their prefix."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


def site_routes() -> tuple[list[str], list[str]]:
    """The URL configuration's routes: (the site's, the admin's)."""
    routes = [route for route, _name in walk(get_resolver().url_patterns)]
    admin = [route for route in routes if route.startswith(ADMIN_PREFIXES)]
    site = [route for route in routes if not route.startswith(ADMIN_PREFIXES)]
    return site, admin


def page_types() -> list[type[Page]]:
    """Every page type of the cms app an editor can create (found from the models: a new one is included)."""
    return [
        model
        for model in apps.get_app_config("cms").get_models()
        if issubclass(model, Page) and model.is_creatable
    ]


def public_page_types() -> list[type[Page]]:
    """The page types that can be public: all but the members' space types, restricted from their first save
    (`members_only`; their privacy is tested in tests/cms/test_spaces.py)."""
    return [model for model in page_types() if not getattr(model, "members_only", False)]


# --- How each pattern is read --------------------------------------------------------------------------------------


class Reader:
    """Reads what the site lists publicly (the sitemap, the API listings) to fill the patterns' placeholders."""

    def __init__(self, client, queries: Iterable[str]) -> None:
        self.client = client
        self.queries = [q for q in queries if q]
        self._cache: dict[str, object] = {}

    def get(self, url: str):
        response = self.client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        return response

    def listing(self, endpoint: str) -> list[dict]:
        """Every item of an /api/v2/ listing, page by page."""
        if endpoint not in self._cache:
            items, offset = [], 0
            while True:
                query = urlencode({"fields": "*", "limit": API_LIMIT, "offset": offset})
                body = self.get(f"/api/v2/{endpoint}/?{query}").json()
                items += body["items"]
                offset += API_LIMIT
                if offset >= body["meta"]["total_count"]:
                    break
            self._cache[endpoint] = items
        return self._cache[endpoint]

    def sitemap(self) -> list[str]:
        if "sitemap.xml" not in self._cache:
            body = self.get("/sitemap.xml").content.decode()
            self._cache["sitemap.xml"] = [path_of(url) for url in re.findall(r"<loc>([^<]+)</loc>", body)]
        return self._cache["sitemap.xml"]

    def pages_by_path(self) -> dict[str, Page]:
        if "page objects" not in self._cache:
            pages = {}
            for page in Page.objects.filter(depth__gt=1).specific():
                parts = page.get_url_parts()
                if parts and parts[2]:
                    pages[parts[2]] = page
            self._cache["page objects"] = pages
        return self._cache["page objects"]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fixed(family: str, *, statuses=(200,)) -> Callable[[Reader, str], list[Surface]]:
    return lambda reader, route: [Surface(family, "/" + route, statuses)]


def with_queries(family: str, extra: dict | None = None, *, statuses=(200,)):
    def expand(reader: Reader, route: str) -> list[Surface]:
        return [
            Surface(family, f"/{route}?{urlencode({'q': q, **(extra or {})})}", statuses, q)
            for q in reader.queries
        ]

    return expand


def search_page(reader: Reader, route: str) -> list[Surface]:
    surfaces = [Surface("search page", "/" + route)]
    for q in reader.queries:
        surfaces.append(Surface("search page", f"/{route}?{urlencode({'q': q})}", query=q))
        surfaces.append(
            Surface("organization search", f"/{route}?{urlencode({'q': q, 'type': 'organization'})}", query=q)
        )
    return surfaces


def api_search(reader: Reader, route: str) -> list[Surface]:
    return [
        Surface(
            f"api search {mode}",
            f"/{route}?{urlencode({'q': q, 'mode': mode, 'page_size': API_LIMIT})}",
            query=q,
        )
        for q in reader.queries
        for mode in ("hybrid", "keyword", "semantic")
    ]


def api_listing(reader: Reader, route: str) -> list[Surface]:
    endpoint = api_endpoint(route)
    return [Surface(f"api v2 {endpoint}", f"/api/v2/{endpoint}/?fields=*&limit={API_LIMIT}")]


def api_detail(reader: Reader, route: str) -> list[Surface]:
    endpoint = api_endpoint(route)
    return [
        Surface(f"api v2 {endpoint} detail", f"/api/v2/{endpoint}/{item['id']}/?fields=*")
        for item in reader.listing(endpoint)
    ]


def api_endpoint(route: str) -> str:
    return route.removeprefix("api/v2/^").split("/")[0]


def related_api(reader: Reader, route: str) -> list[Surface]:
    return [
        Surface("api related", "/" + route.replace("<str:id>", str(item["id"])))
        for item in reader.listing("pages")
    ]


def documents(reader: Reader, route: str) -> list[Surface]:
    return [
        Surface("document file", path_of(item["meta"]["download_url"]))
        for item in reader.listing("documents")
    ]


def pages(reader: Reader, route: str) -> list[Surface]:
    """Every URL of the sitemap (pages in every locale, partner profiles), with each page's own routes."""
    surfaces = []
    by_path = reader.pages_by_path()
    for path in reader.sitemap():
        page = by_path.get(path)
        if page is None:
            surfaces.append(
                Surface("sitemap url", path)
            )  # a page's route listed on its own: a partner profile
            continue
        surfaces.append(Surface(f"page {type(page).__name__}", path))
        surfaces += page_route_surfaces(page, path)
    return surfaces


def page_route_surfaces(page: Page, path: str) -> list[Surface]:
    if not isinstance(page, RoutablePageMixin):
        return []
    surfaces = []
    for pattern in type(page).get_subpage_urls():
        route = str(pattern.pattern)
        if not PAGE_ROUTE_APPLIES.get(route, lambda page: True)(page):
            continue
        for suffix in PAGE_ROUTES.get(route, ()):
            if suffix:
                surfaces.append(Surface(f"page route {suffix}", path + suffix))
    return surfaces


# Every pattern of the site (as `walk` spells it): how its public addresses are found.
ROUTES: dict[str, Callable[[Reader, str], list[Surface]]] = {
    r"^((?:[\w\-]+/)*)$": pages,
    "sitemap.xml": fixed("sitemap"),
    "robots.txt": fixed("robots.txt"),
    "jsi18n/": fixed("script catalogue"),
    "feeds/resources/": fixed("feed"),
    "feeds/projects/": fixed("feed"),
    "feeds/webinars/": fixed("feed"),
    "feeds/events/": fixed("feed"),
    "search/": search_page,
    "search/suggest/": with_queries("search suggestions"),
    "search/answer/": with_queries("search answer", statuses=(200, 204)),  # 204: no answer
    "join/": fixed("form"),
    "join/received/": fixed("form"),
    "resources/propose/received/": fixed("form"),
    "events/announce/received/": fixed("form"),
    "accounts/login/": fixed("form"),
    "accounts/deleted/": fixed("form"),
    "accounts/set-password/done/": fixed("form"),
    "api/search/": api_search,
    "api/search/suggest/": with_queries("api suggestions"),
    "api/pages/<str:id>/related/": related_api,
    "api/export/projects/": fixed("api export"),
    "api/export/resources/": fixed("api export"),
    "api/schema/": fixed("api schema"),
    "api/docs/": fixed("api schema"),
    r"documents/^(\d+)/(.*)$": documents,
}
PAGE_FILES_ROUTE = r"^((?:[\w\-]+/)*(?:calendar\.ics|cite\.(?:bib|ris|json)|export\.(?:csv|json)))$"
EXCLUDED_ROUTES = {
    PAGE_FILES_ROUTE: "the pages' files (calendar.ics, cite.*, export.*): read as the pages' own routes",
    "search/click/": "a redirect to a result's URL, which is read as itself",
    "projects/submit/": "signed-in partners only: a visitor is sent to the sign-in page",
    "projects/submit/received/": "signed-in partners only",
    "resources/propose/": "signed-in members only: a visitor is sent to the sign-in page (tests/community/)",
    "events/announce/": "signed-in members only: a visitor is sent to the sign-in page (tests/community/)",
    "accounts/logout/": "a POST form; no content",
    "accounts/": "a member's own account page: a visitor is sent to the sign-in page (tests/community/)",
    "accounts/my-data.json": "a member's own data: a visitor is sent to the sign-in page",
    "accounts/delete/": "a member's own account deletion: a visitor is sent to the sign-in page",
    "accounts/notifications/": "a member's own email choices: a visitor is sent to the sign-in page",
    "accounts/searches/save/": "saves a member's search (a POST form): a visitor is sent to the sign-in page",
    "accounts/searches/<int:saved_id>/": "a member's own saved search (a POST form; another's is a 404)",
    "feeds/saved/<slug:token>/": "a saved search's private feed by its unguessable token, public content only "
    "(tests/community/test_saved_searches.py)",
    "accounts/set-password/<uidb64>/<token>/": "by emailed single-use token (tests/community/test_accounts.py)",
    "spaces/<int:space_id>/post/": "members of the space only (tests/community/test_spaces.py)",
    "spaces/posts/<int:post_id>/edit/": "the post's author, the space's leaders and the Secretariat only",
    "spaces/posts/<int:post_id>/reply/": "members of the space only (a POST form)",
    "spaces/posts/<int:post_id>/moderate/": "the space's leaders and the Secretariat only (a POST form)",
    "spaces/posts/<int:post_id>/follow/": "members of the space only (a POST form)",
    "_util/login/": "a redirect to accounts/login/",
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": "a password form (POST)",
    "documents/authenticate_with_password/<int:restriction_id>/": "a password form (POST)",
    "api/preview/": "editors' previews, by signed token (tests/api/test_preview.py)",
    "api/^": "the API's 404 for every other address",
    "^en/(?P<rest>.*)$": "the English alias: a permanent redirect to the same page (tests/config/test_redirects.py)",
    "^media/(?P<path>.*)$": "image files, public by design (cms/media.py): no text to leak",
}
# Every endpoint of the API v2 router: its listing, its details and its find/ (a redirect to a detail).
API_V2_ROUTES: dict[str, Callable[[Reader, str], list[Surface]] | str] = {
    r"api/v2/\^\w+/": api_listing,
    r"api/v2/\^\w+/<int:pk>/": api_detail,
    r"api/v2/\^\w+/find/": "a redirect to a detail, which is read",
}


def expansion(route: str) -> Callable[[Reader, str], list[Surface]] | str | None:
    """How a route is read (a function), why it is not (a reason), or None: a route this module does not know."""
    if route in ROUTES:
        return ROUTES[route]
    if route in EXCLUDED_ROUTES:
        return EXCLUDED_ROUTES[route]
    for pattern, how in API_V2_ROUTES.items():
        if re.fullmatch(pattern, route):
            return how
    return None


# Every route of a routable page type (as its pattern spells it): the suffixes read after the page's URL.
PAGE_ROUTES: dict[str, tuple[str, ...]] = {
    "": ("",),  # the page itself
    "calendar.ics/": ("calendar.ics",),
    r"^export\.(?P<fmt>csv|json)/$": ("export.csv", "export.json"),
    r"^cite\.(?P<fmt>bib|ris|json)/$": ("cite.bib", "cite.ris", "cite.json"),
    r"^join/(?:(?P<step>received)/)?$": ("join/", "join/received/"),
}
# Routes a page type inherits but answers 404 by design: a listing exports only when it names what it lists.
PAGE_ROUTE_APPLIES: dict[str, Callable[[Page], bool]] = {
    r"^export\.(?P<fmt>csv|json)/$": lambda page: (
        getattr(type(page), "export", None) is not None and getattr(page, "listed_model", None) is not None
    ),
}
EXCLUDED_PAGE_ROUTES = {
    "<slug:slug>/": "the partner profiles: listed by the sitemap's partners section",
}


def public_surfaces(client, *, queries: Iterable[str] = ("soil",)) -> list[Surface]:
    """Every public surface of the site as it is now, each search surface once per query."""
    reader = Reader(client, queries)
    site, _admin = site_routes()
    surfaces: list[Surface] = []
    for route in site:
        how = expansion(route)
        assert how is not None, f"{route} is neither a public surface nor excluded (tests/surfaces.py)"
        if callable(how):
            surfaces += how(reader, route)
    return list(dict.fromkeys(surfaces))


def read(client, surface: Surface) -> str:
    """The body of a surface, as text; fails unless it answers one of its statuses."""
    response = client.get(surface.url)
    assert response.status_code in surface.statuses, (
        f"{surface.family} {surface.url} answered {response.status_code}, expected {surface.statuses}"
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def read_all(client, surfaces: Iterable[Surface]) -> dict[Surface, str]:
    """Each surface's body without the visitor's own query shown back (in the search box, the heading, the page
    title, links to other pages of results): what is left is what the site found."""
    return {surface: without_echo(surface, read(client, surface)) for surface in surfaces}


# A spelling suggestion is the visitor's own words with some corrected: the API's fields, the search page's line.
SUGGESTION_KEYS = ("suggested_query", "showing_results_for")
SUGGESTION_LINE = re.compile(r'<p class="suggested-query".*?</p>', re.S)


def without_echo(surface: Surface, body: str) -> str:
    q = surface.query
    if not q:
        return body
    typed = set(q.split())

    def corrections(text: str) -> str:
        """What a suggestion adds to the visitor's words: a correction may not leak, so it stays."""
        return " ".join(word for word in text.split() if word not in typed)

    if body.lstrip().startswith("{"):
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for key in SUGGESTION_KEYS:
                if isinstance(data.get(key), str):
                    data[key] = corrections(data[key])
            body = json.dumps(data, ensure_ascii=False)
    body = SUGGESTION_LINE.sub(
        lambda line: corrections(html.unescape(re.sub(r"<[^>]+>", " ", line.group(0)))), body
    )
    # The address of the page itself echoes it too, encoded once more in a link's ?next= (the sign-in link).
    for echo in (q, q[:59] + "…", quote_plus(q), quote(q), html.escape(q), quote(quote_plus(q), safe="")):
        body = body.replace(echo, "")
    return body
