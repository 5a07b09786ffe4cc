"""Content bookkeeping on save: which documents each page's latest revision uses (cms.models.DraftReference), the
restriction of every members' space to its group (cms/space_access.py), and the locales' languages cms.locales
remembers.

Other layers react to content changes through signals: Wagtail's own (page_published, page_unpublished, ...) and
`page_documents_changed` below, sent when the set of documents a page's latest revision uses changes, so the
knowledge index can re-check those documents' visibility without cms knowing about the index.
"""

import contextlib
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, ReferenceIndex, Revision

from .locales import forget_locale_languages
from .models import DraftReference, SpacePage
from .space_access import ensure_space_access

# Sent with page_id and document_ids: the documents the page's latest revision used before or uses now.
page_documents_changed = Signal()
# Sent once when a bulk load (below) ends: what reacts to each change (the page cache) catches up at once.
bulk_load_finished = Signal()

_bulk_load: ContextVar[bool] = ContextVar("cms_bulk_load", default=False)


@contextlib.contextmanager
def bulk_load():
    """Content written in bulk (the demo loader, an import) that is followed by one `reindex`: the layers that
    react to each change (the knowledge index sync) hold back while inside; `bulk_load_finished` is sent at the
    end."""
    token = _bulk_load.set(True)
    try:
        yield
    finally:
        _bulk_load.reset(token)
        if not _bulk_load.get():
            bulk_load_finished.send(sender=None)


def in_bulk_load() -> bool:
    return _bulk_load.get()


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


def on_revision_saved(sender, instance, created, **kwargs):
    if not created or not issubclass(instance.content_type.model_class() or object, Page):
        return
    page_id = int(instance.object_id)
    before = set(DraftReference.objects.filter(page_id=page_id).values_list("document_id", flat=True))
    wanted = documents_in_revision(instance)
    existing = set(get_document_model().objects.filter(pk__in=wanted).values_list("pk", flat=True))
    DraftReference.objects.filter(page_id=page_id).exclude(document_id__in=existing).delete()
    DraftReference.objects.bulk_create(
        [DraftReference(page_id=page_id, document_id=pk) for pk in existing - before], ignore_conflicts=True
    )
    if before | existing:
        page_documents_changed.send(sender=Page, page_id=page_id, document_ids=sorted(before | existing))


def on_space_saved(sender, instance, raw=False, **kwargs):
    """A members' space is restricted to its group from the moment its row exists (cms/space_access.py)."""
    if not raw:
        ensure_space_access(instance)


def connect() -> None:
    post_save.connect(on_space_saved, sender=SpacePage, dispatch_uid="cms_space_access")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="cms_revision_draft_references")
    post_save.connect(forget_locale_languages, sender=Locale, dispatch_uid="cms_locale_languages_saved")
    post_delete.connect(forget_locale_languages, sender=Locale, dispatch_uid="cms_locale_languages_deleted")
