"""Faults with real processes on a copy of the test database: the database going away under a running server,
and the background worker killed mid-run then restarted.

The subprocesses use config.settings.ops_test (DEBUG off, tasks queued in the database for `db_worker`).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from .servers import ROOT, child_env, free_port, get, gunicorn, manage, spawn, stop, wait_until_serving

SETTINGS = "config.settings.ops_test"

SEED_SITE = """
from wagtail.models import Page, Site
from cms.models import HomePage, StandardPage
from knowledge.tasks import index_sync_suspended

with index_sync_suspended():
    root = Page.get_first_root_node()
    Page.objects.child_of(root).filter(slug="home").delete()
    home = root.add_child(instance=HomePage(title="Hub", slug="home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    home.save_revision().publish()
    page = home.add_child(instance=StandardPage(title="Cover crops", slug="cover-crops", intro="Cover crops."))
    page.save_revision().publish()
print("seeded")
"""


def _sql(kwargs: dict, dbname: str, sql: str):
    with psycopg.connect(**{**kwargs, "dbname": dbname}) as conn:
        return conn.execute(sql).fetchall()


def _scalar(kwargs: dict, dbname: str, sql: str):
    return _sql(kwargs, dbname, sql)[0][0]


def _seed(url: str, script: str) -> None:
    seeded = manage("shell", "-c", script, env=child_env(DATABASE_URL=url, DJANGO_SETTINGS_MODULE=SETTINGS))
    assert seeded.returncode == 0 and "seeded" in seeded.stdout, seeded.stdout + seeded.stderr


# --- The database goes away while the server runs --------------------------------------------------------------


@pytest.mark.slow
def test_database_outage_answers_503_then_recovers_without_restart(copy_database, tmp_path):
    url, kwargs, name = copy_database
    _seed(url, SEED_SITE)
    env = child_env(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DATABASE_CONN_MAX_AGE="600",  # persistent connections: the hard case, a kept connection breaks
        SEARCH_API_THROTTLE="1000/minute",
    )
    port, log = free_port(), tmp_path / "gunicorn.log"
    # One worker: every request goes through the same persistent connection, the one the outage breaks.
    server = gunicorn(port, env, log, workers=1)
    try:
        wait_until_serving(port, server, log, path="/cover-crops/")
        assert get(port, "/cover-crops/")[0] == 200
        assert get(port, "/api/search/?q=cover+crops", timeout=120)[0] == 200  # loads the model: warm-up

        with psycopg.connect(**kwargs) as conn:  # the database goes away: no new session, old ones killed
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])

        for _ in range(2):  # the broken kept connection, then a refused new one: the same clean answer
            status, headers, body = get(port, "/api/search/?q=x")
            assert status == 503, body[:2000]
            assert headers["content-type"] == "application/json"
            assert (
                json.loads(body)["error"]["message"] == "The database is unavailable, please retry shortly."
            )
            assert int(headers["retry-after"]) > 0

            # A page not in the page cache needs the database (another query string: another cache entry) ...
            status, headers, body = get(port, "/cover-crops/?during=outage")
            assert status == 503, body[:2000]
            assert headers["content-type"].startswith("text/html") and int(headers["retry-after"]) > 0
            assert b"briefly unavailable" in body and b"Traceback" not in body
            # ... while a page visitors have seen is still served from the page cache, outage or not.
            status, headers, body = get(port, "/cover-crops/")
            assert status == 200 and headers.get("x-page-cache") == "hit" and b"Cover crops" in body

        with psycopg.connect(**kwargs) as conn:  # the database is back
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

        status, _, body = get(port, "/cover-crops/")
        assert status == 200, body[:2000]
        assert b"Cover crops" in body
        status, _, body = get(port, "/api/search/?q=cover+crops")
        assert status == 200, body[:2000]
        assert server.poll() is None  # no worker crashed or restarted to get there
        assert "Traceback" not in log.read_text().split("Database unavailable")[0]
    finally:
        stop(server)


# --- The background worker is killed mid-run ------------------------------------------------------------------

PAGES = 40

SEED_QUEUE = f"""
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site
from cms.models import HomePage, StandardPage
from knowledge.tasks import index_sync_suspended

with index_sync_suspended():
    root = Page.get_first_root_node()
    Page.objects.child_of(root).filter(slug="home").delete()
    home = root.add_child(instance=HomePage(title="Hub", slug="home"))
    Site.objects.update_or_create(is_default_site=True, defaults={{"hostname": "localhost", "root_page": home}})
home.save_revision().publish()
topics = ["biochar", "cover crops", "agroforestry", "grazing", "compost", "peatland", "terraces", "no-till"]
# Published as an editor would: each publish queues a sync task in the database (nothing runs here).
for i in range({PAGES}):
    topic = topics[i % len(topics)]
    text = f"Worker note {{i}} on {{topic}} and soil organic carbon. " * 30
    page = home.add_child(instance=StandardPage(title=f"{{topic.title()}} {{i}}", slug=f"note-{{i}}", intro=text))
    page.save_revision().publish()
withdrawn = home.add_child(instance=StandardPage(title="Withdrawn", slug="withdrawn", intro="Withdrawn note."))
withdrawn.save_revision().publish()
withdrawn.unpublish()
home.add_child(instance=StandardPage(title="Draft", slug="draft", intro="never indexed", live=False))
print("seeded", DBTaskResult.objects.filter(status="READY").count())
"""

LIVE_PAGES = "SELECT id::text FROM wagtailcore_page WHERE depth > 1 AND live ORDER BY id"
INDEXED_PAGES = "SELECT object_id FROM knowledge_source WHERE namespace = 'site' AND kind = 'page' ORDER BY 1"
TASKS = "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
RUNNING_IDS = "SELECT id::text, task_path FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
SYNCED = """
    SELECT count(*) FROM django_tasks_database_dbtaskresult
    WHERE status = 'SUCCESSFUL' AND task_path LIKE 'knowledge.tasks.sync_page%'
"""
BAD_CHUNKS = """
    SELECT count(*) FROM knowledge_source s
    WHERE s.status <> 'indexed'
       OR s.chunk_count <> (SELECT count(*) FROM knowledge_chunk c WHERE c.source_id = s.id)
       OR s.chunk_count <> (SELECT coalesce(max(position), -1) + 1 FROM knowledge_chunk c WHERE c.source_id = s.id)
"""


SYNC_PAGE = "knowledge.tasks.sync_page"


def _worker(url: str, log, *extra: str) -> subprocess.Popen:
    env = child_env(DATABASE_URL=url, DJANGO_SETTINGS_MODULE=SETTINGS)
    args = [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay", *extra]
    return spawn(args, env, log)


@pytest.mark.slow
def test_worker_killed_mid_run_then_restarted_ends_consistent(copy_database, tmp_path):
    """SIGKILL the worker while it runs a sync task, restart it: the task the dead worker was running is put back
    in the queue (its lease died with it) and runs again, every queued task runs once, and the index ends equal
    to the live pages without any manual `reindex`; nothing is duplicated or half-written."""
    url, kwargs, name = copy_database
    _seed(url, SEED_QUEUE)
    tasks_table = dict(_sql(kwargs, name, TASKS))
    assert tasks_table.get("READY", 0) >= PAGES

    first = _worker(url, tmp_path / "worker1.log")
    try:
        deadline, killed_while_running = time.monotonic() + 300, False
        while time.monotonic() < deadline and first.poll() is None:
            done = _scalar(kwargs, name, SYNCED)
            running = _sql(kwargs, name, RUNNING_IDS)
            # Wagtail's own tasks (reference and search index updates) share the queue: wait for ours.
            if done >= 5 and any(path.startswith(SYNC_PAGE) for _, path in running):
                first.send_signal(signal.SIGKILL)
                killed_while_running = True
                break
            time.sleep(0.05)
        assert killed_while_running, (tmp_path / "worker1.log").read_text()[-3000:]
        first.wait(timeout=30)
        assert first.returncode == -signal.SIGKILL
    finally:
        stop(first, signal.SIGKILL)
    after_kill = dict(_sql(kwargs, name, TASKS))
    assert after_kill.get("READY", 0) > 0, after_kill  # killed well before the end
    interrupted = _sql(kwargs, name, RUNNING_IDS)
    assert len(interrupted) == 1 and interrupted[0][1].startswith(SYNC_PAGE), interrupted
    interrupted_id = interrupted[0][0]

    second = _worker(url, tmp_path / "worker2.log", "--batch")  # runs what is ready, then exits
    try:
        assert second.wait(timeout=600) == 0, (tmp_path / "worker2.log").read_text()[-3000:]
    finally:
        stop(second, signal.SIGKILL)
    assert "1 requeued" in (tmp_path / "worker2.log").read_text()

    final_tasks = dict(_sql(kwargs, name, TASKS))
    assert set(final_tasks) == {"SUCCESSFUL"}, final_tasks  # none left READY, RUNNING or FAILED
    status, workers = _sql(
        kwargs,
        name,
        f"SELECT status, jsonb_array_length(worker_ids) FROM django_tasks_database_dbtaskresult "
        f"WHERE id = '{interrupted_id}'",
    )[0]
    assert (status, workers) == ("SUCCESSFUL", 2)  # the same task, claimed by the dead worker, then again

    live = {row[0] for row in _sql(kwargs, name, LIVE_PAGES)}
    assert len(live) == PAGES + 1  # home and the notes; not the withdrawn page nor the draft
    assert {row[0] for row in _sql(kwargs, name, INDEXED_PAGES)} == live  # no reindex needed
    assert _scalar(kwargs, name, BAD_CHUNKS) == 0  # no duplicate or half-written source
    assert _scalar(kwargs, name, "SELECT count(*) FROM knowledge_chunk") == _scalar(
        kwargs, name, "SELECT sum(chunk_count) FROM knowledge_source"
    )


def test_ops_settings_module_queues_tasks_in_the_database():
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.TASKS['default']['BACKEND'], settings.DEBUG)"],
        cwd=ROOT, env=child_env(DJANGO_SETTINGS_MODULE=SETTINGS, DATABASE_URL="postgresql://x@127.0.0.1/none"),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.stdout.split() == ["django_tasks_db.DatabaseBackend", "False"], out.stderr


# --- A running worker requeues the tasks of a worker that died meanwhile ------------------------------------------

DEAD_WORKERS_TASK = """
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

task = DBTaskResult.objects.create(
    status="RUNNING", started_at=timezone.now(), run_after=timezone.now(), backend_name="default",
    task_path="knowledge.tasks.sync_page_task", args_kwargs={"args": [987654], "kwargs": {}},
    worker_ids=["a-worker-that-died"],
)
print("seeded", task.pk)
"""
LEASES = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 4935255 AND granted"


@pytest.mark.slow
def test_a_running_worker_requeues_tasks_of_a_worker_that_died_after_it_started(copy_database, tmp_path):
    """Not only at start: every --sweep-interval the worker finds RUNNING tasks whose worker holds no lease
    (here one that died after this worker's own start), puts them back in the queue and runs them."""
    url, kwargs, name = copy_database
    log = tmp_path / "worker.log"
    worker = _worker(url, log, "--sweep-interval", "0.5")
    try:
        deadline = time.monotonic() + 120
        while _scalar(kwargs, name, LEASES) == 0:  # started: the lease is held and the start sweep done
            assert worker.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        time.sleep(1)
        _seed(url, DEAD_WORKERS_TASK)

        status = "RUNNING"
        deadline = time.monotonic() + 60
        while status == "RUNNING" and time.monotonic() < deadline:
            time.sleep(0.2)
            status = _scalar(kwargs, name, "SELECT status FROM django_tasks_database_dbtaskresult")
        assert status == "SUCCESSFUL", log.read_text()[-3000:]
        worker_ids = _scalar(kwargs, name, "SELECT worker_ids::text FROM django_tasks_database_dbtaskresult")
        assert worker_ids.startswith('["a-worker-that-died", '), worker_ids  # claimed again, by this worker
    finally:
        stop(worker)
