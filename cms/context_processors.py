from wagtail.models import Site


def navigation(request):
    """Top-level menu: the live, public, in-menu children of the current site's home page."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": []}
    root = site.root_page
    return {"nav_root": root, "nav_pages": root.get_children().live().public().in_menu().specific()}
