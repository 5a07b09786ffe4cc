"""A member's saved searches: the words and filters of a search (as search/params.py reads them), sent in the
weekly digest (community/digests.py) and readable as a private Atom feed (community/feeds.py).

Both carry **public content only**: the saved search runs as an anonymous visitor (`cms.visibility.ANONYMOUS`,
the search service's default viewer), and its results are checked once more against `visible_pages` /
`visible_documents`, so a member's spaces never reach a feed, whose address is a capability anyone holding it can
read, nor an email. The feed's address carries an unguessable token (`secrets.token_urlsafe(32)`); a new one
revokes the old address.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.utils.datastructures import MultiValueDict
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.visibility import visible_documents, visible_pages
from search.params import FILTER_PARAMS, parse_search_params
from search.service import SearchQuery, search
from search.syntax import without_control_characters

from .models import SavedSearch

# The parameters a saved search keeps besides q: the filters, the locale searched and the mode.
KEPT_PARAMS = (*FILTER_PARAMS, "locale", "mode")
MAX_RESULTS = 50


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


def kept_params(params: MultiValueDict) -> dict[str, list[str]]:
    return {key: values for key in KEPT_PARAMS if (values := [v for v in params.getlist(key) if v])}


def search_query(saved: SavedSearch, *, page_size: int = MAX_RESULTS) -> SearchQuery:
    """The saved search as an anonymous visitor's search (the default viewer), checked by the search page's
    parser (a SearchError for values it would refuse)."""
    params = MultiValueDict({**saved.filters, "q": [saved.query]})
    query = parse_search_params(
        params,
        max_page_size=MAX_RESULTS,
        default_page_size=page_size,
        default_locale=saved.locale,
        language=saved.locale,
    )
    return dataclasses.replace(query, facets=False, answer=False, spelling=False)


def shown_name(text: str) -> str:
    """A name is only shown, never searched: control characters (a NUL byte, which PostgreSQL refuses) become
    spaces, as syntax.without_control_characters does for the search log, and it is cut to the field's length."""
    return without_control_characters(text)[: SavedSearch._meta.get_field("name").max_length]


def save_search(*, user, name: str, params: MultiValueDict, locale: str) -> SavedSearch:
    """Save the search of these request parameters (q and the filters); a SearchError if the search page would
    refuse them."""
    saved = SavedSearch(
        user=user,
        name=shown_name(name) or shown_name(params.get("q", "")),
        # Not cut short: the search page's own check (search_query below) refuses what it would refuse.
        query=params.get("q", "").strip(),
        filters=kept_params(params),
        locale=locale if locale in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        feed_token=new_feed_token(),
    )
    search_query(saved)
    saved.save()
    return saved


def rename(*, saved: SavedSearch, name: str) -> SavedSearch:
    saved.name = shown_name(name) or saved.name
    saved.save(update_fields=["name"])
    return saved


def new_feed_address(*, saved: SavedSearch) -> SavedSearch:
    """A new token: the old feed address stops working at once."""
    saved.feed_token = new_feed_token()
    saved.save(update_fields=["feed_token"])
    return saved


def delete(*, saved: SavedSearch) -> None:
    saved.delete()


@dataclass(frozen=True)
class Item:
    title: str
    url: str  # a path on the site (or an address of another of its sites)
    published: dt.datetime
    summary: str


def public_results(saved: SavedSearch, *, since: dt.datetime | None = None, until: dt.datetime | None = None):
    """What an anonymous visitor finds with the saved search, newest first: pages by first publication,
    documents by upload; with `since` / `until`, only what appeared after / up to then."""
    response = search(search_query(saved))
    results = [result for result in response.results if result.url]
    pages = dict(
        visible_pages(Page.objects.filter(pk__in=[r.page_id for r in results if r.page_id])).values_list(
            "pk", "first_published_at"
        )
    )
    documents = dict(
        visible_documents(
            get_document_model().objects.filter(pk__in=[r.document_id for r in results if r.document_id])
        ).values_list("pk", "created_at")
    )
    items = []
    for result in results:
        if result.page_id:
            published = pages.get(result.page_id)
        elif result.document_id:
            published = documents.get(result.document_id)
        else:  # an organization's profile: a record, not news
            continue
        if published is None or (since and published <= since) or (until and published > until):
            continue
        summary = result.passages[0].text if result.passages else ""
        items.append(Item(title=result.title, url=result.url, published=published, summary=summary))
    items.sort(key=lambda item: item.published, reverse=True)
    return items


def since_last_digest(saved: SavedSearch) -> dt.datetime:
    return saved.last_sent_at or saved.created_at
