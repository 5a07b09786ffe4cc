"""The project catalogue and its projects."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api_fields import AttachedDocumentsField, PageListField
from cms.blocks import BodyBlock
from cms.filters import region_index_values
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

CURRENCY_CHOICES = [
    ("EUR", "Euro (EUR)"),
    ("USD", "US dollar (USD)"),
    ("GBP", "Pound sterling (GBP)"),
    ("XOF", "CFA franc (XOF)"),
    ("BRL", "Brazilian real (BRL)"),
    ("INR", "Indian rupee (INR)"),
]


class ProjectDocument(AttachedDocument):
    page = ParentalKey("cms.ProjectPage", on_delete=models.CASCADE, related_name="documents")


class ProjectIndexPage(ListingPage):
    subpage_types = ["cms.ProjectPage"]

    class Meta:
        verbose_name = _("project catalogue")

    @property
    def listed_model(self):
        return ProjectPage

    def listed_children(self):
        return super().listed_children().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = self.listed_children().prefetch_related("countries")
        projects, context["filters"] = self.filtered_children(request, ProjectPage, projects)
        context["projects"] = self.paginate(request, projects)
        return context


class ProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date is before the start date.")
        return cleaned


class ProjectPage(HeadlessPreviewIfConfiguredMixin, RelatedContentMixin, KnowledgeMixin, Page):
    related_types = ("project", "webinar", "resource")

    class Status(models.TextChoices):
        IDEA = "idea", _("Project idea")
        SEEKING_FUNDING = "seeking_funding", _("Seeking funding")
        FUNDED = "funded", _("Funded")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    summary = models.TextField(
        max_length=600, help_text="One or two sentences shown in listings and results."
    )
    body = StreamField(BodyBlock(), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDEA)
    funding_sought = models.DecimalField(
        max_digits=14, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    funding_secured = models.DecimalField(
        max_digits=14, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES, default="EUR")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    countries = ParentalManyToManyField(
        Region,
        blank=True,
        related_name="projects",
        help_text="Countries or, for multi-country work, world regions.",
    )
    practices = ParentalManyToManyField(SoilPractice, blank=True, related_name="projects")
    lead_organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_projects"
    )
    partner_organizations = ParentalManyToManyField(Organization, blank=True, related_name="partner_projects")
    objectives = ParentalManyToManyField(
        "cms.ObjectivePage",
        blank=True,
        related_name="projects",
        help_text="The strategic objectives this project serves.",
    )
    related_pages = related_pages_field()

    listing_filters = ("status", "goal", "objective", "practice", "region", "year")
    region_field = "countries"
    year_field = "start_date__year"
    view_select_related = ("lead_organization",)

    @classmethod
    def view_prefetch_related(cls) -> tuple:
        return (
            "countries",
            "practices",
            "partner_organizations",
            visible_objectives(),
            Prefetch("documents", queryset=ProjectDocument.objects.select_related("document")),
        )

    base_form_class = ProjectPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("funding_sought"), FieldPanel("funding_secured"), FieldPanel("currency")]
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="Funding and dates",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_organization"),
                FieldPanel("partner_organizations", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Organizations",
        ),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices", widget=forms.CheckboxSelectMultiple),
        FieldPanel("countries"),
        FieldPanel("body"),
        InlinePanel("documents", heading="Documents", label="Document"),
        related_pages_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("status"),
        index.RelatedFields("lead_organization", [index.SearchField("name")]),
        index.RelatedFields("practices", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("funding_sought"),
        APIField("funding_secured"),
        APIField("currency"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("countries"),
        APIField("practices"),
        APIField("lead_organization"),
        APIField("partner_organizations"),
        APIField("objectives", serializer=PageListField()),
        APIField("body"),
        APIField("documents", serializer=AttachedDocumentsField()),
        APIField("funding_gap"),
    ]
    knowledge_fields = [("summary", ""), ("body", "")]
    content_type_label = "project"

    parent_page_types = ["cms.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("project")

    def facets(self) -> dict:
        return {
            **super().facets(),
            **objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "regions": region_index_values(self.countries.select_related("parent")),
            "year": self.start_date.year if self.start_date else None,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        facts = [gettext("Status: %(status)s.") % {"status": self.get_status_display()}]
        if self.lead_organization:
            facts.append(gettext("Lead organization: %(name)s.") % {"name": self.lead_organization.name})
        partners = [org.name for org in self.partner_organizations.all()]
        if partners:
            facts.append(gettext("Partners: %(names)s.") % {"names": ", ".join(partners)})
        places = [region.name for region in self.countries.all()]
        if places:
            facts.append(gettext("Where: %(places)s.") % {"places": ", ".join(places)})
        practices = [practice.name for practice in self.practices.all()]
        if practices:
            facts.append(gettext("Soil practices: %(names)s.") % {"names": ", ".join(practices)})
        return [(_("Project facts"), " ".join(facts))]

    @property
    def funding_gap(self) -> Decimal | None:
        if self.funding_sought is None:
            return None
        return max(self.funding_sought - (self.funding_secured or 0), Decimal(0))

    export_columns = (
        "title",
        "url",
        "summary",
        "status",
        "start_date",
        "end_date",
        "funding_sought",
        "funding_secured",
        "funding_gap",
        "currency",
        "lead_organization",
        "partner_organizations",
        "countries",
        "practices",
        "objectives",
        "documents",
        "first_published_at",
        "last_published_at",
    )

    @classmethod
    def export_queryset(cls, queryset):
        return queryset.select_related("lead_organization").prefetch_related(
            "countries",
            "practices",
            "partner_organizations",
            visible_objectives(),
            visible_attachments(ProjectDocument),
        )

    @staticmethod
    def export_row(page, request) -> dict:
        return {
            "title": page.title,
            "url": page.get_full_url(request),
            "summary": page.summary,
            "status": page.status,
            "start_date": page.start_date,
            "end_date": page.end_date,
            "funding_sought": page.funding_sought,
            "funding_secured": page.funding_secured,
            "funding_gap": page.funding_gap,
            "currency": page.currency,
            "lead_organization": page.lead_organization.name if page.lead_organization else None,
            "partner_organizations": [org.name for org in page.partner_organizations.all()],
            "countries": [region.slug for region in page.countries.all()],
            "practices": [practice.slug for practice in page.practices.all()],
            "objectives": [objective.code for objective in page.objectives.all()],
            "documents": document_urls(page, request),
            **publication_dates(page),
        }
