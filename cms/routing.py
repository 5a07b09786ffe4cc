"""Serving a page in a few queries: the route found by URL path in one query, the page and what its template
shows fetched together.

Wagtail's own routing walks the tree one level at a time (a child query and a `.specific` query per path
component), then the template loads each relation separately: 30 to 45 statements for a project page. Here the
`wagtail_serve` view first resolves the route itself, with Wagtail's own rules, and hands it to Wagtail through
the per-request cache Wagtail reads (`request._wagtail_route_for_request`, see Page.route_for_request):

- the pages whose `url_path` is a prefix of the request path, in one statement: the deepest is the page, the others are
  its ancestors (set as each page's cached parent, so breadcrumbs and `get_parent()` cost nothing);
- that page's specific row with the relations its template shows (`view_select_related`, `view_prefetch_related` on
  the page model), in a few set-based queries;
- in the same statement, what the frame around every page shows (`PageFrame`): the main menu (the home page's
  children in the menu) and the language switcher's pages (the translations of the chain's pages);
- its view restrictions, which Wagtail's view check asks for (two queries), answered from the chain and the
  restrictions read once per request when there can be none;
- the path components beyond the deepest page (none or more) go to that page's own `route()`: RoutablePageMixin
  routes work, its "" route included, and a page that is not live is a 404, exactly as in Wagtail.

Everything else (restricted pages, `before_serve_page` hooks, previews) is Wagtail's own `serve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.views import serve as wagtail_serve

from cms.visibility import page_is_visible, restricted_pages, under_restriction


def _site_root_path(request) -> str | None:
    """The root path of the request's site (in the active language's tree when there are several)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    if not roots:
        return None
    language = translation.get_language()
    for root in roots:
        if root.language_code == language:
            return root.root_path
    return roots[0].root_path


def view_queryset(model):
    """The page model's rows with what its template shows (declared on the model)."""
    queryset = model.objects.all()
    select = getattr(model, "view_select_related", ())
    if select:
        queryset = queryset.select_related(*select)
    prefetch = getattr(model, "view_prefetch_related", None)
    if prefetch is not None:
        lookups = prefetch() if callable(prefetch) else prefetch
        queryset = queryset.prefetch_related(*lookups)
    return queryset


def route(request, path: str):
    """Wagtail's route for `path` on the request's site: (page, args, kwargs), or None for a 404."""
    root_path = _site_root_path(request)
    if root_path is None:
        return None
    components = [component for component in path.split("/") if component]
    candidates = [
        root_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)
    ]
    rows = list(
        Page.objects.filter(
            Q(url_path__in=candidates)
            # The frame around the page, in the same statement: the translations of the chain's pages (the language
            # switcher's) and the home page's children in the menu (a child's url_path is its parent's plus a slug).
            | Q(translation_key__in=Page.objects.filter(url_path__in=candidates).values("translation_key"))
            | Q(url_path__regex=f"^{re.escape(root_path)}[^/]+/$", show_in_menus=True)
        )
        .select_related("locale")
        .order_by("depth", "path")
    )
    chain = [row for row in rows if row.url_path in candidates]
    # Only an unbroken chain from the site root counts (as Wagtail's walk down the tree would find it).
    found = []
    for expected, page in zip(candidates, chain, strict=False):
        if page.url_path != expected:
            break
        found.append(page)
    if not found:
        return None
    chain_keys = {row.translation_key for row in chain}
    request._page_frame = PageFrame(
        menu_parent=root_path,
        menu=[row for row in rows if row.show_in_menus and _is_child_path(row.url_path, root_path)],
        translation_keys=chain_keys,
        translations=[row for row in rows if row.translation_key in chain_keys and page_is_visible(row)],
    )
    deepest = found[-1]
    page = view_queryset(deepest.specific_class or Page).filter(pk=deepest.pk).first()
    if page is None:
        return None
    # Ancestors as cached parents (treebeard's get_parent() reads _cached_parent_obj).
    chain = [*found[:-1], page]
    for parent, child in zip(chain, chain[1:], strict=False):
        child._cached_parent_obj = parent
    if not _may_be_restricted(chain):
        # Wagtail's view check (its before_serve_page hook) asks the page for its restrictions: two queries (the
        # ancestors, then their restrictions), for an answer the chain and this request's restrictions give.
        page.get_view_restrictions = PageViewRestriction.objects.none
    remaining = components[len(found) - 1 :]
    try:
        # Always the page's own route(), as Wagtail's walk ends: with no components left it is a 404 unless live,
        # and a routable page (RoutablePageMixin) resolves its "" route there.
        return page.route(request, remaining)
    except Http404:
        return None


@dataclass
class PageFrame:
    """What templates/base.html shows around a served page, read with its route: the main menu and the language
    switcher's pages. Read by cms/context_processors.py and cms/templatetags/site_tags.py through `frame_menu`
    and `frame_translations`, which answer None for anything else (a search page, a preview): they query then."""

    menu_parent: str  # the url_path of the home page whose children the menu lists
    menu: list  # its children with show_in_menus (visible or not), by path
    translation_keys: set  # those of the chain's pages
    translations: list  # the visible pages of these translation keys, with their locale


def frame_menu(request, root) -> list | None:
    """The main menu under `root` (its visible children in the menu), when the route read it."""
    frame = getattr(request, "_page_frame", None)
    if frame is None or frame.menu_parent != root.url_path:
        return None
    return [page for page in frame.menu if page_is_visible(page)]


def frame_translations(request, translation_keys) -> list | None:
    """The visible pages of these translation keys with their locale, when the route read them all."""
    frame = getattr(request, "_page_frame", None)
    if frame is None or not set(translation_keys) <= frame.translation_keys:
        return None
    return [page for page in frame.translations if page.translation_key in translation_keys]


def _is_child_path(url_path: str, parent_url_path: str) -> bool:
    return url_path.startswith(parent_url_path) and url_path.count("/") == parent_url_path.count("/") + 1


def _may_be_restricted(chain: list) -> bool:
    """Wagtail's Page.get_view_restrictions() could find a restriction for the last page of the chain (the site root
    down to it): some page carries one, and it is on the chain's path or the chain has an alias (whose source's
    restrictions apply, wherever the source is)."""
    if not restricted_pages():
        return False
    return any(page.alias_of_id for page in chain) or under_restriction(chain[-1])


def serve(request, path):
    """Wagtail's serve view, with the route resolved by `route()` first."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)


def ancestors(page) -> list:
    """A page's ancestors below the tree root, from the cached parents the route set (a query otherwise)."""
    chain = []
    current = getattr(page, "_cached_parent_obj", None)
    while current is not None and current.depth > 1:
        chain.append(current)
        current = getattr(current, "_cached_parent_obj", None)
    if chain and chain[-1].depth == 2:
        return list(reversed(chain))
    return list(page.get_ancestors().filter(depth__gt=1))
