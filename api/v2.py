"""Wagtail API v2 at /api/v2/: pages, images, documents and the snippets, read-only and public content only.

What is shown is what an anonymous visitor of the site may see (cms/visibility.py), for every client, signed in
or not. Pages: Wagtail's PagesAPIViewSet on the requested site plus the filters of the site's listings, from
their one definition (cms/filters.py: ?status= ?kind= ?language= ?year= ?goal= ?objective= ?practice= ?region=,
with ?type= a page type that offers them), and ?when=upcoming|past for webinars and events. Wagtail's own field
filters on other fields are validated first, so a bad value answers 400 instead of an empty list or a 500.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.filters import SearchFilter as WagtailSearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_object_detail_url, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Page

from cms.filters import FILTERS, FilterError, filter_pages, parse_page_filters
from cms.models import EventPage, Organization, Person, Region, SoilPractice, WebinarPage
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_documents, visible_images, visible_pages
from search.syntax import QueryError, clean_query

from .errors import ParamError, V2ErrorsMixin

PREVIEW_MAX_AGE = 24 * 60 * 60  # seconds; the package deletes stored previews after a day too


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filter (?status=funded, ?year=2024), with each value checked before it reaches the
    database: unknown choices, malformed numbers or dates and relations are a 400 naming the parameter."""

    owned: frozenset[str] = frozenset()  # parameters another filter backend handles

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        if self.owned:
            view = _FieldsOf(view, self.owned)
        fields = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            self.check_value(name, field, value)
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValueError, TypeError, DjangoValidationError) as exc:
            raise ParamError(None, f"field filter error: {exc}") from exc

    @staticmethod
    def check_value(name: str, field, value: str) -> None:
        if isinstance(field, TaggableManager):
            return
        if field.many_to_many or field.one_to_many or not field.concrete or isinstance(field, StreamField):
            raise ParamError(name, f"Listings cannot be filtered by {name}.")
        if "\x00" in value:
            raise ParamError(name, f"Null characters are not allowed in {name}.")
        if isinstance(field, models.BooleanField):
            return
        if field.choices:
            allowed = [str(key) for key, _ in field.flatchoices]
            if value not in allowed:
                raise ParamError(name, f"Unknown {name} {value[:40]!r}: use one of {', '.join(allowed)}.")
            return
        target = field.target_field if isinstance(field, models.ForeignKey) else field
        try:
            python_value = target.to_python(value)
            if isinstance(target, models.IntegerField | models.DecimalField | models.FloatField):
                target.run_validators(python_value)
        except (DjangoValidationError, ValueError, TypeError):
            raise ParamError(name, f"{value[:40]!r} is not a valid value for {name}.") from None


class SearchFilter(WagtailSearchFilter):
    """Wagtail's ?search=, with the query checked by the search box's own rules (search/syntax.py: no control
    character, a bounded length and number of words) and search_operator one of "and", "or"."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            try:
                clean_query(request.GET["search"], name="search")
            except QueryError as error:
                raise ParamError("search", error.message) from None
            operator = request.GET.get("search_operator")
            if operator is not None and operator not in ("and", "or"):
                raise ParamError(
                    "search_operator", f"search_operator must be and or or, not {operator[:40]!r}."
                )
        return super().filter_queryset(request, queryset, view)


class _FieldsOf:
    """The view as Wagtail's FieldsFilter sees it, without the fields another backend filters on."""

    def __init__(self, view, excluded) -> None:
        self.view, self.excluded = view, excluded

    def get_available_fields(self, model, db_fields_only=False):
        return [f for f in self.view.get_available_fields(model, db_fields_only) if f not in self.excluded]


class PageFieldsFilter(CheckedFieldsFilter):
    """Wagtail's field filters on pages, except the listing filters (one value, exact): SiteFilter has those."""

    owned = frozenset(FILTERS)


class SiteFilter(BaseFilterBackend):
    """The filters of the site's listings (cms/filters.py), for ?type= a page type that offers them, and
    ?when=upcoming|past (webinars and events)."""

    params = (*FILTERS, "when")

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        present = [name for name in FILTERS if name in request.GET]
        for name in present:
            if name not in getattr(model, "listing_filters", ()):
                raise ParamError(
                    name,
                    f"{name} filters need ?type= a page type that offers them, e.g. "
                    f"type={self._example(name)}.",
                )
        if present:
            try:
                queryset = filter_pages(queryset, model, parse_page_filters(model, request.GET))
            except FilterError as exc:
                raise ParamError(exc.param, exc.message) from exc
        when = request.GET.get("when", "").strip()
        if "when" in request.GET:
            queryset = queryset.filter(self._when(model, when))
            if not request.GET.get("order"):
                date_field = "starts_at" if model is WebinarPage else "start_date"
                queryset = queryset.order_by(date_field if when == "upcoming" else f"-{date_field}")
        return queryset

    @staticmethod
    def _example(name: str) -> str:
        from cms.models import ProjectPage, ResourcePage

        return (
            "cms.ProjectPage"
            if name in ProjectPage.listing_filters
            else ("cms.ResourcePage" if name in ResourcePage.listing_filters else "cms.EventPage")
        )

    @staticmethod
    def _when(model, value: str) -> Q:
        if model not in (WebinarPage, EventPage):
            raise ParamError("when", "when filters need ?type=cms.WebinarPage or ?type=cms.EventPage.")
        if value not in ("upcoming", "past"):
            raise ParamError("when", f"Unknown value {value[:40]!r}: use upcoming or past.")
        if model is WebinarPage:
            upcoming = Q(starts_at__gte=timezone.now())
        else:
            upcoming = Q(end_date__gte=timezone.localdate())
        return upcoming if value == "upcoming" else ~upcoming


class PageTranslationsField(serializers.Field):
    """A page's translations that anyone may see, in its detail: [{id, locale, title, html_url, detail_url}]."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        rows = (
            visible_pages(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
            .select_related("locale")
            .order_by("locale__language_code")
        )
        return [
            {
                "id": row.pk,
                "locale": row.locale.language_code,
                "title": row.title,
                "html_url": row.get_full_url(request),
                "detail_url": get_object_detail_url(self.context["router"], request, Page, row.pk),
            }
            for row in rows
        ]


class TranslatedPageSerializer(PageSerializer):
    translations = PageTranslationsField()


class PagesAPIViewSet(V2ErrorsMixin, WagtailPagesAPIViewSet):
    schema = None  # not in the OpenAPI schema: fields depend on ?type= and ?fields=
    filter_backends = [
        PageFieldsFilter,
        SiteFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = WagtailPagesAPIViewSet.known_query_parameters.union(SiteFilter.params)
    # ?locale=fr lists one locale's pages (Wagtail's LocaleFilter); a page's detail lists its translations.
    base_serializer_class = TranslatedPageSerializer
    meta_fields = [*WagtailPagesAPIViewSet.meta_fields, "translations"]
    detail_only_fields = [*WagtailPagesAPIViewSet.detail_only_fields, "translations"]

    def get_base_queryset(self):
        # Wagtail lets a signed-in client see restricted pages it may view; this API shows every client what an
        # anonymous visitor sees (and can therefore be cached and shared like the public site).
        return visible_pages(super().get_base_queryset())

    def get_queryset(self):
        if "\x00" in self.request.GET.get("type", ""):
            raise ParamError("type", "type doesn't exist")
        locale = self.request.GET.get("locale")
        codes = [code for code, _name in settings.LANGUAGES]
        if locale is not None and locale not in codes:
            raise ParamError("locale", f"Unknown locale {locale[:40]!r}: use one of {', '.join(codes)}.")
        return super().get_queryset()

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise ParamError("id", "id must be a whole number.")
        return super().find_object(queryset, request)


class ImagesAPIViewSet(V2ErrorsMixin, WagtailImagesAPIViewSet):
    """Images outside private collections (for every client: see PagesAPIViewSet.get_base_queryset)."""

    schema = None
    filter_backends = [CheckedFieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return visible_images(self.model.objects.all().order_by("id"))

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise ParamError("id", "id must be a whole number.")
        return super().find_object(queryset, request)


class DocumentsAPIViewSet(V2ErrorsMixin, WagtailDocumentsAPIViewSet):
    """Documents in public collections that are not attached only to unpublished or private pages."""

    schema = None
    filter_backends = [CheckedFieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return visible_documents(self.model.objects.all().order_by("id"))

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise ParamError("id", "id must be a whole number.")
        return super().find_object(queryset, request)


class SnippetAPIViewSet(V2ErrorsMixin, BaseAPIViewSet):
    schema = None
    filter_backends = [CheckedFieldsFilter, OrderingFilter, SearchFilter]
    ordering = ("name",)

    def get_queryset(self):
        return self.model.objects.all().order_by(*self.ordering, "id")

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise ParamError("id", "id must be a whole number.")
        return super().find_object(queryset, request)


class OrganizationsAPIViewSet(SnippetAPIViewSet):
    name = "organizations"
    model = Organization
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "short_name",
        "kind",
        "membership",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "short_name", "website"]


class PeopleAPIViewSet(SnippetAPIViewSet):
    name = "people"
    model = Person
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "job_title", "organization"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "job_title", "organization"]


class SoilPracticesAPIViewSet(SnippetAPIViewSet):
    name = "practices"
    model = SoilPractice
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "slug"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "slug"]


class RegionsAPIViewSet(SnippetAPIViewSet):
    name = "regions"
    model = Region
    ordering = ("kind", "name")
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "slug", "kind", "iso_code"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "slug", "kind"]


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """GET /api/preview/?content_type=cms.projectpage&token=...: the draft a token was issued for, in the same
    shape as /api/v2/pages/<id>/. A token is signed by the server when an editor previews a page."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        page = self.get_object()
        return Response(self.get_serializer(page).data)

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            self._preview_page = self._load_preview()
        return self._preview_page

    def _load_preview(self):
        params = self.request.GET
        content_type, token = params.get("content_type", "").strip(), params.get("token", "").strip()
        if not content_type:
            raise ParamError("content_type", "content_type is required, e.g. cms.projectpage.")
        if not token:
            raise ParamError("token", "token is required.")
        app_label, _, model_name = content_type.lower().partition(".")
        try:
            model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        except ContentType.DoesNotExist:
            model = None
        if model is None or not issubclass(model, HeadlessPreviewIfConfiguredMixin):
            raise ParamError("content_type", f"Unknown previewable page type {content_type[:60]!r}.")
        try:
            model.get_preview_signer().unsign(token, max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature:
            raise ParamError("token", "The preview token is invalid or has expired.") from None
        page = model.get_page_from_preview_token(token)
        if page is None:
            raise Http404("No preview is stored for this token (it may have expired).")
        if page.pk is None:
            page.pk = 0  # a page that has never been saved
        return page

    def get_serializer_class(self):
        page = self.get_object()
        try:
            fields_config = (
                parse_fields_parameter(self.request.GET["fields"]) if "fields" in self.request.GET else []
            )
        except ValueError as exc:
            raise ParamError("fields", f"fields error: {exc}") from exc
        return self._get_serializer_class(
            self.request.wagtailapi_router, type(page), fields_config, show_details=True
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("organizations", OrganizationsAPIViewSet)
api_router.register_endpoint("people", PeopleAPIViewSet)
api_router.register_endpoint("practices", SoilPracticesAPIViewSet)
api_router.register_endpoint("regions", RegionsAPIViewSet)

preview_view = api_router.wrap_view(PagePreviewAPIViewSet.as_view({"get": "listing_view"}))
