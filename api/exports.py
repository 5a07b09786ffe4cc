"""/api/export/projects/ and /api/export/resources/: the project catalogue and the resource library as CSV or
JSON, streamed: the same rows, columns, filters and visibility as the site's export.csv / export.json of the
listing (cms/outputs/exports.py, cms/filters.py, cms/visibility.py), over every listing of the requested site.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView
from wagtail.models import Site

from cms.constants import GOAL_CODES, LANGUAGE_CHOICES
from cms.filters import FilterError, filter_pages, parse_page_filters
from cms.models import ProjectPage, ResourcePage
from cms.outputs.exports import FORMATS, export_response
from cms.visibility import visible_pages

from .errors import ParamError
from .throttling import AnonSearchThrottle
from .views import ERROR_400, ERROR_429, reject_unknown


class AnyAccept(BaseContentNegotiation):
    """The format is chosen by ?format=, not by the Accept header (a CSV client may well ask for text/csv)."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _list(child, help_text: str):
    return serializers.ListField(child=child, required=False, help_text=help_text)


class ExportFilters(serializers.Serializer):
    format = serializers.ChoiceField(
        choices=list(FORMATS), default="json", required=False, help_text="csv or json (default)."
    )
    goal = _list(serializers.ChoiceField(choices=list(GOAL_CODES)), "Strategic goals, A to F.")
    objective = _list(serializers.RegexField(r"^[A-Fa-f][1-9]$"), "Strategic objective codes such as A1.")
    practice = _list(serializers.SlugField(), "Soil practice slugs (see /api/v2/practices/).")
    region = _list(
        serializers.SlugField(),
        "Country or world-region slugs (see /api/v2/regions/); a world region also matches its countries.",
    )
    year = _list(
        serializers.IntegerField(min_value=1900, max_value=2100), "Years (of the start, or of publication)."
    )


class ProjectFilters(ExportFilters):
    status = _list(serializers.ChoiceField(choices=ProjectPage.Status.choices), "Project statuses.")


class ResourceFilters(ExportFilters):
    kind = _list(serializers.ChoiceField(choices=ResourcePage.Kind.choices), "Resource types.")
    language = _list(
        serializers.ChoiceField(choices=[code for code, _ in LANGUAGE_CHOICES]), "Language codes."
    )


def _strings(help_text: str):
    return serializers.ListField(child=serializers.CharField(), help_text=help_text)


@extend_schema_serializer(component_name="ProjectExportRow")
class ProjectRow(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    summary = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=ProjectPage.Status.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    funding_sought = serializers.DecimalField(max_digits=14, decimal_places=0, allow_null=True)
    funding_secured = serializers.DecimalField(max_digits=14, decimal_places=0, allow_null=True)
    funding_gap = serializers.DecimalField(max_digits=14, decimal_places=0, allow_null=True)
    currency = serializers.CharField()
    lead_organization = serializers.CharField(allow_null=True)
    partner_organizations = _strings("Names.")
    countries = _strings("Country or world-region slugs.")
    practices = _strings("Soil practice slugs.")
    objectives = _strings("Strategic objective codes.")
    documents = _strings("URLs of the attached documents.")
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)


@extend_schema_serializer(component_name="ResourceExportRow")
class ResourceRow(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    kind = serializers.ChoiceField(choices=ResourcePage.Kind.choices)
    authors = _strings("Author names.")
    year = serializers.IntegerField()
    language = serializers.CharField()
    publisher = serializers.CharField(allow_blank=True)
    doi = serializers.CharField(allow_blank=True)
    summary = serializers.CharField()
    external_url = serializers.CharField(allow_blank=True)
    documents = _strings("URLs of the attached documents.")
    objectives = _strings("Strategic objective codes.")
    practices = _strings("Soil practice slugs.")
    regions = _strings("Country or world-region slugs.")
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)


class ExportApi(APIView):
    model = None
    filters = ExportFilters
    throttle_classes = [AnonSearchThrottle]
    content_negotiation_class = AnyAccept

    def get(self, request):
        params = request.query_params
        reject_unknown(params, frozenset(self.filters._declared_fields))
        for name, values in params.lists():
            # The schema's values are never empty: "objective=" is a mistake to report, not "no filter".
            if name != "format" and any(not part.strip() for raw in values for part in raw.split(",")):
                raise ParamError(name, f"{name} has an empty value.")
        fmt = params.get("format", "json")
        if fmt not in FORMATS:
            raise ParamError("format", f"Unknown format {fmt[:40]!r}: use csv or json.")
        try:
            chosen = parse_page_filters(self.model, params)
        except FilterError as exc:
            raise ParamError(exc.param, exc.message) from exc
        pages = self.model.objects.all()
        site = Site.find_for_request(request)
        if site is not None:
            pages = pages.descendant_of(site.root_page)
        rows = filter_pages(visible_pages(pages).order_by(*self.ordering), self.model, chosen)
        return export_response(self.model, rows, request, fmt, self.filename)


def _schema(operation_id: str, filters, row, what: str):
    return extend_schema(
        operation_id=operation_id,
        summary=f"Export {what}",
        description=(
            f"Every published, public {what[:-1]} of the site matching the filters (those of the site's listing), "
            "streamed as JSON (an array of rows) or CSV (the same columns; lists joined with '; ')."
        ),
        parameters=[filters],
        responses={
            (200, "application/json"): row(many=True),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV with a header row."),
            400: ERROR_400,
            429: ERROR_429,
        },
    )


class ProjectExportApi(ExportApi):
    """The project catalogue as CSV or JSON."""

    model = ProjectPage
    filters = ProjectFilters
    ordering = ("title",)
    filename = "projects"

    @_schema("export_projects", ProjectFilters, ProjectRow, "projects")
    def get(self, request):
        return super().get(request)


class ResourceExportApi(ExportApi):
    """The resource library as CSV or JSON."""

    model = ResourcePage
    filters = ResourceFilters
    ordering = ("-year", "title")
    filename = "resources"

    @_schema("export_resources", ResourceFilters, ResourceRow, "resources")
    def get(self, request):
        return super().get(request)
