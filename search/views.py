"""The visitor search page (/search/) and the title suggestions behind its autocomplete (/search/suggest/).

One simple UI for every mode: the hybrid service answers; ?mode= is accepted silently for power users. Bad
input is shown next to the field with status 400. Every successful search of a visitor who is not signed in
writes one anonymous row to the search log (never breaking the search if that fails). A signed-in member's
searches are searched as them (cms.visibility.viewer_of: their spaces' pages and documents too) and are not
logged: their words and counts may come from content the editors reading the report cannot see. Facets, labels and links come from
search/facets.py; the filters and their messages from cms/filters.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.constants import content_types
from cms.models import ProjectIndexPage, ResourceIndexPage, WebinarIndexPage
from cms.redirects import is_safe_target, safe_redirect
from cms.visibility import viewer_of, visible_pages

from . import facets
from .models import SearchClick, SearchLogEntry, normalize_query
from .params import ALL_LOCALES, content_type_label, parse_search_params
from .result_cache import cached_facet_labels, cached_search, cached_suggestions
from .service import SearchError, SearchQuery, SearchResponse
from .syntax import QueryError, clean_query, without_control_characters

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
EXAMPLE_QUERIES = [
    gettext_lazy("how do cover crops change soil carbon in dry climates"),
    gettext_lazy("webinars on measuring soil carbon"),
    gettext_lazy("agroforestry projects in Africa"),
    "A1",
]


# --- Editor's picks, listings, log --------------------------------------------------------------------------


def editors_picks(request, q: str, *, count_hit: bool) -> list[dict]:
    """Search promotions for this query: only visible pages (never leak a private page) and links.

    Only queries an editor has promoted are looked up (no row is created per visitor query: the search log
    already records those), so a search without promotions costs one small query here."""
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    try:
        promoted = Query.objects.filter(query_string=normalise_query_string(q)).first()
        if promoted is None:
            return []
        picks_rows = list(promoted.editors_picks.select_related("page"))
        if not picks_rows:
            return []
        if count_hit:
            promoted.add_hit()
        visible = set(
            visible_pages()
            .filter(pk__in=[pick.page_id for pick in picks_rows if pick.page_id])
            .values_list("pk", flat=True)
        )
        picks = []
        for pick in picks_rows:
            if pick.page_id:
                page = pick.page
                if page.pk not in visible:
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
        (ProjectIndexPage, _("Projects")),
        (ResourceIndexPage, _("Resources")),
        (WebinarIndexPage, _("Webinars")),
    ):
        pages = visible_pages(model.objects.all())
        page = pages.filter(locale__language_code=translation.get_language()).order_by("path").first()
        page = page or pages.order_by("path").first()
        url = page.get_url(request) if page else None
        if url:
            links.append({"label": label, "url": url})
    return links


def log_search(query: SearchQuery, response: SearchResponse) -> None:
    """One anonymous row per search of a visitor who is not signed in; a failure is logged and otherwise
    ignored."""
    if not query.viewer.anonymous:
        return
    # In autocommit mode a failed INSERT harms nothing; inside a transaction it needs a savepoint of its own.
    guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with guard:
            SearchLogEntry.objects.create(
                query=normalize_query(query.q),
                mode=query.mode,
                filters=query.filters.as_dict(),
                result_count=response.total,
                took_ms=round(response.took_ms, 2),
                page=query.page,
            )
    except Exception:
        logger.exception("Writing the search log failed")


def spelling_links(params: list[tuple[str, str]], response: SearchResponse) -> dict:
    """The corrected query's link (filters kept) and, when its results are shown, the link back to the words
    as typed, with spell=off so they are searched as they are."""
    spelling = response.spelling
    context = {"spelling": spelling, "spell_off": ("spell", "off") in params}
    if spelling is not None:
        kept = [(key, value) for key, value in params if key not in ("q", "spell")]
        context["spelling_url"] = facets.search_url([("q", spelling.suggestion), *kept])
        context["original_url"] = facets.search_url([*facets.without(params, "spell"), ("spell", "off")])
    return context


def click_url(q: str, rank: int, result_type: str, url: str) -> str:
    """The result's link through `result_click`, which counts the click then redirects to `url`. An absolute
    URL (another site of this installation) is linked as it is: the redirect follows this host only."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    params = {"q": q, "rank": rank, "type": result_type, "to": url}
    return f"{reverse('search:click')}?{urlencode(params)}"


def log_click(q: str, rank: str, result_type: str) -> None:
    """One anonymous row per followed result; bad values or a failure are ignored (the visitor goes on)."""
    try:
        rank_number = int(rank)
    except (TypeError, ValueError):
        return
    if not (q and 1 <= rank_number <= 1000):
        return
    guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with guard:
            SearchClick.objects.create(
                query=normalize_query(q),
                rank=rank_number,
                result_type=result_type if result_type in content_types() else "",
            )
    except Exception:
        logger.exception("Writing a result click failed")


# --- Views --------------------------------------------------------------------------------------------------


def page_query(request, *, require_q: bool = True) -> SearchQuery:
    """The search of the search page's parameters, in the page's language (its locale unless ?locale= says), as
    the signed-in user (or an anonymous visitor) sees the site."""
    language = translation.get_language()
    query = parse_search_params(
        request.GET,
        max_page_size=50,
        default_page_size=PAGE_SIZE,
        require_q=require_q,
        default_locale=language,
        language=language,
    )
    if query.filters.locale:
        # The visitor's own language also finds what has no version in it, labelled (search/crosslingual.py);
        # ?locale=all still searches every locale.
        query = dataclasses.replace(query, filters=dataclasses.replace(query.filters, untranslated=True))
    return dataclasses.replace(query, viewer=viewer_of(request.user))


@require_GET
def search_page(request):
    # Shown back in both search boxes; page_query refuses a query with control characters.
    q = without_control_characters(request.GET.get("q", ""))
    params = facets.request_params(request)
    context = {
        "q": q,
        "site_search_q": q,
        "examples": [{"text": text, "url": facets.search_url([("q", text)])} for text in EXAMPLE_QUERIES],
        # The page searches its own language's pages; "all languages" searches every locale.
        "all_locales": request.GET.get("locale") == ALL_LOCALES,
        "all_locales_url": facets.search_url([*facets.without(params, "locale"), ("locale", ALL_LOCALES)]),
        "this_locale_url": facets.search_url(facets.without(params, "locale")),
        "error": None,
        "hidden_filters": facets.hidden_filter_params(request),
        "mode": request.GET.get("mode", ""),
        "clear_url": facets.search_url(facets.without_filters(params)),
    }
    try:
        query = page_query(request, require_q=False)
        # The answer comes after the results (answer_fragment, fetched by static/js/search.js), so finding it
        # never delays them; ?answer=1 (the link shown without JavaScript) computes it within the page.
        progressive = settings.SEARCH_ANSWERS and query.page == 1 and request.GET.get("answer") != "1"
        response = (
            cached_search(dataclasses.replace(query, answer=False) if progressive else query) if q else None
        )
    except SearchError as error:
        context["error"] = {"param": error.param, "message": error.message}
        return render(request, "search/search.html", context, status=400)
    if response is None:
        return render(request, "search/search.html", context)
    if progressive and response.results:
        kept = request.GET.copy()  # every value of repeated filters (type=project&type=resource)
        kept.pop("answer", None)
        answer_params = kept.urlencode()
        context["answer_url"] = f"{reverse('search:answer')}?{answer_params}"
        context["answer_now_url"] = f"{reverse('search:search')}?{answer_params}&answer=1"

    log_search(query, response)
    first_rank = (query.page - 1) * query.page_size + 1
    for rank, result in enumerate(response.results, first_rank):
        result.type_label = content_type_label(result.content_type)
        result.click_url = click_url(q, rank, result.content_type, result.url)
    labels = cached_facet_labels(translation.get_language() or "")
    paginator = Paginator(range(response.total), query.page_size, allow_empty_first_page=True)
    try:
        page_obj = paginator.page(query.page)
    except EmptyPage:
        page_obj = None
    year_selected = [request.GET.get("year_from", ""), request.GET.get("year_to", "")]
    context.update(
        {
            "query": query,
            "response": response,
            "results": response.results,
            "answer": response.answer,
            **spelling_links(params, response),
            "total": response.total,
            "page_obj": page_obj,
            "past_last_page": page_obj is None and response.total > 0,
            "first_page_url": facets.search_url(params),
            "start_index": first_rank,
            "facet_groups": facets.facet_groups(query.filters, response.facets, labels),
            "year_options": facets.year_options(response.facets, year_selected),
            "year_from": year_selected[0],
            "year_to": year_selected[1],
            "active_filters": facets.active_filters(request, query.filters, labels),
            "picks": editors_picks(request, q, count_hit=True) if query.page == 1 else [],
            "browse_links": browse_links(request) if not response.total else [],
        }
    )
    return render(request, "search/search.html", context)


@require_GET
def answer_fragment(request):
    """The extractive answer of a search as an HTML fragment, for the search page to insert once its results are
    shown: the same parameters, the same visibility (it runs the same search); 204 when there is no answer."""
    try:
        query = page_query(request)
    except SearchError as error:
        return JsonResponse({"error": error.message, "param": error.param}, status=400)
    if not settings.SEARCH_ANSWERS or query.page != 1:
        return HttpResponse(status=204)
    # The page's own search (with its spelling correction, so a corrected query answers from the results shown).
    response = cached_search(dataclasses.replace(query, facets=False))
    if response.answer is None:
        return HttpResponse(status=204)
    response.answer.result.type_label = content_type_label(response.answer.result.content_type)
    return render(request, "search/includes/answer.html", {"answer": response.answer})


@require_GET
def suggest(request):
    try:
        q = clean_query(request.GET.get("q", "")[:200])
    except QueryError as error:
        return JsonResponse({"suggestions": [], "error": error.message}, status=400)
    try:
        suggestions = cached_suggestions(q, locale=translation.get_language(), viewer=viewer_of(request.user))
    except Exception:
        logger.exception("Title suggestions failed")
        suggestions = []
    return JsonResponse({"suggestions": suggestions})


@never_cache
@require_GET
def result_click(request):
    """Count a click on a search result (query, rank, type: nothing about the visitor), then go to the result.

    Only on-site targets are followed (a relative URL or this host's), so the link cannot be used to send
    people elsewhere under the site's name; anything else is a 400 and is not counted."""
    target = request.GET.get("to", "")
    if not is_safe_target(request, target):
        return HttpResponseBadRequest(_("This link does not lead to a page of this site."))
    if request.user.is_authenticated:  # a member's searches are not logged (log_search), nor their clicks
        return safe_redirect(request, target)
    log_click(
        without_control_characters(request.GET.get("q", "")),
        request.GET.get("rank"),
        without_control_characters(request.GET.get("type", "")),
    )
    return safe_redirect(request, target)
