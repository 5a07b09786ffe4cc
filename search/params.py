"""Turning request parameters into a SearchQuery: one parser for the search page and the API, so both accept
and reject exactly the same input, naming the parameter at fault. Filter values are parsed by their one
definition (cms/filters.py), as the site's listings and /api/v2/ parse them."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings

from cms.constants import LANGUAGE_CHOICES, content_types
from cms.filters import SEARCH_FILTERS, YEAR, FilterError

from .service import MODES, SearchError, SearchFilters, SearchQuery
from .syntax import QueryError, clean_query

LANGUAGES = dict(LANGUAGE_CHOICES)
MAX_PAGE_SIZE = 50
FILTER_PARAMS = (*(f.param for f in SEARCH_FILTERS), "year_from", "year_to")


def _int(params: Mapping, name: str, default: int | None, *, low: int, high: int) -> int | None:
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SearchError(name, f"{name} must be a whole number, not {raw[:40]!r}.") from None
    if not low <= value <= high:
        raise SearchError(name, f"{name} must be between {low} and {high}.")
    return value


ALL_LOCALES = "all"


def site_locales() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def parse_locale(params: Mapping, default: str = "") -> str:
    """The locale searched: `locale` (a site language, or "all" for every locale), else `default`."""
    if "locale" not in params:
        return default
    raw = params.get("locale", "")
    if raw == "":  # as the OpenAPI schema says: a locale, or "all"; absent means the default
        raise SearchError(
            "locale", f"locale is empty: use one of {', '.join([*site_locales(), ALL_LOCALES])}."
        )
    if raw == ALL_LOCALES:
        return ""
    if raw not in site_locales():
        raise SearchError(
            "locale", f"Unknown locale {raw[:40]!r}: use one of {', '.join([*site_locales(), ALL_LOCALES])}."
        )
    return raw


def parse_filters(params: Mapping, *, default_locale: str = "") -> SearchFilters:
    try:
        values = {spec.param: spec.parse(params) for spec in SEARCH_FILTERS}
        year_from, year_to = YEAR.parse_range(params)
    except FilterError as exc:
        raise SearchError(exc.param, exc.message) from exc
    locale = parse_locale(params, default_locale)
    return SearchFilters.of(year_from=year_from, year_to=year_to, locale=locale, **values)


def parse_search_params(
    params: Mapping,
    *,
    max_page_size: int = MAX_PAGE_SIZE,
    default_page_size: int = 10,
    require_q: bool = True,
    default_locale: str = "",
    language: str = "",
) -> SearchQuery:
    """`default_locale`: the locale searched without a `locale` parameter ("" = all); `language`: the query's
    language when every locale is searched (the visitor's interface language)."""
    try:
        q = clean_query(params.get("q", ""))
    except QueryError as error:
        raise SearchError("q", error.message) from None
    if require_q and not q:
        raise SearchError("q", "The parameter q is required: a question or some words to search for.")
    spell = params.get("spell", "") or "on"
    if spell not in ("on", "off"):
        raise SearchError("spell", "spell must be on (correct unknown words, the default) or off.")
    mode = params.get("mode", "") or "hybrid"
    if mode not in MODES:
        raise SearchError("mode", f"Unknown mode {mode[:40]!r}: use one of {', '.join(MODES)}.")
    return SearchQuery(
        q=q,
        mode=mode,
        filters=parse_filters(params, default_locale=default_locale),
        language=language,
        page=_int(params, "page", 1, low=1, high=10_000),
        page_size=_int(params, "page_size", default_page_size, low=1, high=max_page_size),
        answer=True,
        spelling=spell == "on",
    )


def content_type_label(value: str) -> str:
    return content_types().get(value) or value.replace("_", " ").capitalize()
