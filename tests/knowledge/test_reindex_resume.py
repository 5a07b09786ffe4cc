"""`manage.py reindex` killed with SIGKILL mid-run, then run again, ends with exactly the right chunks.

The command runs in real subprocesses against a copy of the migrated test database (data must be committed
for another process to see it, which the transactional test fixtures would roll back), so this test holds
no Django database fixture: it makes and drops its own database next to the test database.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]

SEED = """
from wagtail.models import Page, Site
from cms.models import HomePage, StandardPage
from knowledge.tasks import index_sync_suspended

with index_sync_suspended():
    root = Page.get_first_root_node()
    Page.objects.child_of(root).filter(slug="home").delete()
    home = root.add_child(instance=HomePage(title="Hub", slug="home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    topics = ["biochar", "cover crops", "agroforestry", "grazing", "compost", "peatland", "terraces", "no-till"]
    for i in range(48):
        topic = topics[i % len(topics)]
        text = f"Note {i} on {topic} and soil organic carbon. " * 40
        page = home.add_child(instance=StandardPage(title=f"{topic.title()} note {i}", slug=f"note-{i}", intro=text))
        page.save_revision().publish()
    hidden = home.add_child(instance=StandardPage(title="Draft", slug="draft", intro="never indexed", live=False))
print("seeded")
"""


def _manage(url: str, *args: str, **popen) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def _count(kwargs: dict, dbname: str, sql: str) -> int:
    with psycopg.connect(**{**kwargs, "dbname": dbname}) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.mark.slow
def test_reindex_killed_mid_run_resumes_to_the_exact_index(copy_database):
    url, kwargs, name = copy_database
    seed = _manage(url, "shell", "-c", SEED)
    output, _ = seed.communicate(timeout=300)
    assert seed.returncode == 0 and "seeded" in output, output

    run = _manage(url, "reindex", "--batch-size", "1", "--no-progress")
    deadline = time.monotonic() + 240
    written = 0
    while time.monotonic() < deadline and run.poll() is None:
        written = _count(kwargs, name, "SELECT count(*) FROM knowledge_source WHERE namespace = 'site'")
        if written >= 5:
            break
        time.sleep(0.2)
    assert run.poll() is None, "reindex finished before it could be killed: the test needs more content"
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert run.returncode == -signal.SIGKILL
    partial = _count(kwargs, name, "SELECT count(*) FROM knowledge_source WHERE namespace = 'site'")
    assert 5 <= partial < 49

    second = _manage(url, "reindex", "--no-progress")
    output, _ = second.communicate(timeout=300)
    assert second.returncode == 0, output

    # Exactly the live pages (home + 48 notes; not the draft), each once, with contiguous chunk positions.
    live_pages = _count(kwargs, name, "SELECT count(*) FROM wagtailcore_page WHERE depth > 1 AND live")
    assert live_pages == 49
    assert (
        _count(kwargs, name, "SELECT count(*) FROM knowledge_source WHERE namespace = 'site'") == live_pages
    )
    assert _count(kwargs, name, "SELECT count(*) FROM knowledge_source WHERE status <> 'indexed'") == 0
    assert (
        _count(
            kwargs,
            name,
            """
        SELECT count(*) FROM knowledge_source s
        WHERE s.chunk_count <> (SELECT count(*) FROM knowledge_chunk c WHERE c.source_id = s.id)
           OR s.chunk_count <> (SELECT coalesce(max(position), -1) + 1 FROM knowledge_chunk c WHERE c.source_id = s.id)
    """,
        )
        == 0
    )
    assert (
        _count(
            kwargs,
            name,
            """
        SELECT count(*) FROM knowledge_source s JOIN wagtailcore_page p ON p.id = s.page_id WHERE NOT p.live
    """,
        )
        == 0
    )
    computed = int(re.search(r"(\d+) embeddings computed", output).group(1))
    assert computed > 0  # the second run did the rest of the work ...

    third = _manage(url, "reindex", "--no-progress")
    output, _ = third.communicate(timeout=300)
    assert third.returncode == 0, output
    done = re.search(r"Done in [\d.]+s: (\d+) indexed, (\d+) unchanged, (\d+) removed, (\d+) failed", output)
    assert done, output
    indexed, unchanged, removed, failed = map(int, done.groups())
    assert (indexed, removed, failed) == (0, 0, 0) and unchanged > 0, (
        output
    )  # ... and a third has nothing to do
    assert re.search(r"\b0 embeddings computed", output), output
