"""What the page types share: the knowledge index's view of a page (`KnowledgeMixin`), related content and
"See also" links, attached documents, and the filtered, exportable listing (`ListingPage`).

Each page type, in the module of its domain, declares its fields, admin panels, `search_fields` (Wagtail's own
search, used in the admin), `api_fields` (the headless API), page-tree rules, and `knowledge_fields` + `facets()`:
what the knowledge index extracts and the values search filters on.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.filters import FilterError, filter_pages, listing_form, parse_page_filters
from cms.locales import localized_under
from cms.outputs.exports import export_response
from cms.panels import RelatedSuggestionsPanel
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_documents, visible_pages


def visible_attachments(model) -> Prefetch:
    """A page's attached documents that are visible (never a document of a private collection), for exports."""
    return Prefetch(
        "documents",
        queryset=model.objects.filter(document__in=visible_documents()).select_related("document"),
    )


def document_urls(page, request) -> list[str]:
    return [request.build_absolute_uri(item.document.url) for item in page.documents.all()]


def publication_dates(page) -> dict:
    return {"first_published_at": page.first_published_at, "last_published_at": page.last_published_at}


def objective_facets(objectives) -> dict[str, list[str]]:
    codes = sorted({objective.code for objective in objectives})
    return {"objectives": codes, "goals": sorted({code[0] for code in codes})}


class KnowledgeMixin:
    """What the knowledge index reads from a page; see knowledge/page_text.py."""

    # (field name, heading shown with the passage); StreamField and rich text keep their own headings.
    knowledge_fields: list[tuple[str, str]] = []
    content_type_label = "page"

    def facets(self) -> dict:
        """Index values; a page is written in its locale's language and searched in that locale."""
        code = self.locale.language_code
        return {"content_type": self.content_type_label, "language": code, "locales": [code]}

    def knowledge_extra(self) -> list[tuple[str, str]]:
        """Facts from related records worth finding by keyword (partner names, speakers), as (heading, text)."""
        return []


class RelatedContentMixin:
    """Pages that show "Related projects / webinars / resources" under their content (rendered by the search
    layer's `related_content` template tag, from the knowledge index): which types, and how many of each."""

    related_types: tuple[str, ...] = ("project", "webinar", "resource")
    related_limit = 4


def related_pages_field() -> ParentalManyToManyField:
    """The editor's own "See also" links, shown before the automatic related content (visible pages only; read
    with the related content, in its one statement: search/related.py)."""
    return ParentalManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        limit_choices_to={"depth__gt": 2},
        verbose_name=_("see also"),
        help_text="Pages linked under this one, before the automatic related content.",
    )


def related_pages_panel() -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldPanel("related_pages", widget=forms.SelectMultiple(attrs={"size": 8})),
            RelatedSuggestionsPanel(),
        ],
        heading="See also",
    )


class AttachedDocument(Orderable):
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("caption")]
    api_fields = [APIField("document"), APIField("caption")]

    class Meta(Orderable.Meta):
        abstract = True


class ListingPage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, RoutablePageMixin, Page):
    """A catalogue page whose children are listed, filtered by the filters their type offers (cms/filters.py).

    A listing that names its `listed_model` exports its current filtered list under export.csv and export.json
    (cms/outputs/exports.py): the same rows as the page shows (`listed_children`), all of them, streamed."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    knowledge_fields = [("intro", "")]
    parent_page_types = ["cms.HomePage"]
    max_count = 1
    page_size = 12
    listed_model: type[Page] | None = None

    class Meta:
        abstract = True

    def listed_children(self):
        """The visible children the listing shows, in its order (before filters): one per translation group, in the
        visitor's language or else the default one's (cms.locales.localized_under)."""
        return localized_under(self, visible_pages(self.listed_model.objects.all()), children=True)

    @re_path(r"^export\.(?P<fmt>csv|json)/$", name="export")
    def export(self, request, fmt):
        if self.listed_model is None:
            raise Http404("This listing has no export.")
        try:
            chosen = parse_page_filters(self.listed_model, request.GET)
        except FilterError as exc:
            return HttpResponseBadRequest(
                f"{exc.param}: {exc.message}", content_type="text/plain; charset=utf-8"
            )
        rows = filter_pages(self.listed_children(), self.listed_model, chosen)
        return export_response(self.listed_model, rows, request, fmt, self.slug)

    def paginate(self, request, queryset):
        from django.core.paginator import Paginator

        return Paginator(queryset, self.page_size).get_page(request.GET.get("page"))

    def filtered_children(self, request, model, queryset):
        """The children narrowed by the request's filters, and the form state for the template.

        A bad value shows the list unfiltered with the message next to its field (status 400 is not worth a blank
        page here: the form is right there to fix it)."""
        try:
            chosen = parse_page_filters(model, request.GET)
            error = None
        except FilterError as exc:
            chosen, error = {}, exc
        return filter_pages(queryset, model, chosen), listing_form(model, chosen, error)
