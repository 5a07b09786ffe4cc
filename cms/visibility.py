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

- **Who is asking** (a ``Viewer``: anonymous, or signed in with a set of groups, or a superuser). A signed-in
  viewer also passes the "login" restrictions, and the "groups" restrictions of any group they belong to
  (superusers pass every one, as Wagtail lets them through); nobody passes a "password" restriction here (those
  pages stay out of search altogether). Every function below takes ``viewer`` and defaults to the anonymous one.
- An **audience** (``Audience``) is the same rule stored with an item in the knowledge index: the restrictions on
  its path (a page's own and its ancestors', a collection's and its ancestors'), all of which must be passed.
  ``page_audience`` / ``document_audience`` compute it from the restrictions read here, so the stored audience and
  the query-time checks cannot disagree (tests/consistency/test_audience.py checks them against each other).

Everything that shows content to anonymous visitors goes through this module: the site's listings, the API
(pages, documents, images and the relations inside them), search and suggestions (the SQL forms, checked on every
query so nothing leaks in the window before the index catches up), related content, feeds and sitemaps. The SQL
forms are not written by hand: they are the querysets below, compiled with the object id taken from an outer
query's column, so the two forms cannot drift apart (tests/cms/test_visibility.py checks that they agree on random
trees).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
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


# --- Who is asking, and who may see an item ------------------------------------------------------------------------

SIGNED_IN = 0  # in an audience clause: "anyone signed in" (group ids start at 1)


@dataclass(frozen=True)
class Viewer:
    """Who is asking: anonymous (the default), or signed in with the ids of their groups; a superuser passes
    every login and groups restriction (as Wagtail lets them through). Plain data: it travels to the search's
    helper threads and keys the compiled SQL."""

    signed_in: bool = False
    groups: frozenset[int] = frozenset()
    superuser: bool = False

    @property
    def anonymous(self) -> bool:
        return not self.signed_in

    def passes(self, restriction_type: str, groups: frozenset[int]) -> bool:
        """Whether this viewer passes one view restriction (a password one never: it is asked per session)."""
        if restriction_type == PageViewRestriction.LOGIN:
            return self.signed_in
        if restriction_type == PageViewRestriction.GROUPS:
            return self.superuser or (self.signed_in and bool(self.groups & groups))
        return False


ANONYMOUS = Viewer()


def viewer_of(user) -> Viewer:
    """The viewer a request's user is: their groups read once per user object (one small query)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    viewer = getattr(user, "_visibility_viewer", None)
    if viewer is None:
        groups = frozenset(user.groups.values_list("pk", flat=True))
        viewer = user._visibility_viewer = Viewer(signed_in=True, groups=groups, superuser=user.is_superuser)
    return viewer


@dataclass(frozen=True)
class Audience:
    """Who may see an item, as the restrictions on its path say: every clause must be met, and a clause (a set of
    group ids) is met by a member of one of its groups, SIGNED_IN meaning anyone signed in. No clause: public.

    A groups restriction under a login restriction is the groups alone (a member is signed in); two groups
    restrictions at different depths are two clauses (one group of each); a clause that contains another is
    dropped (the smaller one is stricter). Stored in the index as `tokens()`: "0" for signed in, "3,7" for
    the groups 3 or 7."""

    clauses: frozenset[frozenset[int]] = frozenset()

    @classmethod
    def of(cls, clauses: Iterable[Iterable[int]]) -> Audience:
        found = {frozenset({SIGNED_IN}) if SIGNED_IN in c else frozenset(c) for c in map(frozenset, clauses)}
        kept = {c for c in found if not any(other < c for other in found)}
        if len(kept) > 1:
            kept.discard(frozenset({SIGNED_IN}))  # every groups clause asks for a signed-in member already
        return cls(frozenset(kept))

    @classmethod
    def from_tokens(cls, tokens: Iterable[str]) -> Audience:
        return cls.of({int(pk) for pk in token.split(",") if pk} for token in tokens)

    @property
    def public(self) -> bool:
        return not self.clauses

    def __and__(self, other: Audience) -> Audience:
        """Both audiences' restrictions hold (nested restrictions, a collection and the pages using its
        document)."""
        return Audience.of([*self.clauses, *other.clauses])

    def __or__(self, other: Audience) -> Audience:
        """Either audience may see it (a document used by several pages is seen through any of them)."""
        if self.public or other.public:
            return PUBLIC
        return Audience.of(a | b for a in self.clauses for b in other.clauses)

    def tokens(self) -> list[str]:
        return sorted(",".join(str(pk) for pk in sorted(clause)) for clause in self.clauses)

    def admits(self, viewer: Viewer) -> bool:
        if viewer.superuser:
            return True
        if not viewer.signed_in:
            return self.public
        member_of = viewer.groups | {SIGNED_IN}
        return all(clause & member_of for clause in self.clauses)


PUBLIC = Audience()


@dataclass(frozen=True)
class Restriction:
    """A page or collection view restriction as read once per request: where it is, its type, its groups."""

    kind: str  # "page" or "collection"
    object_id: int
    path: str
    depth: int | None
    type: str
    groups: frozenset[int]

    def audience(self) -> Audience | None:
        """Who passes it; None for a password restriction (never in the index)."""
        if self.type == PageViewRestriction.LOGIN:
            return Audience.of([{SIGNED_IN}])
        if self.type == PageViewRestriction.GROUPS:
            return Audience.of([self.groups])
        return None

    def covers(self, path: str) -> bool:
        return path.startswith(self.path)


def _restrictions_of_both_kinds() -> list[Restriction]:
    """Page and collection view restrictions with their groups, and the private collections ("private" rows: the
    restricted ones and those inside them), in one statement."""

    def groups_of(model):
        through = model.groups.through
        owner = next(f.attname for f in through._meta.fields if f.related_model is model)
        return ArraySubquery(through.objects.filter(**{owner: OuterRef("pk")}).order_by().values("group_id"))

    pages = PageViewRestriction.objects.annotate(group_ids=groups_of(PageViewRestriction)).values_list(
        Value("page", output_field=CharField()),
        "page_id",
        "page__path",
        "page__depth",
        "restriction_type",
        "group_ids",
    )
    collections = CollectionViewRestriction.objects.annotate(
        group_ids=groups_of(CollectionViewRestriction)
    ).values_list(
        Value("collection", output_field=CharField()),
        "collection_id",
        "collection__path",
        Value(None, output_field=IntegerField()),
        "restriction_type",
        "group_ids",
    )
    # Every private collection (restricted itself or inside one: its path starts with a restricted one's), so the
    # ids a template checks documents against come with the restrictions, in the same statement.
    private = Collection.objects.filter(
        Exists(
            CollectionViewRestriction.objects.filter(
                collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
            )
        )
    ).values_list(
        Value("private", output_field=CharField()),
        "pk",
        "path",
        Value(None, output_field=IntegerField()),
        Value("", output_field=CharField()),
        Value(None, output_field=ArrayField(IntegerField())),
    )
    rows = sorted(pages.union(collections, private, all=True), key=lambda row: (row[0], row[2], row[1]))
    return [
        Restriction(kind, pk, path, depth, restriction_type, frozenset(group_ids or ()))
        for kind, pk, path, depth, restriction_type, group_ids in rows
    ]


def _all_restrictions() -> list[Restriction]:
    return _read("restrictions", _restrictions_of_both_kinds)


def _page_restrictions(viewer: Viewer = ANONYMOUS) -> list[Restriction]:
    """The page restrictions `viewer` does not pass (every one for an anonymous visitor)."""
    return [r for r in _all_restrictions() if r.kind == "page" and not viewer.passes(r.type, r.groups)]


def restricted_pages(viewer: Viewer = ANONYMOUS) -> list[Page]:
    """The pages that carry a view restriction `viewer` does not pass (with path and depth: what
    descendant_of_q needs)."""
    return [Page(pk=r.object_id, path=r.path, depth=r.depth) for r in _page_restrictions(viewer)]


def restricted_collection_paths(viewer: Viewer = ANONYMOUS) -> list[str]:
    return [
        r.path for r in _all_restrictions() if r.kind == "collection" and not viewer.passes(r.type, r.groups)
    ]


def _path_audience(kind: str, path: str) -> Audience | None:
    """The audience of everything at `path` (a page's or a collection's tree path): all the restrictions on it
    and above it; None under a password restriction."""
    audience = PUBLIC
    for restriction in _all_restrictions():
        if restriction.kind == kind and restriction.covers(path):
            own = restriction.audience()
            if own is None:
                return None
            audience &= own
    return audience


def page_audience(page: Page) -> Audience | None:
    """Who may see a page: None when nobody may find it (not live, or under a password restriction)."""
    if not page.live:
        return None
    return _path_audience("page", page.path)


def collection_audience(collection: Collection) -> Audience | None:
    return _path_audience("collection", collection.path)


def document_audience(document) -> Audience | None:
    """Who may see a document: its collection's audience, and the audience of the use that shows it (anyone when
    no page uses it, else whoever sees one of the live pages whose published version uses it); None when nobody
    may find it (used only by drafts or hidden pages, or in a password-protected collection). The same rule as
    `visible_documents`, for every viewer at once."""
    audience = collection_audience(document.collection)
    if audience is None:
        return None
    using = pages_using_document(document.pk)
    if not using and not _draft_references().filter(document_id=document.pk).exists():
        return audience
    seen_by = None
    for page in Page.objects.filter(pk__in=using).only("pk", "live", "path"):
        own = page_audience(page)
        if own is not None:
            seen_by = own if seen_by is None else seen_by | own
    return None if seen_by is None else audience & seen_by


# --- Pages --------------------------------------------------------------------------------------------------------


def private_pages_q(viewer: Viewer = ANONYMOUS) -> Q:
    """Pages in a private section: Wagtail's ``PageQuerySet.private_q`` (a restricted page and its descendants,
    by Wagtail's own ``descendant_of_q``), over the restrictions read once per request that `viewer` does not
    pass."""
    q = Q()
    for restricted in restricted_pages(viewer):
        q |= Page.objects.descendant_of_q(restricted, inclusive=True)
    return q


def visible_pages(queryset: QuerySet | None = None, *, viewer: Viewer = ANONYMOUS) -> QuerySet:
    """Live pages outside view restrictions (that `viewer` does not pass): Wagtail's ``live().public()``."""
    pages = (queryset if queryset is not None else Page.objects.all()).live()
    private = private_pages_q(viewer)
    return pages.exclude(private) if private else pages


def page_is_visible(page: Page, viewer: Viewer = ANONYMOUS) -> bool:
    """One page: live, and neither it nor an ancestor restricted (Wagtail's ``get_view_restrictions()``)."""
    return page.live and not under_restriction(page, viewer)


def under_restriction(page: Page, viewer: Viewer = ANONYMOUS) -> bool:
    """The page or an ancestor carries a view restriction `viewer` does not pass (by tree path: an alias's
    source is not looked at)."""
    return any(
        page.path.startswith(restricted.path) and page.depth >= restricted.depth
        for restricted in restricted_pages(viewer)
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
    """Collections with a view restriction and those inside them, read once per request with the restrictions:
    what a template needs to leave out a document it holds (a page's attachment, a block, a webinar's slides)
    without a query per item."""
    return frozenset(r.object_id for r in _all_restrictions() if r.kind == "private")


def in_public_collection(item) -> bool:
    """A document or an image outside private collections (`visible_images`' rule for one loaded image)."""
    return item is not None and item.collection_id not in private_collection_ids()


def private_collections_q(prefix: str = "collection__", viewer: Viewer = ANONYMOUS) -> Q:
    """Objects whose collection is, or is inside, a collection with a view restriction `viewer` does not pass
    (Wagtail's ``Collection.get_view_restrictions()`` looks at the collection and its ancestors)."""
    q = Q()
    for path in restricted_collection_paths(viewer):
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def _outside_private_collections(queryset: QuerySet, viewer: Viewer = ANONYMOUS) -> QuerySet:
    private = private_collections_q(viewer=viewer)
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


def _used_visibly(viewer: Viewer = ANONYMOUS) -> Q:
    """The outer query's document is used by no page (published version or latest revision), or by a visible page's
    published version."""
    uses = _document_uses()
    used_by_visible_page = uses.annotate(page_pk=Cast("object_id", output_field=BigIntegerField())).filter(
        Exists(visible_pages(viewer=viewer).filter(pk=OuterRef("page_pk")))
    )
    drafts = _draft_references().filter(document=OuterRef("pk"))
    unused = ~Exists(uses) & ~Exists(drafts)
    return unused | Exists(used_by_visible_page)


def visible_documents(queryset: QuerySet | None = None, *, viewer: Viewer = ANONYMOUS) -> QuerySet:
    """Documents outside private collections that no page uses, or that a visible page's published version uses."""
    documents = queryset if queryset is not None else get_document_model().objects.all()
    return _outside_private_collections(documents, viewer).filter(_used_visibly(viewer))


def document_is_visible(document, viewer: Viewer = ANONYMOUS) -> bool:
    return visible_documents(viewer=viewer).filter(pk=document.pk).exists()


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


# Compiled SQL forms by (form, outer column, database, the restrictions they were compiled over: those the viewer
# does not pass). Compiling the querysets costs milliseconds per search; the restrictions are read fresh each time
# (one small query, or none within restrictions_read_once), so a new restriction gives a new key at once: nothing
# stale is ever served. Viewers whose groups leave the same restrictions in their way share one compiled form.
_compiled: dict[tuple, tuple[str, list]] = {}
_COMPILED_MAX = 256


def _compiled_sql(form: str, outer_sql: str, build, viewer: Viewer = ANONYMOUS) -> tuple[str, list]:
    from django.db import connection

    key = (form, outer_sql, connection.settings_dict["NAME"], *restrictions_in_the_way(viewer))
    found = _compiled.get(key)
    if found is None:
        if len(_compiled) >= _COMPILED_MAX:
            _compiled.clear()
        found = _compiled[key] = build()
    return found[0], list(found[1])


def restrictions_in_the_way(viewer: Viewer = ANONYMOUS) -> tuple[tuple, tuple]:
    """The page restrictions (id, path, depth) and private collection paths `viewer` does not pass: what their
    visibility SQL forms are compiled over, so viewers with the same ones see the same pages and documents."""
    return (
        tuple((page.pk, page.path, page.depth) for page in restricted_pages(viewer)),
        tuple(restricted_collection_paths(viewer)),
    )


def visibility_key(viewer: Viewer = ANONYMOUS) -> str:
    """A short key for what `viewer` may see now, for caches of what they see (search/result_cache.py).

    Anonymous visitors share one constant key: every restriction stops them, and a restriction saved or deleted
    starts a new page cache generation. A signed-in viewer's key is made of their groups, whether they are a
    superuser, and the restrictions in their way read now (one small query, none within restrictions_read_once),
    so a restriction's groups changed a moment ago (a many-to-many change, which starts no generation) or a member
    joining or leaving a group gives another key at once."""
    if viewer.anonymous:
        return "anonymous"
    raw = repr((viewer.superuser, sorted(viewer.groups), restrictions_in_the_way(viewer)))
    return "member-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def page_visible_sql(page_id_sql: str, viewer: Viewer = ANONYMOUS) -> tuple[str, list]:
    """SQL true when the page whose id is the expression ``page_id_sql`` (e.g. ``s.page_id``) is visible (to
    `viewer`)."""
    return _compiled_sql(
        "page", page_id_sql, lambda: _exists_sql(visible_pages(viewer=viewer), page_id_sql), viewer
    )


def document_visible_sql(document_id_sql: str, viewer: Viewer = ANONYMOUS) -> tuple[str, list]:
    """SQL true when the document whose id is the expression ``document_id_sql`` is visible (to `viewer`)."""
    return _compiled_sql(
        "document",
        document_id_sql,
        lambda: _exists_sql(visible_documents(viewer=viewer), document_id_sql),
        viewer,
    )
