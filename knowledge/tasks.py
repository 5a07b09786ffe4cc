"""Background tasks (django-tasks): thin wrappers that call the sync services.

Immediate in development and tests; in production the database backend runs them in `manage.py db_worker`.
A task that fails records the failure on the source, so the admin's Search index screen shows it with a
retry button; the editor's save itself is never affected (tasks run after the transaction commits).
"""

import contextlib
import logging
import threading

from django.db import transaction
from django_tasks import task

from . import sync
from .models import SITE_NAMESPACE, Source
from .store import record_failure, refresh_lexeme_stats

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


def _refresh_keyword_statistics() -> None:
    """BM25 document frequencies: one ts_stat pass per task (not per source), cheap at the site's size."""
    try:
        refresh_lexeme_stats(SITE_NAMESPACE)
    except Exception:
        logger.exception("Refreshing keyword statistics failed; keyword ranking uses the previous ones")


@task()
def sync_page_task(page_id: int) -> None:
    _guarded(Source.Kind.PAGE, page_id, lambda: sync.sync_page(page_id))
    _refresh_keyword_statistics()


@task()
def sync_page_subtree_task(page_id: int) -> None:
    _guarded(Source.Kind.PAGE, page_id, lambda: sync.sync_page_subtree(page_id))
    _refresh_keyword_statistics()


@task()
def sync_document_task(document_id: int) -> None:
    _guarded(Source.Kind.DOCUMENT, document_id, lambda: sync.sync_document(document_id))
    _refresh_keyword_statistics()


@task()
def sync_documents_task(document_ids: list[int]) -> None:
    for document_id in document_ids:
        _guarded(Source.Kind.DOCUMENT, document_id, lambda pk=document_id: sync.sync_document(pk))
    _refresh_keyword_statistics()


@task()
def sync_collection_task(collection_id: int) -> None:
    for document_id in sync.documents_in_collection(collection_id):
        _guarded(Source.Kind.DOCUMENT, document_id, lambda pk=document_id: sync.sync_document(pk))
    _refresh_keyword_statistics()


_state = threading.local()


@contextlib.contextmanager
def index_sync_suspended():
    """For bulk loads that end with one `reindex` pass: no per-page task while inside."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def enqueue_after_commit(task_function, *args) -> None:
    """Run (or queue) the task only once the editor's transaction has committed."""
    if getattr(_state, "suspended", False):
        return
    transaction.on_commit(lambda: task_function.enqueue(*args))
