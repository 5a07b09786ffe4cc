"""{% related_content page %}: "Related projects / webinars / resources" under a page, from the knowledge index.

The page model only declares which types it relates to (`related_types`, `related_limit`); the query side fills
the list here, in one query per page (search/related.py), so the content model never imports search.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from search.related import related_to_page

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
    groups = related_to_page(
        page.pk, types=types, limit=getattr(page, "related_limit", 4), request=context.get("request")
    )
    return {
        "related": [
            {"heading": HEADINGS.get(content_type, content_type), "items": groups[content_type]}
            for content_type in types
            if groups.get(content_type)
        ]
    }
