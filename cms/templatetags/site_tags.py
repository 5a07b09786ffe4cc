"""Template helpers of the site's pages."""

from django import template

from cms.routing import ancestors

register = template.Library()


@register.simple_tag
def breadcrumb_pages(page) -> list:
    """The page's ancestors from the site's home page down to its parent (no query when the page was routed by
    cms/routing.py, which caches each parent)."""
    return ancestors(page)
