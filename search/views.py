"""The visitor search page (/search/) and the title suggestions behind its autocomplete (/search/suggest/).

One simple UI for every mode: the hybrid service answers; ?mode= is accepted silently for power users. Bad
input is shown next to the field with status 400. Every successful search with a query writes one anonymous
row to the search log (never breaking the search if that fails).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cms.models import (
    GoalPage,
    ObjectivePage,
    ProjectIndexPage,
    Region,
    ResourceIndexPage,
    SoilPractice,
    WebinarIndexPage,
)
from knowledge.embeddings import get_embedder

from .models import SearchLogEntry, normalize_query
from .params import CONTENT_TYPES, LANGUAGES, parse_search_params
from .service import SearchError, SearchFilters, SearchQuery, SearchResponse, search
from .suggest import suggest_titles

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
FACET_PREVIEW = 8
EXAMPLE_QUERIES = [
    "how do cover crops change soil carbon in dry climates",
    "webinars on measuring soil carbon",
    "agroforestry projects in Africa",
    "A1",
]
FILTER_PARAMS = ("type", "goal", "objective", "practice", "region", "language", "year_from", "year_to")
# facet name in the service -> (request parameter, SearchFilters field, legend)
FACET_GROUPS = [
    ("content_type", "type", "content_types", "Type"),
    ("goals", "goal", "goals", "Goal"),
    ("objectives", "objective", "objectives", "Strategic objective"),
    ("practices", "practice", "practices", "Soil practice"),
    ("regions", "region", "regions", "Country or region"),
    ("language", "language", "languages", "Language"),
]


# --- Labels -------------------------------------------------------------------------------------------------


class FacetLabels:
    """Display labels for facet values, and the request value for each (regions: name in the index -> slug)."""

    def __init__(self) -> None:
        self.goals = dict(GoalPage.objects.live().public().values_list("code", "title"))
        self.objectives = dict(ObjectivePage.objects.live().public().values_list("code", "short_label"))
        self.practices = dict(SoilPractice.objects.values_list("slug", "name"))
        self.region_slugs = dict(Region.objects.values_list("name", "slug"))

    def label(self, facet: str, value: str) -> str:
        if facet == "content_type":
            return CONTENT_TYPES.get(value, value)
        if facet == "goals":
            if value not in self.goals:
                return f"Goal {value}"
            # "Goal A: Inception and conceptualization" -> "A Inception and conceptualization"
            title = re.sub(rf"^\s*goal\s+{re.escape(value)}\s*[:.\-–]\s*", "", self.goals[value], flags=re.I)
            return f"{value} {title}"
        if facet == "objectives":
            return f"{value} {self.objectives[value]}" if value in self.objectives else value
        if facet == "practices":
            return self.practices.get(value, value)
        if facet == "language":
            return LANGUAGES.get(value, value)
        return value

    def param_value(self, facet: str, value: str) -> str | None:
        """The value the filter parameter takes; None when it cannot be filtered on (an unknown region)."""
        if facet == "regions":
            return self.region_slugs.get(value)
        return value


# --- URLs ---------------------------------------------------------------------------------------------------


def _url(params: list[tuple[str, str]]) -> str:
    base = reverse("search:search")
    return f"{base}?{urlencode(params)}" if params else base


def _request_params(request) -> list[tuple[str, str]]:
    """The request's parameters without the page number (links that change filters start at page 1)."""
    return [
        (key, value) for key, values in request.GET.lists() for value in values if key != "page" and value
    ]


def _without(params: list[tuple[str, str]], name: str, value: str | None = None) -> list[tuple[str, str]]:
    kept = []
    for key, raw in params:
        if key != name:
            kept.append((key, raw))
        elif value is not None:
            parts = [part.strip() for part in raw.split(",") if part.strip() and part.strip() != value]
            if parts:
                kept.append((key, ",".join(parts)))
    return kept


def _without_filters(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, value) for key, value in params if key not in FILTER_PARAMS]


# --- Facets -------------------------------------------------------------------------------------------------


def _selected(request, name: str) -> list[str]:
    values: list[str] = []
    for raw in request.GET.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    if name in ("goal", "objective"):
        values = [value.upper() for value in values]
    return list(dict.fromkeys(values))


def _facet_counts(query: SearchQuery, response: SearchResponse, vector) -> dict[str, list[tuple[str, int]]]:
    """Counts per value as if that value were chosen: for a group with a selection, the counts come from the
    same query without that group's filter (checkboxes within a group are alternatives: OR)."""
    counts = dict(response.facets)
    groups = [(facet, field) for facet, _, field, _ in FACET_GROUPS] + [("year", "year")]
    for facet, field in groups:
        if field == "year":
            if query.filters.year_from is None and query.filters.year_to is None:
                continue
            filters = dataclasses.replace(query.filters, year_from=None, year_to=None)
        else:
            if not getattr(query.filters, field):
                continue
            filters = dataclasses.replace(query.filters, **{field: ()})
        other = dataclasses.replace(query, filters=filters, page=1, page_size=1, passages_per_result=1)
        counts[facet] = search(other, query_vector=vector).facets.get(facet, [])
    return counts


def _facet_groups(request, query: SearchQuery, counts, labels: FacetLabels) -> list[dict]:
    groups = []
    for facet, param, _, legend in FACET_GROUPS:
        selected = _selected(request, param)
        options = []
        seen = set()
        for value, count in counts.get(facet, []):
            param_value = labels.param_value(facet, value)
            if param_value is None or param_value in seen:
                continue
            seen.add(param_value)
            options.append(
                {
                    "value": param_value,
                    "label": labels.label(facet, value),
                    "count": count,
                    "checked": param_value in selected,
                }
            )
        for value in selected:  # a chosen value keeps its checkbox even when this query finds none of it
            if value not in seen:
                label_key = next((name for name, slug in labels.region_slugs.items() if slug == value), value)
                options.append(
                    {
                        "value": value,
                        "label": labels.label(facet, label_key if facet == "regions" else value),
                        "count": 0,
                        "checked": True,
                    }
                )
        if not options:
            continue
        options.sort(key=lambda option: (not option["checked"], -option["count"], option["label"]))
        groups.append(
            {
                "param": param,
                "legend": legend,
                "options": options[:FACET_PREVIEW],
                "more": options[FACET_PREVIEW:],
                "more_checked": any(o["checked"] for o in options[FACET_PREVIEW:]),
            }
        )
    return groups


def _year_options(counts, selected: list[str]) -> list[tuple[str, int]]:
    options = dict(counts.get("year", []))
    for value in selected:
        if value and value not in options:
            options[value] = 0
    return sorted(options.items())


def _active_filters(request, labels: FacetLabels) -> list[dict]:
    params = _request_params(request)
    region_names = {slug: name for name, slug in labels.region_slugs.items()}
    active = []
    for facet, param, _, legend in FACET_GROUPS:
        for value in _selected(request, param):
            shown = region_names.get(value, value) if facet == "regions" else value
            label = labels.label(facet, shown)
            active.append({"legend": legend, "label": label, "url": _url(_without(params, param, value))})
    for param, legend in (("year_from", "From year"), ("year_to", "To year")):
        value = request.GET.get(param, "")
        if value:
            active.append({"legend": legend, "label": value, "url": _url(_without(params, param))})
    return active


# --- Editor's picks, listings, log --------------------------------------------------------------------------


def editors_picks(request, q: str, *, count_hit: bool) -> list[dict]:
    """Search promotions for this query: only live, public pages (never leak a private page) and links."""
    from wagtail.contrib.search_promotions.models import Query

    try:
        promoted = Query.get(q)
        if count_hit:
            promoted.add_hit()
        picks = []
        for pick in promoted.editors_picks.select_related("page"):
            if pick.page_id:
                page = pick.page
                if not page.live or page.get_view_restrictions().exists():
                    continue
                url = page.get_url(request)
                if not url:
                    continue
                picks.append({"title": page.title, "url": url, "description": pick.description})
            elif pick.external_link_url:
                picks.append(
                    {
                        "title": pick.external_link_text or pick.external_link_url,
                        "url": pick.external_link_url,
                        "description": pick.description,
                    }
                )
        return picks
    except Exception:  # promotions are a bonus: never break the search page
        logger.exception("Loading search promotions failed")
        return []


def browse_links(request) -> list[dict]:
    links = []
    for model, label in (
        (ProjectIndexPage, "Projects"),
        (ResourceIndexPage, "Resources"),
        (WebinarIndexPage, "Webinars"),
    ):
        page = model.objects.live().public().order_by("path").first()
        url = page.get_url(request) if page else None
        if url:
            links.append({"label": label, "url": url})
    return links


def _filters_for_log(filters: SearchFilters) -> dict:
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in dataclasses.asdict(filters).items()
        if value not in ((), None, [])
    }


def log_search(query: SearchQuery, response: SearchResponse) -> None:
    """One anonymous row per search; a failure is logged and otherwise ignored."""
    try:
        with transaction.atomic():
            SearchLogEntry.objects.create(
                query=normalize_query(query.q),
                mode=query.mode,
                filters=_filters_for_log(query.filters),
                result_count=response.total,
                took_ms=round(response.took_ms, 2),
                page=query.page,
            )
    except Exception:
        logger.exception("Writing the search log failed")


# --- Views --------------------------------------------------------------------------------------------------


@require_GET
def search_page(request):
    q = " ".join(request.GET.get("q", "").split())
    params = _request_params(request)
    context = {
        "q": q,
        "examples": [{"text": text, "url": _url([("q", text)])} for text in EXAMPLE_QUERIES],
        "error": None,
        "hidden_filters": [(key, value) for key, value in params if key in FILTER_PARAMS],
        "mode": request.GET.get("mode", ""),
        "clear_url": _url(_without_filters(params)),
    }
    status = 200
    try:
        query = parse_search_params(
            request.GET, max_page_size=50, default_page_size=PAGE_SIZE, require_q=False
        )
        if q:
            vector = get_embedder().embed_query(q) if query.mode in ("hybrid", "semantic") else None
            response = search(query, query_vector=vector)
    except SearchError as error:
        context["error"] = {"param": error.param, "message": error.message}
        status = 400
        return render(request, "search/search.html", context, status=status)

    if not q:
        return render(request, "search/search.html", context)

    log_search(query, response)
    for result in response.results:
        result.type_label = CONTENT_TYPES.get(
            result.content_type, result.content_type.replace("_", " ").title()
        )
    labels = FacetLabels()
    counts = _facet_counts(query, response, vector)
    paginator = Paginator(range(response.total), query.page_size, allow_empty_first_page=True)
    try:
        page_obj = paginator.page(query.page)
    except EmptyPage:
        page_obj = None
    active = _active_filters(request, labels)
    context.update(
        {
            "query": query,
            "response": response,
            "results": response.results,
            "total": response.total,
            "page_obj": page_obj,
            "past_last_page": page_obj is None and response.total > 0,
            "first_page_url": _url(params),
            "start_index": (query.page - 1) * query.page_size + 1,
            "facet_groups": _facet_groups(request, query, counts, labels),
            "year_options": _year_options(
                counts, [request.GET.get("year_from", ""), request.GET.get("year_to", "")]
            ),
            "year_from": request.GET.get("year_from", ""),
            "year_to": request.GET.get("year_to", ""),
            "active_filters": active,
            "picks": editors_picks(request, q, count_hit=True) if query.page == 1 else [],
            "browse_links": browse_links(request) if not response.total else [],
        }
    )
    return render(request, "search/search.html", context, status=status)


@require_GET
def suggest(request):
    q = request.GET.get("q", "")[:200]
    try:
        suggestions = suggest_titles(q)
    except Exception:
        logger.exception("Title suggestions failed")
        suggestions = []
    return JsonResponse({"suggestions": suggestions})
