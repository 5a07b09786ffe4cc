"""Tasks left RUNNING by a dead worker are found through the worker's lease and run again (or given up after
too many deaths); a task whose worker is alive is never touched."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from knowledge.worker import (
    LEASE_NAMESPACE,
    MAX_ATTEMPTS,
    WorkerLease,
    lease_key,
    live_workers,
    requeue_interrupted,
)

pytestmark = pytest.mark.django_db


def running(*worker_ids: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="RUNNING",
        started_at=timezone.now(),
        run_after=timezone.now(),
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="knowledge.tasks.sync_page_task",
        backend_name="default",
        worker_ids=list(worker_ids),
    )


def lease_holders(worker_id: str) -> list[int]:
    """The server processes holding `worker_id`'s lease in this database, read from pg_locks (a two-key advisory
    lock shows its keys as classid and objid, the second as an unsigned oid)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND classid = %s::bigint::oid AND objid = (%s::bigint & 4294967295)::oid",
            [LEASE_NAMESPACE, lease_key(worker_id)],
        )
        return [pid for (pid,) in cursor.fetchall()]


def terminate(pid: int) -> None:
    """End a server session as a worker's death does, and wait until it has ended (no sleep on a guess)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s, 10000)", [pid])
        assert cursor.fetchone()[0], f"session {pid} still running after 10 s"


def test_lease_is_held_while_the_worker_lives():
    assert live_workers(["worker-a"]) == set()
    with WorkerLease("worker-a"):
        assert live_workers(["worker-a", "worker-b", ""]) == {"worker-a"}
        assert len(lease_holders("worker-a")) == 1
    # Unlocked by the lease when it is left, not when its closed session ends, a moment later.
    assert lease_holders("worker-a") == []
    assert live_workers(["worker-a"]) == set()


def test_lease_ends_with_the_worker_session_and_is_taken_again_after_a_reconnect():
    """A killed worker never releases its lease: PostgreSQL drops the lock with its session."""
    lease = WorkerLease("worker-b")
    lease.acquire()
    try:
        (first,) = lease_holders("worker-b")
        terminate(first)
        assert live_workers(["worker-b"]) == set()

        lease.acquire()  # the sweeper does this every round: after a database restart, a new session
        (second,) = lease_holders("worker-b")
        assert second != first and live_workers(["worker-b"]) == {"worker-b"}
        terminate(second)
    finally:
        lease.release()  # its session is gone already: nothing to unlock, and no error
    assert lease_holders("worker-b") == [] and live_workers(["worker-b"]) == set()


def test_tasks_of_dead_workers_are_requeued_and_crash_loops_stop():
    with WorkerLease("alive"):
        of_live_worker = running("alive")
        of_dead_worker = running("dead")
        retried_once = running("dead-1", "dead")
        killed_every_time = running(*(f"dead-{i}" for i in range(MAX_ATTEMPTS)))
        finished = running("dead")
        DBTaskResult.objects.filter(pk=finished.pk).update(status="SUCCESSFUL")

        assert requeue_interrupted() == {"requeued": 2, "failed": 1}
        assert requeue_interrupted() == {"requeued": 0, "failed": 0}  # nothing more to do: idempotent
        assert DBTaskResult.objects.get(pk=of_live_worker.pk).status == "RUNNING"

    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[of_live_worker.pk] == "RUNNING"
    assert status[of_dead_worker.pk] == "READY"
    assert status[retried_once.pk] == "READY"
    assert status[killed_every_time.pk] == "FAILED"
    assert status[finished.pk] == "SUCCESSFUL"
    requeued = DBTaskResult.objects.get(pk=of_dead_worker.pk)
    assert requeued.started_at is None and requeued.worker_ids == ["dead"]  # history kept: attempts count
    given_up = DBTaskResult.objects.get(pk=killed_every_time.pk)
    assert f"died while running this task, {MAX_ATTEMPTS} times" in given_up.traceback
    assert given_up.finished_at is not None

    # The live worker has now gone too (its lease released): its task goes back in the queue.
    assert requeue_interrupted() == {"requeued": 1, "failed": 0}
    assert DBTaskResult.objects.get(pk=of_live_worker.pk).status == "READY"
