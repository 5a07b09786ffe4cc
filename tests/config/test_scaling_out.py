"""Past one machine, by settings alone (README "Scaling out"): anonymous reads on a read replica, media on another
storage backend, the caches on Redis shared by every worker. What can run here runs for real: the replica is a
second connection to the same database (routing is what is tested, not replication), the storage is Django's
in-memory one, and Redis is a real redis-server when the machine has one."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache
from django.core.files.base import ContentFile
from django.db import connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from cms import page_cache
from cms.models import StandardPage
from cms.replica import REPLICA_ALIAS
from tests.conftest import SiteTree, add_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def replica(db):
    """A "replica" alias for this test only: a connection wrapper of its own (its queries are counted apart) over
    the primary's session, so it sees the test's data as a caught-up replica would."""
    primary = connections["default"]
    primary.ensure_connection()
    wrapper = type(primary)({**primary.settings_dict}, alias=REPLICA_ALIAS)
    wrapper.connection = primary.connection
    connections.settings[REPLICA_ALIAS] = wrapper.settings_dict
    connections[REPLICA_ALIAS] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.connection = None  # the session is the primary's: never close it here
        del connections[REPLICA_ALIAS]
        del connections.settings[REPLICA_ALIAS]


def reads_and_writes(queries) -> tuple[list[str], list[str]]:
    sql = [q["sql"].lstrip() for q in queries.captured_queries]
    writes = [s for s in sql if s.upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    reads = [s for s in sql if s.upper().startswith(("SELECT", "WITH", "SET", "(SELECT"))]
    return reads, writes


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=0)
def test_anonymous_reads_go_to_the_replica_and_the_rest_to_the_primary(
    client, replica, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tree = SiteTree()
        page = add_page(
            tree.home, StandardPage, title="Compost trials", intro="Compost on sandy soils raises carbon."
        )
    primary = connections["default"]

    with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
        assert client.get(page.url).status_code == 200
    assert reads_and_writes(on_replica)[0], "the page view read from the replica"
    assert not on_primary.captured_queries, [q["sql"][:80] for q in on_primary.captured_queries]

    with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
        response = client.get("/search/", {"q": "compost sandy soils"})
    assert response.status_code == 200 and "Compost trials" in response.content.decode()
    replica_reads, _ = reads_and_writes(on_replica)
    assert any("knowledge_chunk" in sql for sql in replica_reads), "the search ran on the replica"
    primary_reads, primary_writes = reads_and_writes(on_primary)
    assert primary_writes and all("search_searchlogentry" in sql for sql in primary_writes)
    assert not primary_reads, "nothing but the search log write went to the primary"

    with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
        assert client.get("/api/search/", {"q": "compost"}).status_code == 200
    assert reads_and_writes(on_replica)[0] and not on_primary.captured_queries

    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    client.force_login(editor)
    with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
        assert client.get(page.url).status_code == 200
    assert on_primary.captured_queries and not on_replica.captured_queries, "signed in: the primary only"


@pytest.mark.django_db
def test_without_a_replica_everything_uses_the_primary(client, site_tree):
    assert REPLICA_ALIAS not in connections.settings
    page = add_page(site_tree.home, StandardPage, title="Compost", intro="Compost.")
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_media_on_another_storage_backend(client, site_tree, django_capture_on_commit_callbacks, tmp_path):
    """Documents are stored, read for indexing and served only through Django's storage API (no local paths)."""
    storages = {
        "default": {"BACKEND": "tests.builders.RemoteLikeStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, MEDIA_ROOT=str(tmp_path)):
        with django_capture_on_commit_callbacks(execute=True):
            document = get_document_model()(title="Biochar field notes")
            document.file.save("biochar.txt", ContentFile(b"Biochar persists in sandy soils for centuries."))
            document.save()
        assert not any(tmp_path.iterdir()), "nothing written to the local media folder"
        found = client.get("/api/search/", {"q": "biochar sandy soils"}).json()["results"]
        assert [result["title"] for result in found][:1] == ["Biochar field notes"]
        download = client.get(document.url)
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == b"Biochar persists in sandy soils for centuries."


def test_the_settings_come_from_the_environment():
    script = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'cache': settings.CACHES['default']['BACKEND'], 'location': settings.CACHES['default']"
        ".get('LOCATION'), 'shared': settings.CACHES['shared']['BACKEND'], 'page_cache': settings.PAGE_CACHE_ALIAS,"
        "'replica': settings.DATABASES.get('replica', {}).get('NAME'), 'storage': settings.STORAGES['default'],"
        "'routers': settings.DATABASE_ROUTERS}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "scaling-out-test-" + "x" * 50,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": "postgresql://hub:pw@db.example.org:5432/soilhub",
        "DATABASE_REPLICA_URL": "postgresql://hub:pw@replica.example.org:5432/soilhub",
        "REDIS_URL": "redis://cache.example.org:6379/0",
        # Any installed backend works the same way (e.g. storages.backends.s3.S3Storage with django-storages).
        "MEDIA_STORAGE_BACKEND": "django.core.files.storage.InMemoryStorage",
        "MEDIA_STORAGE_OPTIONS": '{"base_url": "https://media.example.org/"}',
    }
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert found["location"] == "redis://cache.example.org:6379/0"
    assert found["shared"] == "django.core.cache.backends.redis.RedisCache"
    assert found["page_cache"] == "shared"
    assert found["replica"] == "soilhub"
    assert found["storage"] == {
        "BACKEND": "django.core.files.storage.InMemoryStorage",
        "OPTIONS": {"base_url": "https://media.example.org/"},
    }
    assert found["routers"] == ["config.db_router.ReadReplicaRouter"]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run installs it)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                RedisCache(url, {}).get("ping")
                break
            except Exception:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.django_db
def test_the_page_cache_on_redis_is_shared_by_the_workers(client, site_tree, redis_url):
    """Two workers = two cache clients of the same Redis: a page stored by one is served by the other, and a change
    seen by one invalidates the other's copy at once."""
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
        "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    with override_settings(CACHES=caches, PAGE_CACHE_ALIAS="shared"):
        from django.core.cache import caches as handler

        handler["shared"].clear()
        page = add_page(site_tree.home, StandardPage, title="Compost trials", intro="Compost.")
        assert client.get(page.url)["X-Page-Cache"] == "miss"
        other_worker = RedisCache(redis_url, {})
        assert other_worker.get(page_cache.GENERATION_KEY) == page_cache.current_generation()
        assert client.get(page.url)["X-Page-Cache"] == "hit"
        other_worker.set(
            page_cache.GENERATION_KEY, str(time.time_ns()), None
        )  # the other worker saw a publish
        assert client.get(page.url)["X-Page-Cache"] == "miss"
