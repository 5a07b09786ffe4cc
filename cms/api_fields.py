"""Serializer fields used in the `api_fields` of page types: relations to pages and documents, expanded and
restricted to what an anonymous visitor may see (cms/visibility.py: a draft or private objective, or a document in
a private collection, never shows up inside a public page's JSON).

They describe how the content model appears in Wagtail's API (as bakerydemo's models do), so they live with the
models; the API app (api/v2.py) mounts the endpoints. Relations to snippets (organizations, people, countries,
practices) are expanded by the Wagtail API router itself: see the snippet endpoints' `nested_default_fields` in
api/v2.py.
"""

from __future__ import annotations

from rest_framework import serializers

from .visibility import visible_documents, visible_pages


def _detail_url(context: dict, model, pk) -> str | None:
    from wagtail.api.v2.utils import get_object_detail_url

    router, request = context.get("router"), context.get("request")
    if router is None or request is None:
        return None
    return get_object_detail_url(router, request, model, pk)


def page_summary(page, context: dict) -> dict:
    from wagtail.models import Page

    request = context.get("request")
    model = type(page)
    data = {
        "id": page.pk,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "title": page.title,
        "html_url": page.get_full_url(request),
        "detail_url": _detail_url(context, Page, page.pk),
    }
    for name in ("code", "short_label"):
        if hasattr(page, name):
            data[name] = getattr(page, name)
    return data


def _visible_page_ids(ids) -> set[int]:
    return set(visible_pages().filter(pk__in=[pk for pk in ids if pk]).values_list("pk", flat=True))


class ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class PageField(ReadOnlyField):
    """One related page as {id, type, title, html_url, detail_url[, code, short_label]}; null if not visible."""

    def to_representation(self, page):
        if page is None:
            return None
        page = getattr(page, "specific", page)
        return page_summary(page, self.context) if _visible_page_ids([page.pk]) else None


class PageListField(ReadOnlyField):
    """Related pages (a many-to-many relation or a method returning pages): only live, public ones."""

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return list(value.all() if hasattr(value, "all") else value or [])

    def to_representation(self, pages):
        visible = _visible_page_ids([page.pk for page in pages])
        return [page_summary(getattr(p, "specific", p), self.context) for p in pages if p.pk in visible]


def document_summary(document, context: dict) -> dict:
    from wagtail.documents import get_document_model

    request = context.get("request")
    url = document.url
    return {
        "id": document.pk,
        "title": document.title,
        "file_extension": document.file_extension,
        "download_url": request.build_absolute_uri(url) if request is not None else url,
        "detail_url": _detail_url(context, get_document_model(), document.pk),
    }


def _visible_document_ids(ids) -> set[int]:
    return set(visible_documents().filter(pk__in=[pk for pk in ids if pk]).values_list("pk", flat=True))


class DocumentField(ReadOnlyField):
    """A document as {id, title, file_extension, download_url, detail_url}; null unless publicly visible."""

    def to_representation(self, document):
        if document is None or not _visible_document_ids([document.pk]):
            return None
        return document_summary(document, self.context)


class AttachedDocumentsField(ReadOnlyField):
    """The page's attached documents (inline rows) as [{document, caption}], visible documents only."""

    def get_attribute(self, instance):
        return list(super().get_attribute(instance).all())

    def to_representation(self, rows):
        visible = _visible_document_ids([row.document_id for row in rows])
        return [
            {"document": document_summary(row.document, self.context), "caption": row.caption}
            for row in rows
            if row.document_id in visible
        ]
