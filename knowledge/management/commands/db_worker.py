"""django-tasks-db's `db_worker`, with a lease: tasks left RUNNING by a worker that died are run again.

Same options as django-tasks-db's command (this one takes precedence because `knowledge` comes first in
INSTALLED_APPS), plus `--sweep-interval`. On start, and then every sweep interval, the worker puts back in the
queue the tasks whose worker no longer holds its lease (see knowledge.worker).
"""

from __future__ import annotations

import logging

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from knowledge.worker import Sweeper, WorkerLease, requeue_interrupted

logger = logging.getLogger("knowledge.worker")


class Command(DbWorkerCommand):
    help = DbWorkerCommand.help + " Tasks interrupted by a dead worker are requeued."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-interval",
            type=float,
            default=60.0,
            help="Seconds between checks for tasks of dead workers (default 60; 0 = only at start).",
        )

    def handle(self, *args, worker_id: str, sweep_interval: float, **options) -> None:
        self.configure_logging(options["verbosity"])
        with WorkerLease(worker_id) as lease:
            counts = requeue_interrupted()
            if any(counts.values()):
                logger.warning(
                    "Tasks interrupted by a dead worker: %d requeued, %d failed (died too often)",
                    counts["requeued"],
                    counts["failed"],
                )
            sweeper = Sweeper(lease, sweep_interval) if sweep_interval > 0 else None
            if sweeper is not None:
                sweeper.start()
            try:
                super().handle(*args, worker_id=worker_id, **options)
            finally:
                if sweeper is not None:
                    sweeper.stop()
