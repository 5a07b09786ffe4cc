"""Pages in the visitor's language: each page once, as its translation in the active locale when there is one,
else in the default locale (so a list of objectives is complete in French even where a few are not translated)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import Locale


def in_active_language(queryset: QuerySet) -> QuerySet:
    active, default = Locale.get_active(), Locale.get_default()
    if active.pk == default.pk:
        return queryset.filter(locale=default)
    translated = queryset.filter(locale=active).values("translation_key")
    return queryset.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))
