"""Subprocess tests of tests/ops/: the test settings as production runs them (DEBUG off, tasks queued in the
database for `manage.py db_worker`), without the secrets and collected static files production requires."""

from .test import *  # noqa: F403

DEBUG = False
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
