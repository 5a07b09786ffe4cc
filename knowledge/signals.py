"""Publishing events -> index sync tasks. Handlers only enqueue; the work is in knowledge/sync.py.

Every receiver names its sender (as Wagtail's own do): a receiver connected without one makes Django load every
row of every model before deleting it (no fast delete anywhere in the project).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import Organization, PartnerDirectoryPage
from cms.signals import page_documents_changed
from cms.visibility import documents_used_by_page

from . import tasks


def on_page_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_task, instance.pk)


def on_directory_changed(sender, instance, **kwargs):
    # The profiles are the directory's routes: their URLs and their presence in the index follow it.
    tasks.enqueue_after_commit(tasks.sync_organizations_task, None)


def on_organization_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_organizations_task, [instance.pk])


def on_page_moved(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_subtree_task, instance.pk)


def on_page_pre_delete(sender, instance, **kwargs):
    # After the delete neither the reference index nor the draft references know which documents this page used.
    instance._knowledge_documents = documents_used_by_page(instance.pk, drafts=True)


def on_page_deleted(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_task, instance.pk)
    documents = getattr(instance, "_knowledge_documents", [])
    if documents:
        tasks.enqueue_after_commit(tasks.sync_documents_task, documents)


def on_page_documents_changed(sender, page_id, document_ids, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_documents_task, list(document_ids))


def on_view_restriction_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_page_subtree_task, instance.page_id)


def on_restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A restriction's groups changed (the audience of everything under it): resync what it covers. From the
    group's side (group.pageviewrestriction_set.add(...)), every restriction named."""
    if not action.startswith("post_"):
        return
    restrictions = [instance] if not reverse else list(sender_restrictions(sender, pk_set))
    for restriction in restrictions:
        if isinstance(restriction, PageViewRestriction):
            tasks.enqueue_after_commit(tasks.sync_page_subtree_task, restriction.page_id)
        else:
            tasks.enqueue_after_commit(tasks.sync_collection_task, restriction.collection_id)


def sender_restrictions(through, pk_set):
    model = (
        PageViewRestriction if through is PageViewRestriction.groups.through else CollectionViewRestriction
    )
    return model.objects.filter(pk__in=pk_set or ())


def on_document_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_document_task, instance.pk)


def on_collection_restriction_changed(sender, instance, **kwargs):
    tasks.enqueue_after_commit(tasks.sync_collection_task, instance.collection_id)


def connect() -> None:
    page_published.connect(on_page_changed, dispatch_uid="knowledge_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="knowledge_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="knowledge_page_moved")
    # Deleting a page of any type deletes its wagtailcore_page row, sent with sender=Page (as Wagtail connects).
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid="knowledge_page_pre_delete")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="knowledge_page_deleted")
    page_documents_changed.connect(on_page_documents_changed, dispatch_uid="knowledge_page_documents")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            on_directory_changed,
            sender=PartnerDirectoryPage,
            dispatch_uid=f"knowledge_directory_{id(signal)}",
        )
    for model in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            on_restriction_groups_changed,
            sender=model.groups.through,
            dispatch_uid=f"knowledge_{model._meta.model_name}_groups",
        )
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
            on_organization_changed,
            sender=Organization,
            dispatch_uid=f"knowledge_organization_{signal is post_save}",
        )
        signal.connect(
            on_document_changed,
            sender=get_document_model(),
            dispatch_uid=f"knowledge_document_{signal is post_save}",
        )
