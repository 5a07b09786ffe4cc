"""Who may see what: the one definition of "visible to an anonymous visitor", for pages, documents and images.

- A **page** is visible when it is live and neither it nor an ancestor carries a view restriction: Wagtail's own
  ``live().public()`` rule (``Page.get_view_restrictions()`` for one page), over restrictions read once per
  read-only request.
- A **collection** is private when it or an ancestor carries a view restriction (Wagtail's
  ``Collection.get_view_restrictions()``). Images and documents in private collections are never visible.
- An **organization profile** (the partner directory's route /partners/<slug>/) is visible when a partner
  directory page is visible; organizations are public records (they exist once the Secretariat accepted them).
- A **document** outside private collections is visible when no page uses it (neither a page's published version,
  from Wagtail's reference index, nor a page's latest revision, from `DraftReference`), or when at least one
  visible page's published version uses it. So a report attached to a private page, or only to an unpublished
  draft, stays hidden until a live, public page uses it.

Everything that shows content to anonymous visitors goes through this module: the site's listings, the API
(pages, documents, images and the relations inside them), search and suggestions (the SQL forms, checked on every
query so nothing leaks in the window before the index catches up), related content, feeds and sitemaps. The SQL
forms are not written by hand: they are the querysets below, compiled with the object id taken from an outer
query's column, so the two forms cannot drift apart (tests/cms/test_visibility.py checks that they agree on random
trees).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Exists, IntegerField, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length, Substr
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex


def _draft_references():
    # By name: this module is imported by the page models' API fields, so it cannot import cms.models.
    return apps.get_model("cms", "DraftReference").objects


# --- Restrictions, read once per read-only request ---------------------------------------------------------------

_restrictions: ContextVar[dict | None] = ContextVar("visibility_restrictions", default=None)


@contextlib.contextmanager
def restrictions_read_once():
    """Within the block, the (few) view restrictions are read from the database once instead of at every use.

    For read-only requests only (config/middleware.py opens it for GET and HEAD): a request that adds a
    restriction, and the index sync it triggers, must see the new one. Re-entrant: an inner block keeps the outer
    block's reads."""
    if _restrictions.get() is not None:
        yield
        return
    token = _restrictions.set({})
    try:
        yield
    finally:
        _restrictions.reset(token)


def _read(kind: str, load):
    memo = _restrictions.get()
    if memo is None:
        return load()
    if kind not in memo:
        memo[kind] = load()
    return memo[kind]


def _restrictions_of_both_kinds() -> tuple[list[Page], list[str]]:
    """Page and collection view restrictions, in one statement: (restricted pages, restricted collection paths)."""
    pages = PageViewRestriction.objects.values_list(
        Value("page", output_field=CharField()), "page_id", "page__path", "page__depth"
    )
    # Every private collection: restricted itself or inside one (its path starts with a restricted one's), so the
    # ids a template checks documents against come with the restrictions, in the same statement.
    collections = Collection.objects.filter(
        Exists(
            CollectionViewRestriction.objects.filter(
                collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
            )
        )
    ).values_list(
        Value("collection", output_field=CharField()),
        "pk",
        "path",
        Value(None, output_field=IntegerField()),
    )
    rows = list(pages.union(collections, all=True))
    return (
        [Page(pk=pk, path=path, depth=depth) for kind, pk, path, depth in rows if kind == "page"],
        [(pk, path) for kind, pk, path, _ in rows if kind == "collection"],
    )


def restricted_pages() -> list[Page]:
    """The pages that carry a view restriction (with path and depth: what descendant_of_q needs)."""
    return _read("restrictions", _restrictions_of_both_kinds)[0]


def restricted_collection_paths() -> list[str]:
    """The paths of the private collections (restricted, or inside a restricted one)."""
    return [path for _pk, path in _read("restrictions", _restrictions_of_both_kinds)[1]]


# --- Pages --------------------------------------------------------------------------------------------------------


def private_pages_q() -> Q:
    """Pages in a private section: Wagtail's ``PageQuerySet.private_q`` (a restricted page and its descendants,
    by Wagtail's own ``descendant_of_q``), over the restrictions read once per request."""
    q = Q()
    for restricted in restricted_pages():
        q |= Page.objects.descendant_of_q(restricted, inclusive=True)
    return q


def visible_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Live pages outside view restrictions: Wagtail's ``live().public()``."""
    pages = (queryset if queryset is not None else Page.objects.all()).live()
    private = private_pages_q()
    return pages.exclude(private) if private else pages


def page_is_visible(page: Page) -> bool:
    """One page: live, and neither it nor an ancestor restricted (Wagtail's ``get_view_restrictions()``)."""
    return page.live and not under_restriction(page)


def under_restriction(page: Page) -> bool:
    """The page or an ancestor carries a view restriction (by tree path: an alias's source is not looked at)."""
    return any(
        page.path.startswith(restricted.path) and page.depth >= restricted.depth
        for restricted in restricted_pages()
    )


# --- Organization profiles ----------------------------------------------------------------------------------------


def visible_directories() -> QuerySet:
    """The partner directory pages that are visible: an organization's profile is public when one of them is (the
    profiles are its routes, /partners/<slug>/). Organizations themselves are public records."""
    return visible_pages(apps.get_model("cms", "PartnerDirectoryPage").objects.all())


def organization_profiles_visible_sql() -> tuple[str, list]:
    """SQL true when organization profiles are public (a visible directory page exists)."""

    def build():
        sql, params = visible_directories().values("pk").query.sql_with_params()
        return f"EXISTS ({sql})", list(params)

    return _compiled_sql("profiles", "", build)


# --- Collections, images, documents --------------------------------------------------------------------------------


def private_collection_ids() -> frozenset[int]:
    """Collections with a view restriction and those inside them, read once per request: what a template needs to
    leave out a document it holds (a page's attachment, a block, a webinar's slides) without a query per item."""

    return frozenset(pk for pk, _path in _read("restrictions", _restrictions_of_both_kinds)[1])


def in_public_collection(item) -> bool:
    """A document or an image outside private collections (`visible_images`' rule for one loaded image)."""
    return item is not None and item.collection_id not in private_collection_ids()


def private_collections_q(prefix: str = "collection__") -> Q:
    """Objects whose collection is, or is inside, a collection with a view restriction (Wagtail's
    ``Collection.get_view_restrictions()`` looks at the collection and its ancestors)."""
    q = Q()
    for path in restricted_collection_paths():
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def _outside_private_collections(queryset: QuerySet) -> QuerySet:
    private = private_collections_q()
    return queryset.exclude(private) if private else queryset


def visible_images(queryset: QuerySet | None = None) -> QuerySet:
    """Images outside private collections."""
    images = queryset if queryset is not None else get_image_model().objects.all()
    return _outside_private_collections(images)


def _document_uses():
    """Reference-index rows of pages (their published version) that use the outer query's document."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=Cast(OuterRef("pk"), output_field=CharField()),
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def _used_visibly() -> Q:
    """The outer query's document is used by no page (published version or latest revision), or by a visible page's
    published version."""
    uses = _document_uses()
    used_by_visible_page = uses.annotate(page_pk=Cast("object_id", output_field=BigIntegerField())).filter(
        Exists(visible_pages().filter(pk=OuterRef("page_pk")))
    )
    drafts = _draft_references().filter(document=OuterRef("pk"))
    unused = ~Exists(uses) & ~Exists(drafts)
    return unused | Exists(used_by_visible_page)


def visible_documents(queryset: QuerySet | None = None) -> QuerySet:
    """Documents outside private collections that no page uses, or that a visible page's published version uses."""
    documents = queryset if queryset is not None else get_document_model().objects.all()
    return _outside_private_collections(documents).filter(_used_visibly())


def document_is_visible(document) -> bool:
    return visible_documents().filter(pk=document.pk).exists()


def document_use_is_visible(document) -> bool:
    """The pages' half of the rule alone (collections aside): no page uses the document, or a visible page does.
    Serving a file checks it after Wagtail's collection restrictions, which a signed-in visitor may have passed."""
    return get_document_model().objects.filter(pk=document.pk).filter(_used_visibly()).exists()


# --- What pages use -----------------------------------------------------------------------------------------------


def pages_using_document(document_id: int) -> list[int]:
    """Pages whose published version uses the document (Wagtail's reference index)."""
    ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=str(document_id),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return sorted({int(pk) for pk in ids})


def documents_used_by_page(page_id: int, *, drafts: bool = False) -> list[int]:
    """Documents the page's published version uses; with ``drafts``, also those of its latest revision."""
    ids = {
        int(pk)
        for pk in ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page_id),
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
        ).values_list("to_object_id", flat=True)
    }
    if drafts:
        ids.update(_draft_references().filter(page_id=page_id).values_list("document_id", flat=True))
    return sorted(ids)


# --- SQL forms ----------------------------------------------------------------------------------------------------


def _exists_sql(queryset: QuerySet, outer_id_sql: str) -> tuple[str, list]:
    """``EXISTS (<queryset> restricted to pk = outer_id_sql)`` as SQL text and parameters."""
    inner = queryset.filter(pk=RawSQL(outer_id_sql, [])).values("pk")
    sql, params = inner.query.sql_with_params()
    return f"EXISTS ({sql})", list(params)


# Compiled SQL forms by (form, outer column, database, the restrictions they were compiled over). Compiling the
# querysets costs milliseconds per search; the restrictions are read fresh each time (one small query, or none
# within restrictions_read_once), so a new restriction gives a new key at once: nothing stale is ever served.
_compiled: dict[tuple, tuple[str, list]] = {}
_COMPILED_MAX = 256


def _compiled_sql(form: str, outer_sql: str, build) -> tuple[str, list]:
    from django.db import connection

    pages, collection_paths = _read("restrictions", _restrictions_of_both_kinds)
    key = (
        form,
        outer_sql,
        connection.settings_dict["NAME"],
        tuple((page.pk, page.path, page.depth) for page in pages),
        tuple(collection_paths),
    )
    found = _compiled.get(key)
    if found is None:
        if len(_compiled) >= _COMPILED_MAX:
            _compiled.clear()
        found = _compiled[key] = build()
    return found[0], list(found[1])


def page_visible_sql(page_id_sql: str) -> tuple[str, list]:
    """SQL true when the page whose id is the expression ``page_id_sql`` (e.g. ``s.page_id``) is visible."""
    return _compiled_sql("page", page_id_sql, lambda: _exists_sql(visible_pages(), page_id_sql))


def document_visible_sql(document_id_sql: str) -> tuple[str, list]:
    """SQL true when the document whose id is the expression ``document_id_sql`` is visible."""
    return _compiled_sql(
        "document", document_id_sql, lambda: _exists_sql(visible_documents(), document_id_sql)
    )
