"""The head metadata of every page (templates/includes/head_meta.html): cms/outputs/seo.py for pages, the feeds
for all."""

from django import template
from django.urls import reverse

from cms.outputs.feeds import FEEDS
from cms.outputs.seo import page_metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def head_meta(context) -> dict:
    request = context.get("request")
    page = context.get("page")
    meta = {"feeds": [(reverse(f"feed-{name}"), feed.title) for name, feed in FEEDS.items()]}
    if request is None or page is None or not getattr(page, "pk", None) or page.depth < 2:
        return meta
    meta.update(page_metadata(page, request))
    if request.path != page.url:  # a page's own sub-route (a task force's join form) is its own URL
        meta["canonical"] = request.build_absolute_uri(request.path)
    if getattr(page, "content_type_label", "") in ("webinar", "event"):
        meta["calendar"] = page.url + "calendar.ics"
    return meta
