"""The database router: anonymous reads on the read replica when one is configured (see cms/replica.py), every
write and every other read on the primary.

A replica lags behind the primary by a fraction of a second: a page published a moment ago may still show its old
version there, so the page cache keeps what it renders right after a change only briefly
(PAGE_CACHE_REPLICA_GRACE_SECONDS, cms/page_cache.py).
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS

from cms.replica import read_alias


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # a replica follows the primary's schema
