"""Template helpers of the site's pages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from cms.identity import SITE_NAME
from cms.routing import ancestors, frame_translations
from cms.visibility import in_public_collection

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The site's name (cms/identity.py), also on the error pages: no request, no database."""
    return SITE_NAME


@register.filter(needs_autoescape=True)
def with_site_name(title: str, autoescape: bool = True) -> str:
    """The head's title: "Page title | Site name", or the site's name alone when the page has no title of its
    own or is titled with the site's name (the home page)."""
    title = " ".join(str(title).split())
    escape = conditional_escape if autoescape else str
    name = escape(SITE_NAME)
    return mark_safe(name if not title or title == name else f"{title} | {name}")


@register.simple_tag
def breadcrumb_pages(page) -> list:
    """The page's live ancestors from the site's home page down to its parent (no query when the page was routed by
    cms/routing.py, which caches each parent). An unpublished section is left out: its link would be a 404 and its
    title is no longer the editors' to show."""
    return [ancestor for ancestor in ancestors(page) if ancestor.live]


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per site language for the language switcher and the hreflang alternates: {code, name, url,
    current, translated}. On a page: its translation in that language when one is visible, else that language's
    home page (`translated` False: the switcher says so). Elsewhere (search, forms): the same address under that
    language's prefix. No query on a served page (its route read the translations, cms/routing.py), one on a preview,
    none elsewhere."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if request is None:
        return []
    key = (getattr(page, "pk", None), current)
    cached = getattr(request, "_language_links", None)
    if cached and cached[0] == key:  # the head's alternates and the switcher: computed once
        return cached[1]
    targets: dict[str, tuple[str, bool]] = {}
    if isinstance(page, Page) and page.pk:
        targets = _page_targets(page, request)
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            url, translated = targets.get(code, ("", False))
        else:
            url, translated = translate_url(request.get_full_path(), code), True
        if url:
            links.append(
                {"code": code, "name": name, "url": url, "current": code == current, "translated": translated}
            )
    request._language_links = (key, links)
    return links


def _page_targets(page, request) -> dict[str, tuple[str, bool]]:
    from cms.visibility import visible_pages

    site = Site.find_for_request(request)
    keys = [page.translation_key]
    root = site.root_page if site else None
    if root is not None:
        keys.append(root.translation_key)
    rows = frame_translations(request, keys)
    if rows is None:
        rows = visible_pages(Page.objects.filter(translation_key__in=keys)).select_related("locale")
    targets: dict[str, tuple[str, bool]] = {}
    homes: dict[str, str] = {}
    for row in rows:
        url = row.get_url(request)
        if not url:
            continue
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            targets[code] = (url, True)
        else:
            homes[code] = url
    for code, url in homes.items():
        targets.setdefault(code, (url, False))
    # The page being shown is its own language's link, visible to everyone or not (a page behind a password).
    own_url = page.get_url(request)
    if own_url:
        targets[translation.get_language()] = (own_url, True)
    return targets


@register.filter
def public_documents(attachments) -> list:
    """A page's attached documents (rows with a `.document`) without those of a private collection: their title
    is not for visitors either (the API leaves them out the same way, cms/visibility.py)."""
    return [item for item in attachments if in_public_collection(item.document)]


@register.filter
def is_public_document(document) -> bool:
    return in_public_collection(document)
