"""The resource library and its community resources, with their citations."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api_fields import AttachedDocumentsField, PageListField
from cms.blocks import BodyBlock
from cms.constants import LANGUAGE_CHOICES
from cms.filters import region_index_values
from cms.outputs import citations
from cms.preview import HeadlessPreviewIfConfiguredMixin

from .base import (
    AttachedDocument,
    KnowledgeMixin,
    ListingPage,
    RelatedContentMixin,
    document_urls,
    objective_facets,
    publication_dates,
    related_pages_field,
    related_pages_panel,
    visible_attachments,
)
from .snippets import Organization, Region, SoilPractice
from .strategy import visible_objectives


class ResourceDocument(AttachedDocument):
    page = ParentalKey("cms.ResourcePage", on_delete=models.CASCADE, related_name="documents")


class ResourceIndexPage(ListingPage):
    subpage_types = ["cms.ResourcePage"]
    page_size = 15

    class Meta:
        verbose_name = _("resource library")

    @property
    def listed_model(self):
        return ResourcePage

    def listed_children(self):
        return super().listed_children().order_by("-year", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.listed_children()
        resources, context["filters"] = self.filtered_children(request, ResourcePage, resources)
        context["resources"] = self.paginate(request, resources)
        return context


class ResourcePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        documents = self.formsets.get("documents")
        has_document = documents is not None and any(
            form.cleaned_data and not form.cleaned_data.get("DELETE") for form in documents.forms
        )
        if not has_document and not cleaned.get("external_url"):
            self.add_error("external_url", "Attach a document or give an external link.")
        return cleaned


class ResourcePage(
    HeadlessPreviewIfConfiguredMixin, RelatedContentMixin, KnowledgeMixin, RoutablePageMixin, Page
):
    """A community resource; its citation is served as cite.bib (BibTeX), cite.ris (RIS) and cite.json
    (CSL-JSON), see cms/outputs/citations.py."""

    related_types = ("resource", "project", "webinar")

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        GUIDELINE = "guideline", _("Guideline")
        TOOL = "tool", _("Tool")
        DATASET = "dataset", _("Dataset")
        VIDEO = "video", _("Video")
        ARTICLE = "article", _("Article")

    listing_filters = ("kind", "language", "year", "goal", "objective", "practice", "region")
    region_field = "regions"
    year_field = "year"

    @classmethod
    def view_prefetch_related(cls) -> tuple:
        return (
            "regions",
            "practices",
            visible_objectives(),
            Prefetch("documents", queryset=ResourceDocument.objects.select_related("document")),
        )

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPORT)
    authors = models.CharField(max_length=500, blank=True, help_text="Names separated by semicolons.")
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES, default="en")
    summary = models.TextField(max_length=1200)
    body = StreamField(BodyBlock(), blank=True)
    external_url = models.URLField(
        blank=True, help_text="Where the resource lives, if it is not attached here."
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[citations.validate_doi],
        help_text="Digital Object Identifier, e.g. 10.3389/fsufs.2020.00037 (a https://doi.org/ link is accepted).",
    )
    publisher = models.CharField(
        max_length=250,
        blank=True,
        help_text="Who published it, for citations; leave empty for the Initiative's own resources.",
    )
    objectives = ParentalManyToManyField("cms.ObjectivePage", blank=True, related_name="resources")
    practices = ParentalManyToManyField(SoilPractice, blank=True, related_name="resources")
    regions = ParentalManyToManyField(Region, blank=True, related_name="resources")
    organizations = ParentalManyToManyField(
        Organization,
        blank=True,
        related_name="resources",
        help_text="Organizations that wrote or published it: the resource is listed on their directory profiles.",
    )
    related_pages = related_pages_field()

    base_form_class = ResourcePageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("language")]),
        FieldPanel("authors"),
        FieldPanel("organizations"),
        FieldPanel("summary"),
        InlinePanel("documents", heading="Documents", label="Document"),
        FieldPanel("external_url"),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("publisher")], heading="Citation"),
        FieldPanel("body"),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions"),
        related_pages_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("authors"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("language"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("authors"),
        APIField("year"),
        APIField("language"),
        APIField("summary"),
        APIField("body"),
        APIField("external_url"),
        APIField("doi"),
        APIField("publisher"),
        APIField("documents", serializer=AttachedDocumentsField()),
        APIField("objectives", serializer=PageListField()),
        APIField("practices"),
        APIField("regions"),
        APIField("organizations"),
    ]
    knowledge_fields = [("authors", _("Authors")), ("summary", ""), ("body", "")]
    content_type_label = "resource"
    content_type_name = _("Resource")

    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("community resource")

    @property
    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(";") if name.strip()]

    def save(self, *args, **kwargs):
        self.doi = citations.normalize_doi(self.doi)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bibtex"] = citations.bibtex(self, request)
        return context

    @re_path(r"^cite\.(?P<fmt>bib|ris|json)/$", name="cite")
    def cite(self, request, fmt):
        build, content_type, extension = citations.FORMATS[fmt]
        response = HttpResponse(build(self, request), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{citations.citation_key(self)}.{extension}"'
        return response

    export_columns = (
        "title",
        "url",
        "kind",
        "authors",
        "year",
        "language",
        "publisher",
        "doi",
        "summary",
        "external_url",
        "documents",
        "objectives",
        "practices",
        "regions",
        "first_published_at",
        "last_published_at",
    )

    @classmethod
    def export_queryset(cls, queryset):
        return queryset.prefetch_related(
            "regions", "practices", visible_objectives(), visible_attachments(ResourceDocument)
        )

    @staticmethod
    def export_row(page, request) -> dict:
        return {
            "title": page.title,
            "url": page.get_full_url(request),
            "kind": page.kind,
            "authors": page.author_list,
            "year": page.year,
            "language": page.language,
            "publisher": citations.publisher(page),
            "doi": page.doi,
            "summary": page.summary,
            "external_url": page.external_url,
            "documents": document_urls(page, request),
            "objectives": [objective.code for objective in page.objectives.all()],
            "practices": [practice.slug for practice in page.practices.all()],
            "regions": [region.slug for region in page.regions.all()],
            **publication_dates(page),
        }

    def facets(self) -> dict:
        return {
            **super().facets(),
            **objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "regions": region_index_values(self.regions.select_related("parent")),
            "year": self.year,
            "language": self.language,
            "resource_kind": self.kind,
        }
