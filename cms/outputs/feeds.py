"""Atom feeds of the latest resources, projects, webinars and events (Django's syndication framework), at
/feeds/<name>/, advertised in every page's head (templates/includes/head_meta.html).

Only visible pages (cms/visibility) of the request's site, newest publication first: one query for the items,
whatever their number (the entries show the page's own fields, no relation).

Every text is plain text (Atom's `type="text"`, RFC 4287 3.1.1): titles are by default, and summaries are written
so too, where Django writes `type="html"`. A reader shows a summary's characters as they are, so a `<script>` or
an `<img onerror>` typed into a partner's project idea is never markup in a feed reader, and "5 < 6 & 7" reads as
typed. Characters XML 1.0 cannot carry (control characters pasted from another program) become spaces rather
than making the whole feed fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.identity import PUBLISHER
from cms.visibility import visible_pages

from .calendars import plain_text

FEED_SIZE = 30
# What XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets); Django's XML writer refuses these.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_text(value) -> str:
    return _NOT_XML.sub(" ", str(value))


class PlainTextAtom1Feed(Atom1Feed):
    """Atom with plain text summaries (`<summary type="text">`): Django's Atom1Feed declares them HTML."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


@dataclass
class FeedContext:
    request: object
    site: Site | None


class LatestPagesFeed(Feed):
    feed_type = PlainTextAtom1Feed
    model_name = ""
    name = ""
    title = ""
    subtitle = ""
    # Atom needs an author for the feed, or for every entry (RFC 4287 4.1.1); an entry's own authors win.
    author_name = PUBLISHER

    def get_object(self, request, *args, **kwargs):
        return FeedContext(request, Site.find_for_request(request))

    def link(self, obj):
        return obj.site.root_page.get_full_url(obj.request) if obj.site else "/"

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def description(self, obj):
        return self.subtitle

    def queryset(self, obj):
        pages = apps.get_model("cms", self.model_name).objects.all()
        if obj.site is not None:
            pages = pages.descendant_of(obj.site.root_page)
        return visible_pages(pages).order_by("-first_published_at", "-pk")

    def items(self, obj):
        items = list(self.queryset(obj)[:FEED_SIZE])
        for item in items:
            item.feed_link = item.get_full_url(obj.request)
        return items

    def item_title(self, item):
        return feed_text(item.title)

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_description(self, item):
        return feed_text(item.summary)


class LatestResourcesFeed(LatestPagesFeed):
    model_name = "ResourcePage"
    title = _("Soil Knowledge Hub: latest resources")
    subtitle = _(
        "Reports, guidelines, tools, datasets, videos and articles on soils, food security and climate."
    )

    def item_author_name(self, item):
        return feed_text("; ".join(item.author_list)) or None

    def item_categories(self, item):
        return [item.get_kind_display(), str(item.year)]


class LatestProjectsFeed(LatestPagesFeed):
    model_name = "ProjectPage"
    title = _("Soil Knowledge Hub: latest projects")
    subtitle = _("Projects of the 4 per 1000 community in the catalogue.")

    def item_categories(self, item):
        return [item.get_status_display()]


class LatestWebinarsFeed(LatestPagesFeed):
    model_name = "WebinarPage"
    title = _("Soil Knowledge Hub: latest webinars")
    subtitle = _("Webinars announced on the hub, with their recordings once online.")

    def item_description(self, item):
        when = f"{item.start_date:%d %B %Y}, {item.start_time:%H:%M} ({item.timezone})"
        return feed_text(f"{when}. {plain_text(item.abstract)}")


class LatestEventsFeed(LatestPagesFeed):
    model_name = "EventPage"
    title = _("Soil Knowledge Hub: latest events")
    subtitle = _("Initiative days, partner events and community meetings.")

    def item_description(self, item):
        days = f"{item.start_date:%d %B %Y}"
        if item.end_date != item.start_date:
            days += f" to {item.end_date:%d %B %Y}"
        where = f", {item.location}" if item.location else (", online" if item.online else "")
        return feed_text(f"{days}{where}. {item.summary}")


FEEDS = {
    "resources": LatestResourcesFeed,
    "projects": LatestProjectsFeed,
    "webinars": LatestWebinarsFeed,
    "events": LatestEventsFeed,
}
