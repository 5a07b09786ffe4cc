from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from .visibility import visible_pages


def localized_root(site):
    """The site's home page in the active language: its translation when one is visible, else the home page
    itself (no query in the default language, one otherwise)."""
    root = site.root_page
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return root
    translated = (
        visible_pages(Page.objects.filter(translation_key=root.translation_key))
        .filter(locale__language_code=language)
        .first()
    )
    return translated or root


def navigation(request):
    """Top-level menu: the visible, in-menu children of the current site's home page in the active language (one
    query: the menu shows titles and URLs, which the base page rows have)."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": []}
    root = localized_root(site)
    return {"nav_root": root, "nav_pages": visible_pages(root.get_children()).in_menu()}
