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
from cms import replica as replica_routing
from cms.models import StandardPage
from cms.replica import REPLICA_ALIAS
from config import cache as tolerant_cache
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
        "'limits': settings.CACHES['limits']['BACKEND'], 'sign_in': settings.SIGN_IN_CACHE,"
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
    assert found["cache"] == "config.cache.TolerantRedisCache"  # Redis errors are misses
    assert found["location"] == "redis://cache.example.org:6379/0"
    assert found["shared"] == "config.cache.TolerantRedisCache"
    assert found["page_cache"] == "shared"
    # The limits see Redis errors, and fail closed (community/signin_limit.py).
    assert (found["limits"], found["sign_in"]) == ("django.core.cache.backends.redis.RedisCache", "limits")
    assert found["replica"] == "soilhub"
    assert found["storage"] == {
        "BACKEND": "django.core.files.storage.InMemoryStorage",
        "OPTIONS": {"base_url": "https://media.example.org/"},
    }
    assert found["routers"] == ["config.db_router.ReadReplicaRouter"]


class RedisServer:
    """A real redis-server on a free loopback port, which a test may stop and start again on the same port."""

    def __init__(self, directory: Path) -> None:
        self.binary, self.directory = shutil.which("redis-server"), directory
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        self.process = subprocess.Popen(
            [*args, "--dir", str(self.directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                RedisCache(self.url, {}).get("ping")
                return
            except Exception:
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run installs it)")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


@pytest.fixture
def redis_url(redis_server):
    return redis_server.url


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


# --- Parts that go away ---------------------------------------------------------------------------------------------


@pytest.fixture
def unreachable_replica(db):
    """A "replica" alias whose server is gone: a loopback port nothing listens on."""
    primary = connections["default"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    wrapper = type(primary)(
        {**primary.settings_dict, "HOST": "127.0.0.1", "PORT": str(closed_port), "CONN_HEALTH_CHECKS": True},
        alias=REPLICA_ALIAS,
    )

    def connect_for_real() -> None:  # Django's test case refuses connections to aliases it was not given
        if wrapper.connection is None:
            with wrapper.wrap_database_errors:
                wrapper.connect()

    wrapper.ensure_connection = connect_for_real
    connections.settings[REPLICA_ALIAS] = wrapper.settings_dict
    connections[REPLICA_ALIAS] = wrapper
    try:
        yield wrapper
    finally:
        replica_routing._replica_down_until = 0.0
        del connections[REPLICA_ALIAS]
        del connections.settings[REPLICA_ALIAS]


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=0, DATABASE_REPLICA_RETRY_SECONDS=30)
def test_a_replica_that_is_down_sends_anonymous_reads_to_the_primary(client, site_tree, unreachable_replica):
    """Before the fallback, every anonymous page view answered 503 while the replica was down."""
    page = add_page(site_tree.home, StandardPage, title="Compost trials", intro="Compost on sandy soils.")
    primary = connections["default"]

    with CaptureQueriesContext(primary) as on_primary:
        response = client.get(page.url)
    assert response.status_code == 200 and "Compost trials" in response.content.decode()
    assert reads_and_writes(on_primary)[0], "the page was read from the primary"
    assert replica_routing._replica_down_until > time.monotonic() + 25  # marked down for the retry period

    with CaptureQueriesContext(primary) as on_primary:
        assert client.get("/api/search/", {"q": "compost"}).status_code == 200
    assert reads_and_writes(on_primary)[0]
    assert unreachable_replica.connection is None  # not even tried within the retry period

    replica_routing._replica_down_until = (
        time.monotonic() - 1
    )  # the retry period is over: tried again, still down
    assert client.get(page.url).status_code == 200
    assert replica_routing._replica_down_until > time.monotonic() + 25


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=300)
def test_redis_going_away_leaves_pages_and_search_uncached_and_sign_in_closed(
    client, site_tree, redis_server, monkeypatch, django_user_model
):
    """The production caches (config/settings/production.py with REDIS_URL) on a real Redis that is stopped, then
    started again: pages, search and the API answer all along; the sign-in limit refuses attempts (503) while it
    cannot count them; caching resumes once Redis is back."""
    monkeypatch.setattr(tolerant_cache, "RETRY_SECONDS", 0.2)
    tolerant = {"BACKEND": "config.cache.TolerantRedisCache", "LOCATION": redis_server.url}
    strict = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_server.url}
    caches = {"default": tolerant, "shared": tolerant, "limits": strict}
    django_user_model.objects.create_user("member", "member@example.org", "right-password-123")
    login = {"username": "member", "password": "right-password-123"}
    with override_settings(CACHES=caches, PAGE_CACHE_ALIAS="shared", SIGN_IN_CACHE="limits"):
        page = add_page(site_tree.home, StandardPage, title="Compost trials", intro="Compost on sandy soils.")
        assert client.get(page.url)["X-Page-Cache"] == "miss"
        assert client.get(page.url)["X-Page-Cache"] == "hit"

        redis_server.stop()
        for _ in range(2):
            response = client.get(page.url)
            assert response.status_code == 200 and "Compost trials" in response.content.decode()
            assert response.get("X-Page-Cache") != "hit"  # rendered again
            assert client.get("/search/", {"q": "compost"}).status_code == 200
            assert client.get("/api/search/", {"q": "compost"}).status_code == 200
            refused = client.post("/accounts/login/", login)
            assert refused.status_code == 503 and int(refused["Retry-After"]) > 0
            assert (
                "sessionid" not in refused.cookies
            )  # fail closed: no password was checked, no one signed in

        redis_server.start()
        time.sleep(0.3)  # the tolerant cache asks Redis again after RETRY_SECONDS
        assert client.get(page.url).get("X-Page-Cache") == "miss"
        assert client.get(page.url).get("X-Page-Cache") == "hit"
        assert client.post("/accounts/login/", login).status_code == 302
