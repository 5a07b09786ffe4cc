"""A saved search's private Atom feed, at /feeds/saved/<token>/: its results (public content only, newest first,
community/saved_searches.py), for a feed reader that cannot sign in. The token is the only key: an unknown or
revoked one is a 404, and the response is marked private and never stored (Cache-Control), as a member's own page.
Entries are plain text, as the site's other feeds (cms/outputs/feeds.py).
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.identity import PUBLISHER
from cms.outputs.feeds import FEED_SIZE, PlainTextAtom1Feed, feed_text

from .models import SavedSearch
from .saved_searches import public_results


class SavedSearchFeed(Feed):
    feed_type = PlainTextAtom1Feed
    author_name = PUBLISHER

    def get_object(self, request, token: str):
        saved = SavedSearch.objects.filter(feed_token=token).first() if token else None
        if saved is None:
            raise Http404("No such feed.")
        saved.request = request
        return saved

    def title(self, saved):
        with translation.override(saved.locale):
            return feed_text(_("Saved search: %(name)s") % {"name": saved.name})

    def link(self, saved):
        return "/"

    def feed_url(self, saved):
        return saved.request.build_absolute_uri()

    def description(self, saved):
        return feed_text(saved.query)

    def items(self, saved):
        return public_results(saved)[:FEED_SIZE]

    def item_title(self, item):
        return feed_text(item.title)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published

    def item_description(self, item):
        return feed_text(item.summary)


@never_cache  # Cache-Control: private, no-store (and no-cache, max-age=0)
def saved_search_feed(request, token: str):
    return SavedSearchFeed()(request, token=token)
