"""Who may see what: the single definition of 'live and public', in Python (sync) and in SQL (query time).

A page is visible when it is live and neither it nor an ancestor carries a view restriction. A document is
visible when its collection (and every ancestor collection) is unrestricted, and it is not attached only to
pages that are themselves invisible: a document no page uses (live or draft) is visible; one used by pages
needs at least one live, public page whose published version uses it. Search checks the SQL form on every query, so nothing leaks in the window between
an editor's action and the index catching up.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex


def page_is_visible(page: Page) -> bool:
    return (
        bool(page.live)
        and not PageViewRestriction.objects.filter(
            page__path__in=[page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)]
        ).exists()
    )


def pages_referencing_document(document_id: int) -> list[int]:
    document_type = ContentType.objects.get_for_model(get_document_model())
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        to_content_type=document_type, to_object_id=str(document_id), base_content_type=page_type
    ).values_list("object_id", flat=True)
    return sorted({int(pk) for pk in ids})


def documents_referenced_by_page(page_id: int) -> list[int]:
    document_type = ContentType.objects.get_for_model(get_document_model())
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id=str(page_id), to_content_type=document_type
    ).values_list("to_object_id", flat=True)
    return sorted({int(pk) for pk in ids})


def document_is_visible(document) -> bool:
    from .models import DraftReference

    if document.collection.get_view_restrictions().exists():
        return False
    live_page_ids = pages_referencing_document(document.pk)
    if not live_page_ids and not DraftReference.objects.filter(document_id=document.pk).exists():
        return True
    return any(page_is_visible(page) for page in Page.objects.filter(pk__in=live_page_ids))


def documents_in_revision(revision) -> set[int]:
    """Documents the page version stored in `revision` uses (StreamField, rich text, child relations)."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    found = set()
    for to_content_type_id, to_object_id, *_ in ReferenceIndex._extract_references_from_object(
        revision.as_object()
    ):
        if to_content_type_id == document_type:
            found.add(int(to_object_id))
    return found


def visible_source_sql(alias: str = "s") -> tuple[str, list]:
    """A SQL condition on a knowledge_source row (aliased `alias`) that is true only for visible sources."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    page_type = ContentType.objects.get_for_model(Page).pk
    unrestricted_page = """NOT EXISTS (
            SELECT 1 FROM wagtailcore_pageviewrestriction r JOIN wagtailcore_page rp ON rp.id = r.page_id
            WHERE {page}.path LIKE rp.path || '%%')"""
    sql = f"""(
        {alias}.kind = 'external'
        OR ({alias}.kind = 'page' AND EXISTS (
            SELECT 1 FROM wagtailcore_page vp WHERE vp.id = {alias}.page_id AND vp.live
            AND {unrestricted_page.format(page="vp")}))
        OR ({alias}.kind = 'document' AND EXISTS (
            SELECT 1 FROM wagtaildocs_document vd JOIN wagtailcore_collection vc ON vc.id = vd.collection_id
            WHERE vd.id = {alias}.document_id
            AND NOT EXISTS (
                SELECT 1 FROM wagtailcore_collectionviewrestriction cr
                JOIN wagtailcore_collection rc ON rc.id = cr.collection_id
                WHERE vc.path LIKE rc.path || '%%')
            AND (
                (NOT EXISTS (
                    SELECT 1 FROM wagtailcore_referenceindex ri
                    WHERE ri.to_content_type_id = %s AND ri.to_object_id = vd.id::text
                    AND ri.base_content_type_id = %s)
                 AND NOT EXISTS (SELECT 1 FROM knowledge_draftreference dr WHERE dr.document_id = vd.id))
                OR EXISTS (
                    SELECT 1 FROM wagtailcore_referenceindex ri
                    JOIN wagtailcore_page up ON up.id::text = ri.object_id
                    WHERE ri.to_content_type_id = %s AND ri.to_object_id = vd.id::text
                    AND ri.base_content_type_id = %s AND up.live
                    AND {unrestricted_page.format(page="up")}))))
    )"""
    return sql, [document_type, page_type, document_type, page_type]
