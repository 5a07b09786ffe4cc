"""Turning request parameters into a SearchQuery: one parser for the search page and the API, so both accept
and reject exactly the same input, naming the parameter at fault."""

from __future__ import annotations

import re

from django.http import QueryDict

from cms.models import GoalPage, ObjectivePage, Region, SoilPractice
from cms.models.pages import LANGUAGE_CHOICES

from .service import MAX_QUERY_LENGTH, MODES, SearchError, SearchFilters, SearchQuery

CONTENT_TYPES = {
    "project": "Project",
    "webinar": "Webinar",
    "event": "Event",
    "resource": "Resource",
    "document": "Document",
    "objective": "Objective",
    "task_force": "Task force",
    "goal": "Goal",
    "strategy": "Strategy",
    "page": "Page",
}
LANGUAGES = dict(LANGUAGE_CHOICES)
OBJECTIVE_CODE = re.compile(r"^[A-F][1-9]$")
MAX_PAGE_SIZE = 50


def _int(params: QueryDict, name: str, default: int | None, *, low: int, high: int) -> int | None:
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


def _values(params: QueryDict, name: str) -> list[str]:
    values: list[str] = []
    for raw in params.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def _check(name: str, values: list[str], allowed, label: str) -> tuple[str, ...]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise SearchError(name, f"Unknown {label}: {', '.join(repr(v[:40]) for v in unknown[:5])}.")
    return tuple(dict.fromkeys(values))


def known_values(name: str, wanted: list[str] | None = None) -> set[str]:
    """The goal and objective codes (of live pages), soil practice and region slugs a search accepts: the ones
    in the database now (only those among ``wanted`` if given). The API's OpenAPI schema declares the same."""
    queryset, field = {
        "goal": (GoalPage.objects.live(), "code"),
        "objective": (ObjectivePage.objects.live(), "code"),
        "practice": (SoilPractice.objects.all(), "slug"),
        "region": (Region.objects.all(), "slug"),
    }[name]
    if wanted is not None:
        queryset = queryset.filter(**{f"{field}__in": wanted})
    return set(queryset.values_list(field, flat=True))


def parse_filters(params: QueryDict) -> SearchFilters:
    goals = [value.upper() for value in _values(params, "goal")]
    objectives = [value.upper() for value in _values(params, "objective")]
    for code in objectives:
        if not OBJECTIVE_CODE.match(code):
            raise SearchError("objective", f"Unknown objective {code[:40]!r}: use a code such as A1.")
    known_objectives = known_values("objective", objectives) if objectives else set()
    practices = _values(params, "practice")
    region_slugs = _values(params, "region")
    regions = {}
    if region_slugs:
        regions = dict(Region.objects.filter(slug__in=region_slugs).values_list("slug", "name"))
    year_from = _int(params, "year_from", None, low=1900, high=2100)
    year_to = _int(params, "year_to", None, low=1900, high=2100)
    known_practices = known_values("practice", practices) if practices else set()
    return SearchFilters(
        content_types=_check("type", _values(params, "type"), CONTENT_TYPES, "content type"),
        goals=_check("goal", goals, known_values("goal", goals) if goals else set(), "goal"),
        objectives=_check("objective", objectives, known_objectives, "objective"),
        practices=_check("practice", practices, known_practices, "soil practice"),
        regions=tuple(regions[slug] for slug in _check("region", region_slugs, regions, "country or region")),
        languages=_check("language", _values(params, "language"), LANGUAGES, "language"),
        year_from=year_from,
        year_to=year_to,
    )


def parse_search_params(
    params: QueryDict,
    *,
    max_page_size: int = MAX_PAGE_SIZE,
    default_page_size: int = 10,
    require_q: bool = True,
) -> SearchQuery:
    q = " ".join(params.get("q", "").split())
    if require_q and not q:
        raise SearchError("q", "The parameter q is required: a question or some words to search for.")
    if len(q) > MAX_QUERY_LENGTH:
        raise SearchError("q", f"q is longer than {MAX_QUERY_LENGTH} characters.")
    mode = params.get("mode", "") or "hybrid"
    if mode not in MODES:
        raise SearchError("mode", f"Unknown mode {mode[:40]!r}: use one of {', '.join(MODES)}.")
    return SearchQuery(
        q=q,
        mode=mode,
        filters=parse_filters(params),
        page=_int(params, "page", 1, low=1, high=10_000),
        page_size=_int(params, "page_size", default_page_size, low=1, high=max_page_size),
    )
