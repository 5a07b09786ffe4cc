"""sitemap.xml (Wagtail's sitemaps) and robots.txt.

Wagtail's `Sitemap.items()` lists the site root's descendants with `.live().public()`. The project's one
definition of "visible" is cms/visibility, so `PageSitemap` takes the same rows through `visible_pages`: live,
and neither the page nor an ancestor view-restricted. Each page gives its URL and lastmod (its last publication)
through Wagtail's `get_sitemap_urls()`, which a page model can override to add or leave out URLs.

Built to grow: `SITEMAPS` has one section per kind of URL (Django's sitemap framework joins them), so the
partner profile pages (routes of the directory page) are a section of their own; and `PageSitemap` lists the pages under every
translation of the site's root page, so each locale's tree is in the sitemap once locales exist.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.visibility import visible_pages

ROBOTS_DISALLOW = ("/admin/", "/api/preview/")


class PageSitemap(Sitemap):
    """Every visible page of the request's site, in every locale of its root."""

    def items(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_site |= Page.objects.descendant_of_q(root, inclusive=True)
        pages = Page.objects.filter(in_site)
        return visible_pages(pages).order_by("path").defer_streamfields().specific()


class ProfileSitemap(Sitemap):
    """The partner directory's organization profiles (routes of the directory page, so not pages of their own):
    listed only while the directory page is visible."""

    def items(self):
        from cms.models.directory import profile_urls

        return profile_urls(self.request)

    def _urls(self, page, protocol, domain):
        urls = []
        for location, updated in self.paginator.page(page).object_list:
            if self.request is not None:
                location = self.request.build_absolute_uri(location)
            urls.append({"item": location, "location": location, "lastmod": updated})
        if urls and all(url["lastmod"] for url in urls):
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


SITEMAPS = {"pages": PageSitemap, "partners": ProfileSitemap}


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
