"""The site's pages: Wagtail's own URLs, with `wagtail_serve` resolving its route in one query (cms/routing.py);
the feeds, the sitemap and robots.txt.

Files that pages serve themselves (RoutablePageMixin routes: a webinar's calendar.ics, a resource's cite.bib,
a listing's export.csv) end in a file name, which Wagtail's page pattern (path components ending in "/") does
not match: the second pattern sends those few names to the same `serve`, so they are routed, checked against
view restrictions and cached exactly as the page they belong to.
"""

from django.urls import path, re_path
from wagtail import urls as wagtail_urls
from wagtail.contrib.sitemaps.views import sitemap

from .outputs.feeds import FEEDS
from .outputs.sitemaps import SITEMAPS, robots_txt
from .redirects import frontend_login
from .routing import serve

PAGE_FILES = r"(?:calendar\.ics|cite\.(?:bib|ris|json)|export\.(?:csv|json))"

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    *(path(f"feeds/{name}/", feed(), name=f"feed-{name}") for name, feed in FEEDS.items()),
    # Wagtail's bare sign-in page for restricted pages leads to the site's own (cms/redirects.py).
    path("_util/login/", frontend_login, name="wagtailcore_login"),
    *(
        pattern
        for pattern in wagtail_urls.urlpatterns
        if getattr(pattern, "name", None) not in ("wagtail_serve", "wagtailcore_login")
    ),
    re_path(rf"^((?:[\w\-]+/)*{PAGE_FILES})$", serve, name="wagtail_serve_file"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
