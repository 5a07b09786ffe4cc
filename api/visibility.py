"""What the API may show, expressed as querysets over the single definition in knowledge/visibility.py."""

from __future__ import annotations

from django.db.models.expressions import RawSQL
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page

from knowledge.visibility import visible_source_sql


def visible_documents():
    """Documents in public collections not attached only to invisible pages.

    Reuses knowledge.visibility.visible_source_sql by presenting each document as a knowledge_source row."""
    condition, params = visible_source_sql("s")
    sql = (
        "SELECT d.id FROM wagtaildocs_document d CROSS JOIN LATERAL "
        "(SELECT 'document'::varchar AS kind, d.id AS document_id, NULL::bigint AS page_id) s "
        f"WHERE {condition}"
    )
    return get_document_model().objects.filter(pk__in=RawSQL(sql, params))


def visible_images():
    """Images outside restricted collections."""
    queryset = get_image_model().objects.all()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        queryset = queryset.exclude(collection__path__startswith=restriction.collection.path)
    return queryset


def visible_pages():
    return Page.objects.live().public()
