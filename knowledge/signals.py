"""Publishing events -> index sync tasks. Handlers only enqueue; the work is in knowledge/sync.py."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tasks
from .models import DraftReference
from .visibility import documents_in_revision, documents_referenced_by_page


def on_page_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_task, instance.pk)


def on_page_moved(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_subtree_task, instance.pk)


def on_page_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # After the delete the reference index no longer knows which documents this page used.
        drafts = DraftReference.objects.filter(page_id=instance.pk).values_list("document_id", flat=True)
        instance._knowledge_documents = sorted(set(documents_referenced_by_page(instance.pk)) | set(drafts))


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        tasks.enqueue_after_commit(tasks.sync_page_task, instance.pk)
        documents = getattr(instance, "_knowledge_documents", [])
        if documents:
            tasks.enqueue_after_commit(tasks.sync_documents_task, documents)


def on_view_restriction_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_subtree_task, instance.page_id)


def on_document_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_document_task, instance.pk)


def on_collection_restriction_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_collection_task, instance.collection_id)


def on_revision_saved(sender, instance, created, **kwargs):
    """Track which documents each page's latest revision uses, so draft-only documents stay hidden."""
    if not created or not issubclass(instance.content_type.model_class() or object, Page):
        return
    page_id = int(instance.object_id)
    before = set(DraftReference.objects.filter(page_id=page_id).values_list("document_id", flat=True))
    after = documents_in_revision(instance)
    existing = set(get_document_model().objects.filter(pk__in=after).values_list("pk", flat=True))
    DraftReference.objects.filter(page_id=page_id).exclude(document_id__in=existing).delete()
    DraftReference.objects.bulk_create(
        [DraftReference(page_id=page_id, document_id=pk) for pk in existing - before], ignore_conflicts=True
    )
    if before | existing:
        tasks.enqueue_after_commit(tasks.sync_documents_task, sorted(before | existing))


def connect() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="knowledge_revision_saved")
    page_published.connect(on_page_changed, dispatch_uid="knowledge_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="knowledge_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="knowledge_page_moved")
    pre_delete.connect(on_page_pre_delete, dispatch_uid="knowledge_page_pre_delete")
    post_delete.connect(on_page_deleted, dispatch_uid="knowledge_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"knowledge_page_restriction_{signal is post_save}",
        )
        signal.connect(
            on_collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"knowledge_collection_restriction_{signal is post_save}",
        )
        signal.connect(
            on_document_changed,
            sender=get_document_model(),
            dispatch_uid=f"knowledge_document_{signal is post_save}",
        )
