"""The search log: what visitors search for, so editors can see popular questions and the ones nothing answers.

Deliberately anonymous: no IP address, no user, no session, no user agent. Rows older than
``SEARCH_LOG_RETENTION_DAYS`` (default 365) are deleted by ``manage.py prune_search_log``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

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


class RelevanceJudgment(models.Model):
    """An editor's verdict on one result of one query: the site's own qrels (search/judgments.py).

    A result is keyed by its index identity, "<kind>:<object id>" ("page:12", "document:5"): stable across
    re-indexing, title changes and moves. The title is a copy, so the report can name a result that has since
    disappeared from the top 10."""

    query = models.CharField(max_length=MAX_LOGGED_QUERY_LENGTH, help_text="Normalised as in the search log.")
    result_key = models.CharField(max_length=80, help_text='"page:<id>" or "document:<id>".')
    title = models.CharField(max_length=255, blank=True)
    relevant = models.BooleanField()
    judged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "relevance judgment"
        ordering = ["query", "result_key"]
        constraints = [
            models.UniqueConstraint(fields=["query", "result_key"], name="one_judgment_per_result")
        ]

    def __str__(self) -> str:
        return f"{self.query!r} {self.result_key}: {'relevant' if self.relevant else 'not relevant'}"


class SearchClick(models.Model):
    """A visitor followed a result of /search/ (search/views.py `result_click`): which query, which rank, which
    type of result. As anonymous as the search log: no IP address, user, session or user agent; pruned with it."""

    query = models.CharField(max_length=MAX_LOGGED_QUERY_LENGTH)
    rank = models.PositiveIntegerField(help_text="1 for the first result of page 1.")
    result_type = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.query!r} #{self.rank}"


class GlossaryTerm(models.Model):
    """One concept of the editors' multilingual glossary: its words in each language, the first of each list
    the usual term, the others synonyms and other forms. A query that contains any of them is also searched,
    on the keyword side, with all the others (search/crosslingual.py): the "synonyms" of Elasticsearch,
    Meilisearch or Typesense, across languages. Editors write only public vocabulary here: it is never shown
    as a suggestion, only added to the words searched."""

    # No page renders it, and search results are never in the page cache (cms/page_cache.py); they are in the
    # search result cache, which a save or delete empties (search/apps.py: a new generation).
    shown_on_pages = False

    terms_en = models.TextField(
        "terms in English", help_text='Comma-separated: the usual term first, e.g. "cover crop, catch crop".'
    )
    terms_fr = models.TextField("terms in French", blank=True, help_text='e.g. "couvert végétal, CIPAN".')
    terms_es = models.TextField("terms in Spanish", blank=True, help_text='e.g. "cultivo de cobertura".')
    note = models.CharField(max_length=255, blank=True, help_text="For editors: where a term comes from.")

    panels = [FieldPanel("terms_en"), FieldPanel("terms_fr"), FieldPanel("terms_es"), FieldPanel("note")]

    class Meta:
        verbose_name = "glossary term"
        ordering = ["terms_en"]

    def __str__(self) -> str:
        return self.terms_en.split(",")[0].strip()

    def terms(self) -> dict[str, list[str]]:
        """{language: [term, ...]} with empty entries left out."""
        return {
            language: [term.strip() for term in getattr(self, f"terms_{language}").split(",") if term.strip()]
            for language in GLOSSARY_LANGUAGES
        }


GLOSSARY_LANGUAGES = ("en", "fr", "es")
