"""The anonymous page cache under the documented gunicorn command with two workers sharing a real Redis
(REDIS_URL, as the README's production deployment): a page rendered once is served by either worker from the
cache with no database statement (proved by taking the database away: the page still answers, a hit), while a page
never seen needs the database (503)."""

from __future__ import annotations

import psycopg
import pytest

from tests.config import test_scaling_out
from tests.ops.test_faults import SEED_SITE, SETTINGS, _seed

from .servers import child_env, free_port, get, gunicorn, stop, wait_until_serving

redis_server = test_scaling_out.redis_server  # the fixtures: a real redis-server on a free port, or a skip
redis_url = test_scaling_out.redis_url

REQUESTS = 8  # after the first: enough for both workers to serve some (the kernel spreads the accepts)


@pytest.mark.slow
def test_a_page_seen_once_is_served_by_every_worker_from_the_cache_without_the_database(
    copy_database, redis_url, tmp_path
):
    url, kwargs, name = copy_database
    _seed(url, SEED_SITE)
    env = child_env(DATABASE_URL=url, DJANGO_SETTINGS_MODULE=SETTINGS, REDIS_URL=redis_url)
    port, log = free_port(), tmp_path / "gunicorn.log"
    server = gunicorn(port, env, log, workers=2)
    try:
        wait_until_serving(port, server, log, path="/cover-crops/?warm-up")
        status, headers, first = get(port, "/cover-crops/")
        assert status == 200 and headers.get("x-page-cache") == "miss", (status, headers)

        with psycopg.connect(
            **kwargs
        ) as conn:  # no database from now on: no new session, the workers' killed
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        try:
            for _ in range(REQUESTS):
                status, headers, body = get(port, "/cover-crops/")
                assert status == 200 and headers.get("x-page-cache") == "hit", (status, headers)
                assert body == first
            assert (
                get(port, "/cover-crops/?never-seen")[0] == 503
            )  # the same page uncached needs the database
        finally:
            with psycopg.connect(**kwargs) as conn:
                conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert server.poll() is None
    finally:
        stop(server)
