from wagtail.models import Site

from .visibility import visible_pages


def navigation(request):
    """Top-level menu: the visible, in-menu children of the current site's home page (one query: the menu shows
    titles and URLs, which the base page rows have)."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": []}
    root = site.root_page
    return {"nav_root": root, "nav_pages": visible_pages(root.get_children()).in_menu()}
