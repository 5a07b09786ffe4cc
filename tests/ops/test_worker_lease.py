"""Tasks left RUNNING by a dead worker are found through the worker's lease and run again (or given up after
too many deaths); a task whose worker is alive is never touched."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from knowledge.worker import MAX_ATTEMPTS, WorkerLease, live_workers, requeue_interrupted

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


def test_lease_is_held_while_the_worker_lives():
    assert live_workers(["worker-a"]) == set()
    with WorkerLease("worker-a"):
        assert live_workers(["worker-a", "worker-b", ""]) == {"worker-a"}
    assert live_workers(["worker-a"]) == set()  # released with its session, as when the process dies


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

    # The live worker has now gone too (its lease ended with its session): its task goes back in the queue.
    assert requeue_interrupted() == {"requeued": 1, "failed": 0}
    assert DBTaskResult.objects.get(pk=of_live_worker.pk).status == "READY"
