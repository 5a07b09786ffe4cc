"""Pages in the visitor's language: each page once, as its translation in the active locale when there is one,
else in the default locale (so a list of objectives is complete in French even where a few are not translated).
By language code (a join), so it costs no query of its own."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation


def active_language() -> str:
    """The active language if it is one of the site's content languages, else the default one."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def in_active_language(queryset: QuerySet) -> QuerySet:
    language, default = active_language(), settings.LANGUAGE_CODE
    if language == default:
        return queryset.filter(locale__language_code=default)
    translated = queryset.filter(locale__language_code=language).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )
