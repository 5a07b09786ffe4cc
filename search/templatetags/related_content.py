"""{% related_content page %}: the editor's "See also" links, then "Related projects / webinars / resources" under a
page, from the knowledge index (without the pages already linked).

The page model only declares which types it relates to (`related_types`, `related_limit`); the query side fills
the list here, in one query per page (search/related.py), so the content model never imports search.
"""

from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.visibility import visible_pages
from search.related import related_to_page

register = template.Library()

HEADINGS = {
    "project": _("Related projects"),
    "webinar": _("Related webinars"),
    "resource": _("Related resources"),
    "event": _("Related events"),
}


def see_also(page, request) -> list[dict]:
    """The editor's "See also" links (`related_pages`), visible pages only: the page view prefetches them that
    way (cms/routing.py); anywhere else (previews) they are filtered here."""
    if not hasattr(page, "related_pages"):
        return []
    if "related_pages" in getattr(page, "_prefetched_objects_cache", {}):
        pages = list(page.related_pages.all())
    else:
        ids = [linked.pk for linked in page.related_pages.all()]
        pages = list(visible_pages(Page.objects.filter(pk__in=ids)).order_by("title")) if ids else []
    links = []
    for linked in pages:
        url = linked.get_url(request)
        if url:
            links.append({"page_id": linked.pk, "title": linked.title, "url": url, "type": "", "snippet": ""})
    return links


@register.inclusion_tag("includes/related.html", takes_context=True)
def related_content(context, page):
    types = tuple(getattr(page, "related_types", ()))
    if not types or not getattr(page, "pk", None):
        return {"related": []}
    request = context.get("request")
    links = see_also(page, request)
    linked = {link["page_id"] for link in links}
    groups = related_to_page(page.pk, types=types, limit=getattr(page, "related_limit", 4), request=request)
    automatic = [
        {
            "heading": HEADINGS.get(content_type, content_type),
            "items": [item for item in groups[content_type] if item.page_id not in linked],
        }
        for content_type in types
        if groups.get(content_type)
    ]
    return {"related": ([{"heading": _("See also"), "items": links}] if links else []) + automatic}
