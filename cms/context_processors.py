from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from .routing import frame_menu
from .visibility import visible_pages


def localized_root(site, request=None):
    """The site's home page in the active language: its translation when one is visible, else the home page
    itself. No query in the default language, nor for a page whose route cached its ancestors (cms/routing.py);
    one otherwise."""
    root = site.root_page
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return root
    home = _routed_home(request, root)
    if home is not None:
        return home
    translated = (
        visible_pages(Page.objects.filter(translation_key=root.translation_key))
        .filter(locale__language_code=language)
        .first()
    )
    return translated or root


def _routed_home(request, root):
    """The home page among the served page's cached ancestors, when it is a translation of the site's root."""
    route = getattr(request, "_wagtail_route_for_request", None) if request is not None else None
    node = route.page if route else None
    while node is not None and node.depth > root.depth:
        node = getattr(node, "_cached_parent_obj", None)
    if node is not None and node.depth == root.depth and node.translation_key == root.translation_key:
        return node
    return None


def navigation(request):
    """Top-level menu: the visible, in-menu children of the current site's home page in the active language (read
    with a served page's route, cms/routing.py; one query elsewhere: the menu shows titles and URLs, which the base
    page rows have)."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": []}
    root = localized_root(site, request)
    menu = frame_menu(request, root)
    return {
        "nav_root": root,
        "nav_pages": visible_pages(root.get_children()).in_menu() if menu is None else menu,
    }
