"""Where the reads of a request go: the primary database, or a read replica for anonymous read-only requests.

With DATABASE_REPLICA_URL set (DATABASES["replica"]), GET and HEAD requests without a session (page views, search,
the API) read from the replica: config.middleware.ReadOnlyRequestMiddleware opens `anonymous_reads()`, the ORM
follows config.db_router.ReadReplicaRouter, and raw SQL asks `read_connection()`. Writes, signed-in users and
background tasks always use the primary. Without a replica nothing changes. This module sits in the lowest layer
so that every layer's raw SQL can use it.

A replica that cannot be reached (stopped, restarting, unreachable: its connection times out after
DATABASE_REPLICA_CONNECT_TIMEOUT seconds) is left alone by this process for DATABASE_REPLICA_RETRY_SECONDS, and
anonymous reads go to the primary meanwhile: the request that finds it down already reads from the primary. A
replica that dies in the middle of a request fails that request (503, config.middleware), and is marked down for
the next ones.
"""

from __future__ import annotations

import contextlib
import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA_ALIAS = "replica"

_anonymous_read: ContextVar[bool] = ContextVar("anonymous_read", default=False)
_replica_down_until = 0.0  # time.monotonic() before which this process reads from the primary only


def replica_configured() -> bool:
    return REPLICA_ALIAS in connections.settings


@contextlib.contextmanager
def anonymous_reads():
    """Within the block, reads go to the replica (when one is configured)."""
    token = _anonymous_read.set(True)
    try:
        yield
    finally:
        _anonymous_read.reset(token)


def read_alias() -> str:
    if _anonymous_read.get() and replica_configured() and replica_reachable():
        return REPLICA_ALIAS
    return DEFAULT_DB_ALIAS


def replica_reachable() -> bool:
    """True when this thread's replica connection is open and healthy, or opens now; else the replica is marked
    down for DATABASE_REPLICA_RETRY_SECONDS. Costs nothing once the connection has been checked in this request
    (CONN_HEALTH_CHECKS: Django checks a kept connection once per request)."""
    if _replica_down_until and time.monotonic() < _replica_down_until:
        return False
    connection = connections[REPLICA_ALIAS]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        mark_replica_down(error)
        return False
    return True


def mark_replica_down(error: Exception) -> None:
    global _replica_down_until
    seconds = settings.DATABASE_REPLICA_RETRY_SECONDS
    if not _replica_down_until or time.monotonic() >= _replica_down_until:
        logger.warning(
            "Read replica unavailable (%s: %s); reading from the primary for %ss",
            error.__class__.__name__,
            str(error).strip()[:200],
            seconds,
        )
    _replica_down_until = time.monotonic() + seconds
    with contextlib.suppress(Exception):  # the socket is already gone: nothing left to release
        connections[REPLICA_ALIAS].close()


def replica_broken() -> bool:
    """The replica connection of this thread broke during the request (config.middleware asks after an error)."""
    if not replica_configured():
        return False
    connection = connections[REPLICA_ALIAS]
    return connection.connection is not None and not connection.is_usable()


def read_connection():
    """The connection the current request's raw read-only SQL should use."""
    return connections[read_alias()]


def replica_replay_pending() -> bool:
    """True when this request reads from a replica that has received changes it has not applied yet (its replay is
    paused, or slower than the primary's writes): what it shows may be older than the page cache's grace period
    assumes (cms/page_cache.py keeps such a page only for that period)."""
    if read_alias() != REPLICA_ALIAS:
        return False
    with connections[REPLICA_ALIAS].cursor() as cursor:
        cursor.execute(
            "SELECT pg_is_in_recovery() AND pg_last_wal_receive_lsn() IS DISTINCT FROM pg_last_wal_replay_lsn()"
        )
        return bool(cursor.fetchone()[0])
