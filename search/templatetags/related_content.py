"""{% related_content page %}: the editor's "See also" links, then "Related projects / webinars / resources" under a
page, from the knowledge index (without the pages already linked).

The page model only declares which types it relates to (`related_types`, `related_limit`); the query side fills
the list here, in one query per page (search/related.py), so the content model never imports search.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from cms.visibility import viewer_of
from search.related import LINKS_GROUP, links_of, related_to_page

register = template.Library()

HEADINGS = {
    "project": _("Related projects"),
    "webinar": _("Related webinars"),
    "resource": _("Related resources"),
    "event": _("Related events"),
}


@register.inclusion_tag("includes/related.html", takes_context=True)
def related_content(context, page):
    types = tuple(getattr(page, "related_types", ()))
    if not types or not getattr(page, "pk", None):
        return {"related": []}
    request = context.get("request")
    # The editor's "See also" links (visible pages, as saved) come in the same statement as the neighbours.
    groups = related_to_page(
        page.pk,
        types=types,
        limit=getattr(page, "related_limit", 4),
        request=request,
        links=links_of(page),
        viewer=viewer_of(getattr(request, "user", None)),
    )
    links = [item for item in groups.get(LINKS_GROUP, []) if item.url]
    linked = {item.page_id for item in links}
    automatic = [
        {
            "heading": HEADINGS.get(content_type, content_type),
            "items": [item for item in groups[content_type] if item.page_id not in linked],
        }
        for content_type in types
        if groups.get(content_type)
    ]
    return {"related": ([{"heading": _("See also"), "items": links}] if links else []) + automatic}
