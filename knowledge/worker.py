"""Recovery of background tasks whose worker died while running them.

django-tasks-db marks a task RUNNING when a worker claims it and has no heartbeat: if the worker is killed
(OOM, SIGKILL, a host reboot), the task stays RUNNING for ever and its page may stay missing from the index.
Our `db_worker` therefore holds a *lease* while it lives: a PostgreSQL session advisory lock keyed by its
worker id, on a connection of its own. PostgreSQL drops the lock the moment that connection dies with the
process, so "is the worker that claimed this task still alive?" is one `pg_try_advisory_lock` away, on any
host that shares the database, with no clock or heartbeat to tune.

`requeue_interrupted()` puts every RUNNING task whose worker holds no lease back to READY (sync tasks are
idempotent: running one twice gives the same index). A task whose workers died under it `MAX_ATTEMPTS` times
is marked FAILED instead, so that one document that kills the worker cannot crash-loop the queue.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterable

import psycopg
from django.db import close_old_connections, connection
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import SITE_NAMESPACE
from .store import maintain_keyword_statistics

logger = logging.getLogger(__name__)

LEASE_NAMESPACE = 0x4B4E57  # "KNW": the first key of the two-key advisory lock, apart from other users
MAX_ATTEMPTS = 3
STALLED_AFTER = dt.timedelta(minutes=5)


def lease_key(worker_id: str) -> int:
    """A signed 32-bit key from the worker id (the second key of the advisory lock)."""
    return int.from_bytes(hashlib.sha256(worker_id.encode()).digest()[:4], "big", signed=True)


def _connect() -> psycopg.Connection:
    """A connection of our own, outside Django's (which the worker closes and reopens between tasks)."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=True)


class WorkerLease:
    """Holds the advisory lock of `worker_id` for as long as the worker lives (re-taken after a reconnect)."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self.key = lease_key(worker_id)
        self._conn: psycopg.Connection | None = None
        self._lock = threading.Lock()

    def acquire(self) -> None:
        with self._lock:
            if self._conn is not None and not self._conn.closed:
                try:
                    self._conn.execute("SELECT 1")
                    return
                except psycopg.Error:
                    self._conn.close()
            self._conn = _connect()
            self._conn.execute("SELECT pg_advisory_lock(%s, %s)", [LEASE_NAMESPACE, self.key])

    def release(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            try:
                # Unlocked before closing: a closed connection's server session ends a moment later, not at once,
                # and until it has, other sessions still see the lease held (a worker stopping would look alive).
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", [LEASE_NAMESPACE, self.key])
            except psycopg.Error:
                pass  # the session is gone already (a database restart), and its lock with it
            finally:
                conn.close()

    def __enter__(self) -> WorkerLease:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def live_workers(worker_ids: Iterable[str]) -> set[str]:
    """The workers among `worker_ids` whose lease some session holds (checked on one connection)."""
    wanted = set(worker_ids) - {""}
    live: set[str] = set()
    if not wanted:
        return live
    with _connect() as conn:
        for worker_id in wanted:
            key = lease_key(worker_id)
            taken = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", [LEASE_NAMESPACE, key]).fetchone()[0]
            if taken:
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", [LEASE_NAMESPACE, key])
            else:
                live.add(worker_id)
    return live


def claimant(worker_ids: list[str]) -> str:
    """The worker that claimed a task last (django-tasks-db appends each claim), "" if none."""
    return worker_ids[-1] if worker_ids else ""


def requeue_interrupted() -> dict[str, int]:
    """Put the RUNNING tasks of dead workers back in the queue; returns {"requeued": n, "failed": m}."""
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list("pk", "worker_ids")
    )
    live = live_workers(claimant(ids) for _, ids in running)
    counts = {"requeued": 0, "failed": 0}
    for pk, worker_ids in running:
        if claimant(worker_ids) in live:
            continue
        # Only if still RUNNING under the same claims: never race a worker that finished it meanwhile.
        claimed = DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING, worker_ids=worker_ids)
        if len(worker_ids) >= MAX_ATTEMPTS:
            state = "failed"
            updated = claimed.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path="knowledge.worker.WorkerDied",
                traceback=(
                    f"The worker died while running this task, {len(worker_ids)} times "
                    f"(workers {', '.join(worker_ids)}): not retried again. "
                    "Run `manage.py reindex` once the cause (memory, a file) is fixed."
                ),
            )
        else:
            state = "requeued"
            updated = claimed.update(status=TaskResultStatus.READY, started_at=None)
        if updated:
            counts[state] += 1
            logger.warning("Task %s of dead worker %s %s", pk, claimant(worker_ids) or "(unknown)", state)
    return counts


STATISTICS_LOCK = 1  # second advisory-lock key: one worker at a time maintains the keyword statistics


def maintain_statistics() -> bool:
    """The periodic part of keyword indexing: posting weights recomputed when the average passage length has
    drifted (knowledge.store.maintain_keyword_statistics; a one-row check otherwise). One worker at a time."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LEASE_NAMESPACE, STATISTICS_LOCK])
        if not cursor.fetchone()[0]:
            return False
        try:
            return maintain_keyword_statistics(SITE_NAMESPACE)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LEASE_NAMESPACE, STATISTICS_LOCK])


class Sweeper(threading.Thread):
    """Every `interval` seconds: requeues the tasks of workers that died while this one lives, and maintains the
    keyword statistics (see maintain_statistics)."""

    def __init__(self, lease: WorkerLease, interval: float) -> None:
        super().__init__(name="task-sweeper", daemon=True)
        self.lease = lease
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                self.lease.acquire()  # after a database restart the lease must be taken again
                requeue_interrupted()
                maintain_statistics()
            except Exception:  # the sweeper must never take the worker down
                logger.exception("Requeueing interrupted tasks failed; trying again later")
            finally:
                close_old_connections()

    def stop(self) -> None:
        self.stopped.set()


def queue_summary() -> dict | None:
    """The background index updates, for the admin's Search index screen; None when tasks run immediately."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    ours = DBTaskResult.objects.filter(task_path__startswith="knowledge.tasks.")
    waiting = ours.filter(status=TaskResultStatus.READY).aggregate(
        count=Count("pk"), oldest=Min("enqueued_at")
    )
    claimants = [
        claimant(ids)
        for ids in ours.filter(status=TaskResultStatus.RUNNING).values_list("worker_ids", flat=True)
    ]
    live = live_workers(claimants)
    running = sum(1 for worker_id in claimants if worker_id in live)
    now = timezone.now()
    return {
        "waiting": waiting["count"],
        "running": running,
        "interrupted": len(claimants) - running,
        "oldest_waiting": waiting["oldest"],
        # A worker takes a task within seconds: an update waiting this long means no worker is taking any.
        "stalled": waiting["oldest"] is not None and now - waiting["oldest"] > STALLED_AFTER,
        "failed_this_week": ours.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=now - dt.timedelta(days=7)
        ).count(),
    }
