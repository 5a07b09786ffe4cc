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

import psycopg
from django.db import connection, transaction
from django.utils import timezone

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
            if self._conn is not None:
                self._conn.close()  # ends the session: PostgreSQL releases the lock
                self._conn = None

    def __enter__(self) -> WorkerLease:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def worker_alive(worker_id: str) -> bool:
    """True while some session holds the worker's lease."""
    key = lease_key(worker_id)
    with _connect() as conn:
        taken = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", [LEASE_NAMESPACE, key]).fetchone()[0]
        if taken:
            conn.execute("SELECT pg_advisory_unlock(%s, %s)", [LEASE_NAMESPACE, key])
        return not taken


def requeue_interrupted() -> dict[str, int]:
    """Put the RUNNING tasks of dead workers back in the queue; returns {"requeued": n, "failed": m}."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    counts = {"requeued": 0, "failed": 0}
    alive: dict[str, bool] = {}
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids"):
        owner = result.worker_ids[-1] if result.worker_ids else ""
        if owner not in alive:
            alive[owner] = bool(owner) and worker_alive(owner)
        if alive[owner]:
            continue
        with transaction.atomic():
            # Only if still RUNNING under the same worker: never race a worker that finished it meanwhile.
            claimed = DBTaskResult.objects.select_for_update().filter(
                pk=result.pk, status=TaskResultStatus.RUNNING, worker_ids=result.worker_ids
            )
            if len(result.worker_ids) >= MAX_ATTEMPTS:
                updated = claimed.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=timezone.now(),
                    exception_class_path="knowledge.worker.WorkerDied",
                    traceback=(
                        f"The worker died while running this task, {len(result.worker_ids)} times "
                        f"(workers {', '.join(result.worker_ids)}): not retried again. "
                        "Run `manage.py reindex` once the cause (memory, a file) is fixed."
                    ),
                )
                state = "failed"
            else:
                updated = claimed.update(status=TaskResultStatus.READY, started_at=None)
                state = "requeued"
        if updated:
            counts[state] += 1
            logger.warning("Task %s of dead worker %s %s", result.pk, owner or "(unknown)", state)
    return counts


class Sweeper(threading.Thread):
    """Requeues interrupted tasks every `interval` seconds, for workers that died while this one lives."""

    def __init__(self, lease: WorkerLease, interval: float) -> None:
        super().__init__(name="task-sweeper", daemon=True)
        self.lease = lease
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        from django.db import close_old_connections

        while not self.stopped.wait(self.interval):
            try:
                self.lease.acquire()  # after a database restart the lease must be taken again
                requeue_interrupted()
            except Exception:  # the sweeper must never take the worker down
                logger.exception("Requeueing interrupted tasks failed; trying again later")
            finally:
                close_old_connections()

    def stop(self) -> None:
        self.stopped.set()


def queue_summary() -> dict | None:
    """The background index updates, for the admin's Search index screen; None when tasks run immediately."""
    from django.conf import settings
    from django.db.models import Count, Min
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db"):
        return None
    ours = DBTaskResult.objects.filter(task_path__startswith="knowledge.tasks.")
    counts = dict(
        ours.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    running_owners = [
        ids[-1] if ids else ""
        for ids in ours.filter(status=TaskResultStatus.RUNNING).values_list("worker_ids", flat=True)
    ]
    alive = {owner: bool(owner) and worker_alive(owner) for owner in set(running_owners)}
    interrupted = sum(1 for owner in running_owners if not alive[owner])
    week_ago = timezone.now() - dt.timedelta(days=7)
    oldest_waiting = ours.filter(status=TaskResultStatus.READY).aggregate(t=Min("enqueued_at"))["t"]
    return {
        "waiting": counts.get(TaskResultStatus.READY, 0),
        "running": counts.get(TaskResultStatus.RUNNING, 0) - interrupted,
        "interrupted": interrupted,
        "oldest_waiting": oldest_waiting,
        # A worker takes a task within seconds: an update waiting this long means no worker is taking any.
        "stalled": oldest_waiting is not None and timezone.now() - oldest_waiting > STALLED_AFTER,
        "failed_this_week": ours.filter(status=TaskResultStatus.FAILED, finished_at__gte=week_ago).count(),
    }
