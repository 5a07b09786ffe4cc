"""Search, autocomplete and related content over the knowledge index: one APIView per operation, each with
its InputSerializer (the query parameters, also their OpenAPI description) and OutputSerializer.

The logic lives in search/: parse_search_params + search() (search/params.py, search/service.py),
related_to_page() (search/related.py) and suggest_titles() (search/suggest.py), through their cache (search/result_cache.py)
for search, suggestions and related content. These views only translate
HTTP to those calls and back.
"""

from __future__ import annotations

import contextlib
import dataclasses

from django.core.validators import RegexValidator
from django.db import DataError, transaction
from django.http import Http404, QueryDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from cms.constants import GOAL_CODES, content_types
from cms.replica import read_connection
from cms.visibility import page_is_visible, viewer_of
from search.params import (
    ALL_LOCALES,
    LANGUAGES,
    MAX_PAGE_SIZE,
    parse_locale,
    parse_search_params,
    site_locales,
)
from search.result_cache import cached_related, cached_search, cached_suggestions
from search.service import FACETS, MAX_QUERY_LENGTH, MODES, SearchError, search
from search.syntax import MAX_QUERY_WORDS, QUERY_PATTERN, QueryError, clean_query

from .errors import ParamError
from .throttling import AnonSearchThrottle

MAX_RELATED = 20
# What a search result or related item is: a page, a document or an organization's directory profile.
SOURCES = ["page", "document", "organization"]


def source_object_id(item) -> int:
    """The id a client looks the item up by in /api/v2/ (pages, documents or organizations)."""
    if item.kind == "page":
        return item.page_id
    if item.kind == "document":
        return item.document_id
    return int(item.object_id)


# --- Errors, shared by every operation ------------------------------------------------------------------


class ErrorDetailSerializer(serializers.Serializer):
    param = serializers.CharField(allow_null=True, help_text="The query parameter at fault, or null.")
    message = serializers.CharField(help_text="What is wrong, in words a developer can act on.")
    retry_after = serializers.IntegerField(required=False, help_text="Only on 429: seconds to wait.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


ERROR_400 = OpenApiResponse(
    ErrorSerializer,
    description="Bad input: the body names the parameter and the problem.",
    examples=[
        OpenApiExample(
            "Page size too large",
            status_codes=["400"],
            value={"error": {"param": "page_size", "message": "page_size must be between 1 and 50."}},
        ),
    ],
)
ERROR_404 = OpenApiResponse(
    ErrorSerializer,
    description="No such published, public page.",
    examples=[
        OpenApiExample(
            "Unknown page",
            status_codes=["404"],
            value={"error": {"param": None, "message": "No published, public page 9999."}},
        )
    ],
)
ERROR_404_PAGE = OpenApiResponse(
    ErrorSerializer,
    description="A page past the last page of these results.",
    examples=[
        OpenApiExample(
            "Past the last page",
            status_codes=["404"],
            value={"error": {"param": "page", "message": "page 7 is past the last page (3)."}},
        )
    ],
)
ERROR_429 = OpenApiResponse(
    ErrorSerializer,
    description="Too many requests from this address; the Retry-After header gives the seconds to wait.",
    examples=[
        OpenApiExample(
            "Throttled",
            status_codes=["429"],
            value={
                "error": {
                    "param": None,
                    "message": "Too many requests. Try again in 42 seconds.",
                    "retry_after": 42,
                }
            },
        )
    ],
)


# The query rules of search/syntax.py in the schema too (as a pattern), so that a client can check a query first.
QUERY_VALIDATOR = RegexValidator(
    QUERY_PATTERN,
    f"The query has a control character or more than {MAX_QUERY_WORDS} words: shorten or clean it.",
)


NUMBER_PARAMS = frozenset({"limit", "page", "page_size", "year_from", "year_to"})


def reject_unknown(params: QueryDict, allowed) -> None:
    for name, values in params.lists():
        if name not in allowed:
            raise ParamError(name, f"Unknown parameter {name[:40]!r}: use {', '.join(sorted(allowed))}.")
        for value in values:
            if "\x00" in value:
                raise ParamError(name, f"{name} contains a null character.")
            if value == "" and name in NUMBER_PARAMS:  # the schema says integer: an empty value is not one
                raise ParamError(name, f"{name} is empty: give a whole number or leave the parameter out.")


def split_values(params: QueryDict, name: str) -> list[str]:
    return [part.strip() for raw in params.getlist(name) for part in raw.split(",") if part.strip()]


class SearchThrottledAPIView(APIView):
    throttle_classes = [AnonSearchThrottle]


# --- Search ---------------------------------------------------------------------------------------------


class SearchApi(SearchThrottledAPIView):
    """Hybrid (semantic + keyword) search over published, public pages and documents (and, with a signed-in
    member's session cookie, the pages and documents of their members' spaces)."""

    class InputSerializer(serializers.Serializer):
        q = serializers.CharField(
            max_length=MAX_QUERY_LENGTH,
            validators=[QUERY_VALIDATOR],
            help_text=f"A question or some words; required, at most {MAX_QUERY_LENGTH} characters and "
            f"{MAX_QUERY_WORDS} words, no control character.",
        )
        type = serializers.ListField(
            child=serializers.ChoiceField(choices=list(content_types())),
            required=False,
            help_text="Content types to include (repeat or comma-separate).",
        )
        goal = serializers.ListField(
            child=serializers.ChoiceField(choices=list(GOAL_CODES)),
            required=False,
            help_text="Strategic goals, A to F.",
        )
        objective = serializers.ListField(
            child=serializers.RegexField(r"^[A-Fa-f][1-9]$"),
            required=False,
            help_text="Strategic objective codes such as A1.",
        )
        practice = serializers.ListField(
            child=serializers.SlugField(),
            required=False,
            help_text="Soil practice slugs (see /api/v2/practices/).",
        )
        region = serializers.ListField(
            child=serializers.SlugField(),
            required=False,
            help_text="Country or world-region slugs (see /api/v2/regions/); a world "
            "region also matches its countries.",
        )
        language = serializers.ListField(
            child=serializers.ChoiceField(choices=list(LANGUAGES)),
            required=False,
            help_text="Language codes.",
        )
        locale = serializers.ChoiceField(
            choices=[*site_locales(), ALL_LOCALES],
            required=False,
            help_text="Site locale searched: its pages and the documents they use (en, fr, es); all or absent "
            "searches every locale. Queries are also stemmed in that locale's language.",
        )
        year_from = serializers.IntegerField(
            min_value=1900, max_value=2100, required=False, help_text="Earliest year (inclusive)."
        )
        year_to = serializers.IntegerField(
            min_value=1900,
            max_value=2100,
            required=False,
            help_text="Latest year (inclusive); before year_from, nothing matches.",
        )
        mode = serializers.ChoiceField(
            choices=list(MODES),
            default="hybrid",
            required=False,
            help_text="hybrid (default), semantic (meaning only) or keyword (words only).",
        )
        spell = serializers.ChoiceField(
            choices=["on", "off"],
            default="on",
            required=False,
            help_text="on (default): words the index has never seen are corrected (suggested_query), and when the "
            "words as typed find almost nothing the results are those of the correction (showing_results_for); "
            "off: the words are searched exactly as typed.",
        )
        page = serializers.IntegerField(
            min_value=1,
            max_value=10_000,
            default=1,
            required=False,
            help_text="Result page, from 1; past the last page answers 404.",
        )
        page_size = serializers.IntegerField(
            min_value=1,
            max_value=MAX_PAGE_SIZE,
            default=10,
            required=False,
            help_text=f"Results per page, at most {MAX_PAGE_SIZE}.",
        )

    @extend_schema_serializer(component_name="SearchResponse")
    class OutputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="SearchResult")
        class ResultSerializer(serializers.Serializer):
            @extend_schema_serializer(component_name="SearchPassage")
            class PassageSerializer(serializers.Serializer):
                html = serializers.CharField(help_text="Escaped passage text with <mark> around query words.")
                heading = serializers.CharField(allow_blank=True)
                page_number = serializers.IntegerField(allow_null=True, help_text="PDF page, for documents.")
                url = serializers.CharField(
                    allow_blank=True, help_text="Link to the passage (#page=N in PDFs)."
                )

            id = serializers.IntegerField(
                help_text="Page id (source=page), document id (source=document) or organization id "
                "(source=organization: /api/v2/organizations/<id>/)."
            )
            source = serializers.ChoiceField(choices=SOURCES)
            title = serializers.CharField()
            url = serializers.CharField(allow_blank=True)
            type = serializers.CharField(help_text="Content type: project, webinar, resource, document, ...")
            score = serializers.FloatField()
            snippet = serializers.CharField(allow_blank=True, help_text="The best passage's html.")
            passages = PassageSerializer(many=True)
            date = serializers.DateField(allow_null=True)
            year = serializers.IntegerField(allow_null=True)
            lang = serializers.CharField(
                help_text="Language the page or document is written in (en, fr, es, ...)."
            )
            locales = serializers.ListField(
                child=serializers.CharField(),
                help_text="Site locales it belongs to: a page's own; for a document, those of the pages using it.",
            )
            members_only = serializers.BooleanField(
                help_text="Behind a sign-in or a members' group: found only with a member's session."
            )

        @extend_schema_serializer(component_name="SearchAnswer")
        class AnswerSerializer(serializers.Serializer):
            @extend_schema_serializer(component_name="SearchAnswerSource")
            class AnswerSourceSerializer(serializers.Serializer):
                id = serializers.IntegerField(help_text="Page id (type of a page) or document id.")
                title = serializers.CharField()
                url = serializers.CharField(
                    allow_blank=True, help_text="The source, at the PDF page (#page=N)."
                )
                type = serializers.CharField(
                    help_text="Content type: project, webinar, resource, document, ..."
                )

            text = serializers.CharField(help_text="One or two adjacent sentences quoted from the source.")
            html = serializers.CharField(help_text="The text escaped, with <mark> around query words.")
            source = AnswerSourceSerializer()
            heading = serializers.CharField(allow_blank=True, help_text="The section the sentence is in.")
            page_number = serializers.IntegerField(allow_null=True, help_text="PDF page, for documents.")
            score = serializers.FloatField(help_text="Sentence score; answers below the threshold are null.")

        @extend_schema_serializer(component_name="FacetValue")
        class FacetValueSerializer(serializers.Serializer):
            value = serializers.CharField()
            count = serializers.IntegerField()

        q = serializers.CharField()
        mode = serializers.CharField()
        count = serializers.IntegerField(help_text="Number of matching pages and documents.")
        page = serializers.IntegerField()
        num_pages = serializers.IntegerField()
        results = ResultSerializer(many=True)
        suggested_query = serializers.CharField(
            allow_null=True,
            help_text="q with its unknown words corrected from the index's vocabulary, or null.",
        )
        showing_results_for = serializers.CharField(
            allow_null=True,
            help_text="Set (to suggested_query) when the results are those of the correction, because q as typed "
            "found almost nothing; search again with spell=off for q as typed. Null otherwise.",
        )
        answer = AnswerSerializer(
            allow_null=True,
            help_text=(
                "An extractive answer on page 1: the sentence of the top results that best answers q, quoted with "
                "its source; null when none is reliable enough (or answers are turned off). Never generated text."
            ),
        )
        facets = serializers.DictField(
            child=FacetValueSerializer(many=True),
            help_text=(
                f"Counts per facet ({', '.join(FACETS)}), disjunctive: a facet without a selection counts the "
                "matches; a facet with one (e.g. type=project) counts as if it had none, so each of its values "
                "shows what choosing it as well would give, as on the search page."
            ),
        )

    allowed_params = frozenset(InputSerializer._declared_fields)

    @staticmethod
    def run(query):
        """search(), in a savepoint when inside a transaction: a very deep page can exceed what the vector index
        accepts (the service asks HNSW for page * page_size candidates); that is answered as a bad `page`, not a
        500. In autocommit mode (a request) a failed query harms nothing and needs no savepoint."""
        reads = read_connection()
        guard = transaction.atomic(using=reads.alias) if reads.in_atomic_block else contextlib.nullcontext()
        try:
            with guard:
                return search(query)
        except DataError:
            if query.page == 1:
                raise
            first = search(dataclasses.replace(query, page=1))
            if query.page > first.num_pages:  # the caller reports a page past the end (if anything matched)
                return dataclasses.replace(first, query=query, results=[])
            raise ParamError("page", f"page {query.page} is too deep: narrow the search instead.") from None

    @staticmethod
    def answer_data(request, answer) -> dict | None:
        if answer is None:
            return None
        result = answer.result
        return {
            "text": answer.text,
            "html": answer.html,
            "source": {
                "id": source_object_id(result),
                "title": result.title,
                "url": request.build_absolute_uri(answer.url) if answer.url else "",
                "type": result.content_type,
            },
            "heading": answer.heading,
            "page_number": answer.page_number,
            "score": answer.score,
        }

    @extend_schema(
        operation_id="search",
        parameters=[InputSerializer],
        responses={200: OutputSerializer, 400: ERROR_400, 404: ERROR_404_PAGE, 429: ERROR_429},
        examples=[
            OpenApiExample(
                "Search results",
                response_only=True,
                status_codes=["200"],
                value={
                    "q": "cover crops",
                    "mode": "hybrid",
                    "count": 1,
                    "page": 1,
                    "num_pages": 1,
                    "results": [
                        {
                            "id": 42,
                            "source": "page",
                            "title": "Cover crops in the Sahel",
                            "url": "http://127.0.0.1:8000/projects/cover-crops-in-the-sahel/",
                            "type": "project",
                            "score": 0.0328,
                            "snippet": "<mark>Cover</mark> <mark>crops</mark> keep soils covered ...",
                            "passages": [
                                {
                                    "html": "<mark>Cover</mark> <mark>crops</mark> keep soils covered ...",
                                    "heading": "",
                                    "page_number": None,
                                    "url": "http://127.0.0.1:8000/projects/cover-crops-in-the-sahel/",
                                }
                            ],
                            "date": "2024-03-01",
                            "year": 2024,
                            "lang": "en",
                            "locales": ["en"],
                        }
                    ],
                    "suggested_query": None,
                    "showing_results_for": None,
                    "answer": {
                        "text": "Cover crops keep soils covered between two harvests.",
                        "html": "<mark>Cover</mark> <mark>crops</mark> keep soils covered between two harvests.",
                        "source": {
                            "id": 42,
                            "title": "Cover crops in the Sahel",
                            "url": "http://127.0.0.1:8000/projects/cover-crops-in-the-sahel/",
                            "type": "project",
                        },
                        "heading": "",
                        "page_number": None,
                        "score": 0.71,
                    },
                    "facets": {
                        "content_type": [{"value": "project", "count": 1}],
                        "year": [{"value": "2024", "count": 1}],
                    },
                },
            ),
        ],
    )
    def get(self, request):
        params = request.query_params
        reject_unknown(params, self.allowed_params)
        try:
            # As the caller sees the site: a member's browser, with its session cookie (Django's session
            # authentication), finds their spaces' content; any other request only public content.
            query = dataclasses.replace(
                parse_search_params(params, max_page_size=MAX_PAGE_SIZE), viewer=viewer_of(request.user)
            )
            response = cached_search(query, self.run)
        except SearchError as exc:
            raise ParamError(exc.param, exc.message) from exc
        if response.total and query.page > response.num_pages:
            # 404, as DRF's pagination answers: the parameter is valid, this page of these results does not exist.
            raise ParamError(
                "page", f"page {query.page} is past the last page ({response.num_pages}).", status_code=404
            )
        data = {
            "q": query.q,
            "mode": query.mode,
            "count": response.total,
            "page": query.page,
            "num_pages": response.num_pages,
            "results": [
                {
                    "id": source_object_id(result),
                    "source": result.kind,
                    "title": result.title,
                    "url": request.build_absolute_uri(result.url) if result.url else "",
                    "type": result.content_type,
                    "score": result.score,
                    "snippet": result.snippet,
                    "passages": [
                        {
                            "html": p.html,
                            "heading": p.heading,
                            "page_number": p.page_number,
                            "url": request.build_absolute_uri(p.url) if p.url else "",
                        }
                        for p in result.passages
                    ],
                    "date": result.date,
                    "year": result.year,
                    "lang": result.language,
                    "locales": list(result.locales),
                    "members_only": result.members_only,
                }
                for result in response.results
            ],
            "suggested_query": response.spelling.suggestion if response.spelling else None,
            "showing_results_for": (
                response.spelling.suggestion if response.spelling and response.spelling.applied else None
            ),
            "answer": self.answer_data(request, response.answer),
            "facets": {
                name: [{"value": value, "count": count} for value, count in values]
                for name, values in response.facets.items()
            },
        }
        return Response(self.OutputSerializer(data).data)


# --- Suggest --------------------------------------------------------------------------------------------


class SuggestApi(SearchThrottledAPIView):
    """Title suggestions for a search box, from published, public pages and documents (with a member's session,
    their spaces' too)."""

    class InputSerializer(serializers.Serializer):
        q = serializers.CharField(
            max_length=MAX_QUERY_LENGTH,
            validators=[QUERY_VALIDATOR],
            help_text="What has been typed so far; required.",
        )
        limit = serializers.IntegerField(
            min_value=1,
            max_value=MAX_RELATED,
            default=8,
            required=False,
            help_text=f"At most this many suggestions (1 to {MAX_RELATED}).",
        )
        locale = serializers.ChoiceField(
            choices=[*site_locales(), ALL_LOCALES],
            required=False,
            help_text="Only titles of this locale's pages and the documents they use; all or absent: every locale.",
        )

    @extend_schema_serializer(component_name="SuggestResponse")
    class OutputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="Suggestion")
        class SuggestionSerializer(serializers.Serializer):
            title = serializers.CharField()
            url = serializers.CharField(allow_blank=True)
            type = serializers.CharField()

        q = serializers.CharField()
        suggestions = SuggestionSerializer(many=True)

    allowed_params = frozenset(InputSerializer._declared_fields)

    @extend_schema(
        operation_id="search_suggest",
        parameters=[InputSerializer],
        responses={200: OutputSerializer, 400: ERROR_400, 429: ERROR_429},
        examples=[
            OpenApiExample(
                "Suggestions",
                response_only=True,
                status_codes=["200"],
                value={
                    "q": "agrofor",
                    "suggestions": [
                        {
                            "title": "Agroforestry in West Africa",
                            "url": "http://127.0.0.1:8000/projects/agroforestry-in-west-africa/",
                            "type": "project",
                        }
                    ],
                },
            )
        ],
    )
    def get(self, request):
        reject_unknown(request.query_params, self.allowed_params)
        serializer = self.InputSerializer(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        try:
            q = clean_query(serializer.validated_data["q"])
            locale = parse_locale(request.query_params)
        except QueryError as exc:
            raise ParamError("q", exc.message) from exc
        except SearchError as exc:
            raise ParamError(exc.param, exc.message) from exc
        suggestions = [
            {**item, "url": request.build_absolute_uri(item["url"]) if item.get("url") else ""}
            for item in cached_suggestions(
                q, limit=serializer.validated_data["limit"], locale=locale, viewer=viewer_of(request.user)
            )
        ]
        return Response(self.OutputSerializer({"q": q, "suggestions": suggestions}).data)


# --- Related --------------------------------------------------------------------------------------------


class RelatedApi(SearchThrottledAPIView):
    """Pages and documents closest in topic to a published, public page (from stored vectors); with a member's
    session, also to and among the pages and documents of their spaces."""

    class InputSerializer(serializers.Serializer):
        type = serializers.ListField(
            child=serializers.ChoiceField(choices=list(content_types())),
            required=False,
            help_text="Only these content types (repeat or comma-separate).",
        )
        limit = serializers.IntegerField(
            min_value=1,
            max_value=MAX_RELATED,
            default=5,
            required=False,
            help_text=f"At most this many results (1 to {MAX_RELATED}).",
        )

    @extend_schema_serializer(component_name="RelatedResponse")
    class OutputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="RelatedPage")
        class PageSerializer(serializers.Serializer):
            id = serializers.IntegerField()
            title = serializers.CharField()
            url = serializers.CharField(allow_blank=True)

        @extend_schema_serializer(component_name="RelatedItem")
        class RelatedSerializer(serializers.Serializer):
            id = serializers.IntegerField(help_text="Page, document or organization id, as `source` says.")
            source = serializers.ChoiceField(choices=SOURCES)
            title = serializers.CharField()
            url = serializers.CharField(allow_blank=True)
            type = serializers.CharField()
            score = serializers.FloatField(help_text="Cosine similarity of the topics, up to 1.")
            snippet = serializers.CharField(allow_blank=True, help_text="Plain text, not HTML.")

        page = PageSerializer()
        results = RelatedSerializer(many=True)

    allowed_params = frozenset(InputSerializer._declared_fields)

    @extend_schema(
        operation_id="page_related",
        parameters=[
            OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="A page id."),
            InputSerializer,
        ],
        responses={200: OutputSerializer, 400: ERROR_400, 404: ERROR_404, 429: ERROR_429},
        examples=[
            OpenApiExample(
                "Related content",
                response_only=True,
                status_codes=["200"],
                value={
                    "page": {
                        "id": 42,
                        "title": "Cover crops in the Sahel",
                        "url": "http://127.0.0.1:8000/projects/cover-crops-in-the-sahel/",
                    },
                    "results": [
                        {
                            "id": 57,
                            "source": "page",
                            "title": "Webinar: cover crops and soil carbon",
                            "url": "http://127.0.0.1:8000/webinars/cover-crops/",
                            "type": "webinar",
                            "score": 0.71,
                            "snippet": "Cover crops protect the soil between two harvests ...",
                        }
                    ],
                },
            )
        ],
    )
    def get(self, request, id: str):
        viewer = viewer_of(request.user)
        page = Page.objects.filter(pk=int(id)).first() if id.isdigit() and len(id) < 12 else None
        if page is None or not page_is_visible(page, viewer):
            raise Http404(f"No published, public page {id[:20]}.")
        params = request.query_params
        reject_unknown(params, self.allowed_params)
        data = {name: split_values(params, name) for name in ("type",) if name in params}
        if "limit" in params:
            data["limit"] = params["limit"]
        serializer = self.InputSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        limit = serializer.validated_data["limit"]
        groups = cached_related(
            page.pk,
            types=tuple(serializer.validated_data.get("type", ())),
            limit=limit,
            request=request,
            viewer=viewer,
        )
        items = sorted((item for group in groups.values() for item in group), key=lambda item: -item.score)
        results = []
        for item in items[:limit]:
            results.append(
                {
                    "id": source_object_id(item),
                    "source": item.kind,
                    "title": item.title,
                    "url": request.build_absolute_uri(item.url) if item.url else "",
                    "type": item.type,
                    "score": item.score,
                    "snippet": item.snippet,
                }
            )
        page_data = {"id": page.pk, "title": page.title, "url": page.get_full_url(request) or ""}
        return Response(self.OutputSerializer({"page": page_data, "results": results}).data)
