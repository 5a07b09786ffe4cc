"""Pages in the visitor's language: each page once, as its translation in the active locale when there is one,
else in the default locale (so a list of objectives is complete in French even where a few are not translated).
By language code (a join), so it costs no query of its own."""

from __future__ import annotations

from django.conf import settings
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

# The site's languages besides the default: snippets that carry text (places, soil practices) have a column per
# language for it (name_fr, name_es, ...), blank meaning "the English text". One row per place or practice keeps
# filters and facets, which key on its slug, the same in every locale, while the text shown follows the visitor's
# language (cms.models.snippets.LocalizedText; adding a language: README). tests/cms/test_i18n.py checks that this
# matches settings.LANGUAGES.
TRANSLATED_LANGUAGES = ("fr", "es")


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


def localized_field(field: str):
    """A query expression for a snippet's `field` in the active language: its `<field>_<code>` column where filled
    in, else the default language's (the SQL form of LocalizedText.localized)."""
    language = active_language()
    if language not in TRANSLATED_LANGUAGES:
        return F(field)
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), F(field))
