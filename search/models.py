"""The search log: what visitors search for, so editors can see popular questions and the ones nothing answers.

Deliberately anonymous: no IP address, no user, no session, no user agent. Rows older than
``SEARCH_LOG_RETENTION_DAYS`` (default 365) are deleted by ``manage.py prune_search_log``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

MAX_LOGGED_QUERY_LENGTH = 500


def normalize_query(q: str) -> str:
    """Lowercased, whitespace collapsed, at most 500 characters: one spelling per query in the report."""
    return " ".join((q or "").lower().split())[:MAX_LOGGED_QUERY_LENGTH]


class SearchLogEntry(models.Model):
    query = models.CharField(
        max_length=MAX_LOGGED_QUERY_LENGTH, help_text="Normalised: lowercased, spaces collapsed."
    )
    mode = models.CharField(max_length=10)
    filters = models.JSONField(
        default=dict, blank=True, help_text='Active filters, e.g. {"type": ["project"]}.'
    )
    result_count = models.PositiveIntegerField()
    took_ms = models.FloatField()
    page = models.PositiveIntegerField(default=1, help_text="Result page; the report counts page-1 searches.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "search log entry"
        verbose_name_plural = "search log entries"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.query!r} ({self.result_count})"
