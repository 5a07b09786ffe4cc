"""Cross-language search (issue 24): a visitor's own search also finds what is not written in their language.

Two query-side parts, both plain functions of the query and the filters:

- **Scope** (`locale_scope_sql`, `in_locale_scope`): the visitor's own search (`SearchFilters.untranslated`,
  set by the search page) covers their locale's pages and documents *and* the items of other locales that have
  no version in their language, the rule the site's listings follow (cms.locales.in_active_language) made
  symmetric: a French visitor also gets the English pages that have no French translation, an English visitor
  the French-only and Spanish-only pages. Of a page with versions in two other languages, only the default
  language's is added. Documents are not translated: one not used by any page of the visitor's locale is added.
  Results keep their `language`, which the page shows as a label. "Search all languages" (no locale) is as before.
- **Glossary** (`expand_keywords`): the editors' multilingual glossary (search.models.GlossaryTerm) adds, on the
  keyword side only, the other languages' words (and the same language's synonyms) of every glossary term found
  in the query, so "couverts végétaux" also looks for "cover crops" and "cultivos de cobertura". The meaning side,
  exact matches, highlighting and "did you mean" keep the words as typed, and the glossary's words are never
  offered as a suggestion. Only the site's namespace is expanded (evaluation corpora such as SciFact are not).

Measured in bench/crosslingual.py (bench/results/crosslingual.md).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.cache import cache

from knowledge.folding import fold
from knowledge.models import SITE_NAMESPACE

from . import syntax

GLOSSARY_CACHE_KEY = "search:glossary:v1"
GLOSSARY_CACHE_SECONDS = 300  # glossary edits also clear it at once (search/wagtail_hooks.py)
MAX_EXPANSION_WORDS = 24  # the keyword side reads a bounded number of postings per word: bound the words too
WORD = re.compile(r"\w+")


# --- Scope: the visitor's locale and what has no version in it ----------------------------------------------


def _id_column(alias: str) -> str:
    """The source id of an index row: knowledge_source rows are aliased `s`, chunks carry `source_id`."""
    return f"{alias}.id" if alias == "s" else f"{alias}.source_id"


# Sources outside locale %(own)s that have no live page of theirs in it: documents and organization profiles
# not used there, pages without a live translation in it and, for a page of a third language, without a live
# version in the default language either (that one is added instead). Uncorrelated: PostgreSQL evaluates it once
# per statement (a hashed subplan), whatever the number of candidate rows.
UNTRANSLATED_SQL = """
    SELECT o.id FROM knowledge_source o
    WHERE o.namespace = %s AND NOT (%s = ANY(o.locales)) AND (
        o.kind <> 'page' OR NOT EXISTS (
            SELECT FROM wagtailcore_page p
            JOIN wagtailcore_locale pl ON pl.id = p.locale_id
            JOIN wagtailcore_page t ON t.translation_key = p.translation_key AND t.id <> p.id AND t.live
            JOIN wagtailcore_locale tl ON tl.id = t.locale_id
            WHERE p.id = o.page_id
              AND (tl.language_code = %s OR (tl.language_code = %s AND pl.language_code <> %s))
        )
    )
"""


def locale_scope_sql(filters, alias: str) -> tuple[str, list]:
    """The SQL condition (no leading AND) for `filters.locale` on an index row aliased `alias`: that locale
    only, or with `filters.untranslated` also what has no version in it."""
    own = filters.locale
    if not getattr(filters, "untranslated", False):
        return f"%s = ANY({alias}.locales)", [own]
    default = settings.LANGUAGE_CODE
    return (
        f"(%s = ANY({alias}.locales) OR {_id_column(alias)} IN ({UNTRANSLATED_SQL}))",
        [own, SITE_NAMESPACE, own, own, default, default],
    )


def in_locale_scope(filters, locales) -> bool:
    """The Python twin of locale_scope_sql for rows that the SQL already kept (the facet pool is retrieved under
    the same scope): the translation check needs the page tree, so an item outside the locale passes here only
    because its statement let it through."""
    return (
        not filters.locale
        or filters.locale in (locales or ())
        or bool(getattr(filters, "untranslated", False))
    )


# --- Glossary expansion -------------------------------------------------------------------------------------


def _key(text: str) -> tuple[str, ...]:
    """Words for matching: accent-folded, lower case, a plural's final s or x dropped (crops and crop,
    cultivos and cultivo match; irregular plurals such as végétaux are listed by the editors)."""
    return tuple(
        word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in WORD.findall(fold(text).lower())
    )


def glossary() -> list[dict[str, list[str]]]:
    """Every glossary entry as {language: [term, ...]}, from the cache (cleared when an editor saves one)."""
    entries = cache.get(GLOSSARY_CACHE_KEY)
    if entries is None:
        from .models import GlossaryTerm

        entries = [term.terms() for term in GlossaryTerm.objects.all()]
        cache.set(GLOSSARY_CACHE_KEY, entries, GLOSSARY_CACHE_SECONDS)
    return entries


def clear_glossary_cache(**_kwargs) -> None:
    cache.delete(GLOSSARY_CACHE_KEY)


def _contains(words: tuple[str, ...], term: tuple[str, ...]) -> bool:
    n = len(term)
    return n > 0 and any(words[i : i + n] == term for i in range(len(words) - n + 1))


def glossary_equivalents(words: str) -> list[str]:
    """The glossary's other terms for every term found in `words` (free words of a query), in glossary order,
    without the terms already there."""
    found = _key(words)
    if not found:
        return []
    added: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for entry in glossary():
        terms = [term for language_terms in entry.values() for term in language_terms]
        keys = [_key(term) for term in terms]
        if not any(_contains(found, key) for key in keys):
            continue
        for term, key in zip(terms, keys, strict=True):
            if key and key not in seen and not _contains(found, key):
                seen.add(key)
                added.append(term)
    return added


def expand_keywords(q: str, query) -> str:
    """The text the keyword side searches for `q`: the query as typed, then the glossary's equivalents of its
    free words (free words are alternatives, so they widen the match and add evidence; phrases and exclusions
    stay as typed). Only the site's content is expanded."""
    if query.namespace != SITE_NAMESPACE:
        return q
    words, _phrases, _excluded = syntax.parse(q)
    extra: list[str] = []
    for term in glossary_equivalents(words):
        term_words = [word.strip('"-') for word in term.split() if word.strip('"-')]
        if len(extra) + len(term_words) > MAX_EXPANSION_WORDS:
            break
        extra.extend(term_words)
    return f"{q} {' '.join(extra)}" if extra else q
