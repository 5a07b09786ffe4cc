"""Pages in the visitor's language: each page once, as its translation in the active locale when there is one,
else in the default locale (so a list of objectives is complete in French even where a few are not translated).
By language code (a join), so it costs no query of its own."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Case, CharField, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Length, NullIf, Substr
from django.utils import translation
from wagtail.models import Locale, Page

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
    """One page per translation group: its translation in the active language when `queryset` holds one, else its
    original in the default language. An alias in the active language (Wagtail-localize makes one of an untranslated
    parent) holds the original's text, so it is no translation: the original stands for it.

    Give it the visible pages (cms.visibility.visible_pages) before any listing filter: a draft or private
    translation leaves its original in place, and the choice of language does not depend on the filters."""
    language, default = active_language(), settings.LANGUAGE_CODE
    if language == default:
        return queryset.filter(locale__language_code=default)
    translation_q = Q(locale__language_code=language, alias_of__isnull=True)
    translated = queryset.filter(translation_q).values("translation_key")
    return queryset.filter(
        translation_q | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )


def localized(queryset: QuerySet) -> QuerySet:
    """`in_active_language`, each page annotated with `fallback_language`: the language code of a page shown in
    place of a missing translation ("" for a page in the active language), which cards label ("in English") and
    give as `hreflang`/`lang` (templates/includes/page_link.html). One statement, whatever the number of pages."""
    language = active_language()
    pages = in_active_language(queryset)
    if language == settings.LANGUAGE_CODE:
        return pages.annotate(fallback_language=Value("", output_field=CharField()))
    return pages.annotate(
        fallback_language=Case(
            When(locale__language_code=language, then=Value("")),
            default=F("locale__language_code"),
            output_field=CharField(),
        )
    )


def under(page: Page, *, children: bool = False) -> Q | Exists:
    """Pages under `page` (its children only, with `children`) and, outside the default language, under its original
    in the default language too: where a listing of `page` finds the untranslated pages it falls back to (each
    locale has its own tree). A subquery on the translation key: no statement of its own."""
    if active_language() == settings.LANGUAGE_CODE:
        return Page.objects.child_of_q(page) if children else Page.objects.descendant_of_q(page)
    roots = Page.objects.filter(translation_key=page.translation_key).filter(
        Q(pk=page.pk) | Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    above = roots.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    above = (
        above.filter(depth=OuterRef("depth") - 1) if children else above.filter(depth__lt=OuterRef("depth"))
    )
    return Exists(above)


def localized_under(page: Page, queryset: QuerySet, *, children: bool = False) -> QuerySet:
    """`queryset`'s pages under `page` (see `under`), one per translation group in the visitor's language (see
    `localized`). `queryset` holds visible pages only (cms.visibility.visible_pages)."""
    return localized(queryset.filter(under(page, children=children)))


# Language code by locale id, read once per process (a locale is added with a deploy, README "Adding a language");
# forgotten when a locale is saved or deleted (cms.signals).
_LANGUAGE_OF_LOCALE: dict[int, str] = {}


def forget_locale_languages(**kwargs) -> None:
    _LANGUAGE_OF_LOCALE.clear()


def language_of(page: Page) -> str:
    """The language code of `page`'s locale, without a statement per page."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    if page.locale_id not in _LANGUAGE_OF_LOCALE:
        _LANGUAGE_OF_LOCALE.update(Locale.objects.values_list("id", "language_code"))
    return _LANGUAGE_OF_LOCALE[page.locale_id]


def listed_under(page: Page, queryset: QuerySet, *, children: bool = False) -> QuerySet:
    """`localized_under` in the language of `page` itself rather than the request's: what a page lists (a goal its
    objectives) is the same on the page and in the API, which serves a French page under the default language."""
    with translation.override(language_of(page)):
        return localized_under(page, queryset, children=children)


def localized_field(field: str):
    """A query expression for a snippet's `field` in the active language: its `<field>_<code>` column where filled
    in, else the default language's (the SQL form of LocalizedText.localized)."""
    language = active_language()
    if language not in TRANSLATED_LANGUAGES:
        return F(field)
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), F(field))
