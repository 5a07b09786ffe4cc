"""Background tasks (django-tasks): thin wrappers that call the sync services.

Immediate in development and tests; in production the database backend runs them in `manage.py db_worker`.
Each task costs what the edited page or document is made of, whatever the size of the corpus: keyword statistics
move with each write (knowledge/store.py), and no task scans the index.
A task that fails records the failure on the source, so the admin's Search index screen shows it with a
retry button; the editor's save itself is never affected (tasks run after the transaction commits).
"""

import logging

from django.db import transaction
from django_tasks import task

from cms.signals import bulk_load, in_bulk_load

from . import sync
from .models import SITE_NAMESPACE, Source
from .store import record_failure

logger = logging.getLogger(__name__)


def _guarded(kind: str, object_id: int, work) -> None:
    try:
        work()
    except Exception as exc:
        logger.exception("Indexing %s %s failed", kind, object_id)
        existing = Source.objects.filter(
            namespace=SITE_NAMESPACE, kind=kind, object_id=str(object_id)
        ).first()
        record_failure(
            namespace=SITE_NAMESPACE,
            kind=kind,
            object_id=str(object_id),
            fields={
                "title": existing.title if existing else f"{kind} {object_id}",
                "content_type": existing.content_type if existing else kind,
            },
            error=f"{exc.__class__.__name__}: {exc}",
        )


@task()
def sync_page_task(page_id: int) -> None:
    _guarded(Source.Kind.PAGE, page_id, lambda: sync.sync_page(page_id))


@task()
def sync_page_subtree_task(page_id: int) -> None:
    _guarded(Source.Kind.PAGE, page_id, lambda: sync.sync_page_subtree(page_id))


@task()
def sync_document_task(document_id: int) -> None:
    _guarded(Source.Kind.DOCUMENT, document_id, lambda: sync.sync_document(document_id))


@task()
def sync_documents_task(document_ids: list[int]) -> None:
    for document_id in document_ids:
        _guarded(Source.Kind.DOCUMENT, document_id, lambda pk=document_id: sync.sync_document(pk))


@task()
def sync_organizations_task(organization_ids: list[int] | None = None) -> None:
    """These organizations' profiles (every organization's when None: the directory page changed)."""
    if organization_ids is None:
        organization_ids = sync.organization_ids()
    for organization_id in organization_ids:
        _guarded(
            Source.Kind.ORGANIZATION,
            organization_id,
            lambda pk=organization_id: sync.sync_organizations([pk]),
        )


@task()
def sync_collection_task(collection_id: int) -> None:
    for document_id in sync.documents_in_collection(collection_id):
        _guarded(Source.Kind.DOCUMENT, document_id, lambda pk=document_id: sync.sync_document(pk))


# Bulk loads suspend the per-change tasks (they end with one `reindex` pass): cms.signals.bulk_load.
index_sync_suspended = bulk_load


def enqueue_after_commit(task_function, *args) -> None:
    """Run (or queue) the task only once the editor's transaction has committed."""
    if in_bulk_load():
        return
    transaction.on_commit(lambda: task_function.enqueue(*args))
