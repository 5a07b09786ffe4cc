"""Where the reads of a request go: the primary database, or a read replica for anonymous read-only requests.

With DATABASE_REPLICA_URL set (DATABASES["replica"]), GET and HEAD requests without a session (page views, search,
the API) read from the replica: config.middleware.ReadOnlyRequestMiddleware opens `anonymous_reads()`, the ORM
follows config.db_router.ReadReplicaRouter, and raw SQL asks `read_connection()`. Writes, signed-in users and
background tasks always use the primary. Without a replica nothing changes. This module sits in the lowest layer
so that every layer's raw SQL can use it.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_ALIAS = "replica"

_anonymous_read: ContextVar[bool] = ContextVar("anonymous_read", default=False)


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
    return REPLICA_ALIAS if _anonymous_read.get() and replica_configured() else DEFAULT_DB_ALIAS


def read_connection():
    """The connection the current request's raw read-only SQL should use."""
    return connections[read_alias()]
