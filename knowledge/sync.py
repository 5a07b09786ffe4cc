"""Keeping the index equal to what is live and may be seen (by everyone, or by signed-in members: each row carries
its audience, cms.visibility.page_audience / document_audience): the services that tasks, commands and the admin
call. Pages and collections behind a password restriction are never indexed.

Every function here is idempotent: it looks at the current state of a page or document and makes the index
match it (index, re-index only what changed, or remove). Signal handlers only enqueue these.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from cms.visibility import (
    Audience,
    document_audience,
    documents_used_by_page,
    page_audience,
    pages_using_document,
)

from .extraction import ExtractionLimits, Section, extract_document
from .indexing import (
    BATCH_SOURCES,
    Indexer,
    IndexStats,
    PreparedSource,
    batched,
    content_hash,
    settings_fingerprint,
    site_fields,
)
from .models import SITE_NAMESPACE, Source
from .page_text import page_sections
from .store import delete_sources, remove_source

logger = logging.getLogger(__name__)

PAGE = Source.Kind.PAGE
DOCUMENT = Source.Kind.DOCUMENT
ORGANIZATION = Source.Kind.ORGANIZATION


def is_indexable_page(page: Page) -> bool:
    return hasattr(page.specific_class or Page, "knowledge_fields") and not page.is_root()


# --- Preparing sources ------------------------------------------------------------------------------------


def related_records_digest() -> str:
    """One hash of the records that page facets and page text read besides the page's own published revision:
    the directory snippets (organizations, people, practices, regions) and the strategy's goal and objective
    codes. When any of them changes, every page's precheck changes with it, so `reindex` re-reads the pages
    that mention a renamed partner without --force (their text is re-chunked; unchanged chunks keep their
    cached embeddings). Tables are small; one query per run or task.
    """
    from django.db import connection

    from cms.models import GoalPage, ObjectivePage, Organization, Person, Region, SoilPractice

    parts = []
    with connection.cursor() as cursor:
        for model in (Organization, Person, SoilPractice, Region, GoalPage, ObjectivePage):
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(
                f"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.{pk}), '')) FROM {table} t"
            )
            parts.append(cursor.fetchone()[0])
    return content_hash(parts)


def prepare_page(page: Page, *, related_digest: str, audience: Audience) -> PreparedSource:
    """A page's source, skipped before any rendering when nothing it is made of has changed.

    The precheck reads only the base page row (published revision, URL, title), the settings, the digest of
    related records and the page's audience: facets and text are computed by the loader, for pages that need
    indexing.
    """
    url = page.get_url() or ""
    tokens = audience.tokens()
    fields = site_fields(title=page.title, url=url, facets={}, page_id=page.pk, audience=tokens)
    precheck = content_hash(
        settings_fingerprint(),
        related_digest,
        fields,
        page.content_type_id,
        page.live_revision_id,
        page.last_published_at,
    )
    fields["content_hash"] = precheck

    def load() -> list[Section]:
        specific = page.specific
        fields.update(
            site_fields(
                title=specific.title, url=url, facets=specific.facets(), page_id=page.pk, audience=tokens
            )
        )
        # A page with nothing but a title is still findable by its title.
        return page_sections(specific) or [Section(text=specific.title)]

    return PreparedSource(
        namespace=SITE_NAMESPACE,
        kind=PAGE,
        object_id=str(page.pk),
        fields=fields,
        precheck_hash=precheck,
        loader=load,
    )


def prepare_organization(organization, *, profile_url: str, related_digest: str) -> PreparedSource:
    """An organization's profile: its directory facts (cms Organization.profile_facts) at its profile URL, with
    its place (country and world region) and year joined as facets."""
    from cms.filters import region_index_values

    facets = {
        "content_type": organization.content_type_label,
        "language": "en",
        "regions": region_index_values([organization.country] if organization.country_id else []),
        "year": organization.year_joined,
    }
    fields = site_fields(title=organization.name, url=profile_url, facets=facets)
    sections = [Section(text=text, heading=heading) for heading, text in organization.profile_facts() if text]
    precheck = content_hash(
        settings_fingerprint(), related_digest, fields, [(s.heading, s.text) for s in sections]
    )
    fields["content_hash"] = precheck
    return PreparedSource(
        namespace=SITE_NAMESPACE,
        kind=ORGANIZATION,
        object_id=str(organization.pk),
        fields=fields,
        sections=sections,
        precheck_hash=precheck,
    )


def document_facets(document, visible_pages: list[Page]) -> dict:
    """A document takes its facets from the visible pages that use it (a report inherits its resource's)."""
    facets: dict = {"content_type": "document", "language": "en"}
    merged: dict[str, set] = {
        "goals": set(),
        "objectives": set(),
        "practices": set(),
        "regions": set(),
        "locales": set(),
    }
    pages = [page.specific for page in sorted(visible_pages, key=lambda page: page.pk)]
    for page in (p for p in pages if hasattr(p, "facets")):
        page_facets = page.facets()
        for name in merged:
            merged[name].update(page_facets.get(name, []))
        facets.setdefault("year", page_facets.get("year"))
        facets.setdefault("date", page_facets.get("date"))
        if page_facets.get("language"):
            facets["language"] = page_facets["language"]
    facets.update({name: sorted(values) for name, values in merged.items()})
    if facets.get("year") is None:
        facets["year"] = document.created_at.year if document.created_at else None
    return facets


def prepare_document(document, *, related_digest: str, audience: Audience) -> PreparedSource:
    """A document's source: the precheck covers the file, its metadata, its audience and the published state of
    the pages that use it (its facets come from those its viewers can see); facets and text are computed only when
    it changed."""
    tokens = audience.tokens()
    fields = site_fields(
        title=document.title, url=document.url, facets={}, document_id=document.pk, audience=tokens
    )
    limits = ExtractionLimits(max_bytes=settings.KNOWLEDGE_MAX_DOCUMENT_MB * 1024 * 1024)
    filename = document.file.name
    size = _file_size(document)
    prepared = PreparedSource(
        namespace=SITE_NAMESPACE, kind=DOCUMENT, object_id=str(document.pk), fields=fields
    )
    if size is None:
        prepared.error = "the file is missing from storage"
        return prepared
    if size > limits.max_bytes:
        prepared.error = f"file is larger than {settings.KNOWLEDGE_MAX_DOCUMENT_MB} MB"
        return prepared
    # The pages that everyone in the document's audience sees give it their facets.
    using = [
        (page, (own := page_audience(page)) is not None and (audience & own) == audience)
        for page in Page.objects.filter(pk__in=pages_using_document(document.pk)).order_by("pk")
    ]
    prepared.precheck_hash = content_hash(
        settings_fingerprint(),
        related_digest,
        fields,
        document.created_at,
        filename,
        size,
        _file_digest(document),
        [(page.pk, visible, page.live_revision_id, page.last_published_at) for page, visible in using],
    )
    fields["content_hash"] = prepared.precheck_hash

    def load():
        fields.update(
            site_fields(
                title=document.title,
                url=document.url,
                facets=document_facets(document, [page for page, visible in using if visible]),
                document_id=document.pk,
                audience=tokens,
            )
        )
        with document.open_file() as handle:
            data = handle.read()
        return extract_document(data, filename, limits=limits)

    prepared.loader = load
    return prepared


def _file_size(document) -> int | None:
    try:
        return document.file.size
    except (FileNotFoundError, OSError, ValueError):
        return None


def _file_digest(document) -> str:
    if document.file_hash:
        return document.file_hash
    document._set_file_hash()
    return document.file_hash


# --- Sync services ----------------------------------------------------------------------------------------


def sync_page(page_id: int) -> IndexStats:
    """Make the index match page `page_id` (indexed with its audience if live and not behind a password, removed
    otherwise) and the documents it uses."""
    return reindex_site([(PAGE, page_id), *((DOCUMENT, pk) for pk in documents_used_by_page(page_id))])


def sync_page_subtree(page_id: int) -> IndexStats:
    """A page and all its descendants: after a move, a view restriction change, an unpublish of a section."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return IndexStats()
    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    documents = sorted({document for pk in ids for document in documents_used_by_page(pk)})
    return reindex_site([*((PAGE, pk) for pk in ids), *((DOCUMENT, pk) for pk in documents)])


def sync_document(document_id: int) -> IndexStats:
    """Make the index match document `document_id` (indexed with its audience if anyone may see it, removed
    otherwise)."""
    return reindex_site([(DOCUMENT, document_id)])


def organization_ids() -> list[int]:
    from cms.models import Organization

    return list(Organization.objects.order_by("pk").values_list("pk", flat=True))


def sync_organizations(organization_ids: Iterable[int]) -> IndexStats:
    """Make the index match these organizations' profiles: indexed while a partner directory page is visible,
    removed otherwise (an organization deleted, the directory unpublished)."""
    return reindex_site([(ORGANIZATION, pk) for pk in organization_ids])


def documents_in_collection(collection_id: int) -> list[int]:
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return []
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    return list(get_document_model().objects.filter(collection__in=collections).values_list("pk", flat=True))


# --- Whole-site runs ----------------------------------------------------------------------------------------


def iter_site_work(
    *, pages: bool = True, documents: bool = True, organizations: bool | None = None
) -> Iterator[tuple[str, int]]:
    """The pages, the organizations' profiles (with the pages unless told) and the documents."""
    if pages:
        for pk in Page.objects.exclude(depth=1).order_by("path").values_list("pk", flat=True):
            yield PAGE, pk
    if pages if organizations is None else organizations:
        for pk in organization_ids():
            yield ORGANIZATION, pk
    if documents:
        for pk in get_document_model().objects.order_by("pk").values_list("pk", flat=True):
            yield DOCUMENT, pk


def reindex_site(
    work: Iterable[tuple[str, int]], *, force: bool = False, batch_size: int = BATCH_SOURCES, on_batch=None
) -> IndexStats:
    """Index every given page/document, in batches (full model batches), removing what nobody may find.

    Resumable: each source is written in its own transaction and skipped next time if unchanged.
    """
    stats = IndexStats()
    indexer = Indexer(force=force)
    related_digest = related_records_digest()
    sizes: deque[int] = deque()
    directory: list = []  # the visible partner directory, looked up once, on the first organization

    def prepared_batches() -> Iterator[list[PreparedSource]]:
        for batch in batched(work, batch_size):
            sizes.append(len(batch))
            prepared = (
                _prepare_visible(kind, pk, stats, related_digest=related_digest, directory=directory)
                for kind, pk in batch
            )
            yield [item for item in prepared if item is not None]

    # Pipelined: batch N+1 is read and extracted while the model encodes batch N.
    for batch_stats in indexer.index_batches(prepared_batches()):
        stats.add(batch_stats)
        if on_batch:
            on_batch(sizes.popleft(), stats)
    return stats


def _prepare_visible(
    kind: str, pk: int, stats: IndexStats, *, related_digest: str, directory: list
) -> PreparedSource | None:
    if kind == ORGANIZATION:
        from cms.models import Organization
        from cms.models.directory import public_directory

        if not directory:
            directory.append(public_directory())
        organization = Organization.objects.select_related("country__parent").filter(pk=pk).first()
        if organization is None or directory[0] is None:
            stats.removed += remove_source(namespace=SITE_NAMESPACE, kind=ORGANIZATION, object_id=str(pk))
            return None
        return prepare_organization(
            organization, profile_url=directory[0].profile_url(organization), related_digest=related_digest
        )
    if kind == PAGE:
        page = Page.objects.filter(pk=pk).first()
        audience = page_audience(page) if page is not None and is_indexable_page(page) else None
        if audience is None:
            stats.removed += remove_source(namespace=SITE_NAMESPACE, kind=PAGE, object_id=str(pk))
            return None
        return prepare_page(page, related_digest=related_digest, audience=audience)
    document = get_document_model().objects.filter(pk=pk).select_related("collection").first()
    audience = document_audience(document) if document is not None else None
    if audience is None:
        stats.removed += remove_source(namespace=SITE_NAMESPACE, kind=DOCUMENT, object_id=str(pk))
        return None
    return prepare_document(document, related_digest=related_digest, audience=audience)


def remove_orphans() -> int:
    """Sources whose page or document no longer exists (deleted while no task could run)."""
    existing_pages = {str(pk) for pk in Page.objects.values_list("pk", flat=True)}
    from cms.models import Organization

    existing_docs = {str(pk) for pk in get_document_model().objects.values_list("pk", flat=True)}
    existing_organizations = {str(pk) for pk in Organization.objects.values_list("pk", flat=True)}
    orphans = (
        Source.objects.filter(namespace=SITE_NAMESPACE)
        .exclude(kind=PAGE, object_id__in=existing_pages)
        .exclude(kind=DOCUMENT, object_id__in=existing_docs)
        .exclude(kind=ORGANIZATION, object_id__in=existing_organizations)
    )
    return delete_sources(orphans.values_list("pk", flat=True))


def retry_failed(source_ids: Iterable[int] | None = None) -> IndexStats:
    failed = Source.objects.filter(namespace=SITE_NAMESPACE, status=Source.Status.FAILED)
    if source_ids is not None:
        failed = failed.filter(pk__in=list(source_ids))
    work = [(source.kind, int(source.object_id)) for source in failed]
    return reindex_site(work, force=True)
