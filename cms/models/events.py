"""Webinars and events, their listings and their calendar files."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api_fields import DocumentField, PageListField
from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.filters import region_index_values
from cms.locales import localized_under
from cms.outputs import calendars
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_pages

from .base import (
    KnowledgeMixin,
    ListingPage,
    RelatedContentMixin,
    objective_facets,
    related_pages_field,
    related_pages_panel,
)
from .snippets import Organization, Person, Region, SoilPractice
from .strategy import visible_objectives

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def check_timezone(name: str) -> None:
    """The time zone field of a dated page (webinar, meeting): a form error next to it for a name zoneinfo lacks."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError({"timezone": _("Choose a time zone from the list.")}) from exc


class WebinarIndexPage(ListingPage):
    subpage_types = ["cms.WebinarPage"]

    class Meta:
        verbose_name = _("webinar listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        webinars = localized_under(self, visible_pages(WebinarPage.objects.all()), children=True)
        webinars = webinars.prefetch_related("speakers")
        now = timezone.now()
        context["upcoming"] = webinars.filter(starts_at__gte=now).order_by("starts_at")
        context["past"] = self.paginate(request, webinars.filter(starts_at__lt=now).order_by("-starts_at"))
        return context

    def upcoming_calendar_pages(self):
        """What the subscribable calendar lists: visible webinars not over yet (one that started an hour ago and
        runs for two is still on), soonest first; as the listing, each in the visitor's language when translated,
        else its original."""
        earliest = timezone.now() - dt.timedelta(minutes=WebinarPage.MAX_DURATION)
        webinars = localized_under(self, visible_pages(WebinarPage.objects.all()), children=True)
        webinars = webinars.filter(starts_at__gte=earliest)
        return [webinar for webinar in webinars.order_by("starts_at") if webinar.ends_at >= timezone.now()]

    @path("calendar.ics/", name="calendar")
    def calendar_feed(self, request):
        return calendars.feed_calendar(
            self.upcoming_calendar_pages(),
            request,
            gettext("%(title)s: upcoming webinars") % {"title": self.title},
            "webinars.ics",
        )


class WebinarPage(
    HeadlessPreviewIfConfiguredMixin, RelatedContentMixin, KnowledgeMixin, RoutablePageMixin, Page
):
    """A webinar; its calendar file (an .ics of the one webinar) is served under calendar.ics."""

    related_types = ("webinar", "project", "resource")
    MAX_DURATION = 24 * 60

    listing_filters = ("goal", "objective", "practice", "year")
    year_field = "start_date__year"
    view_select_related = ("moderator__organization", "slides")

    @classmethod
    def view_prefetch_related(cls) -> tuple:
        return (
            Prefetch("speakers", queryset=Person.objects.select_related("organization")),
            "practices",
            visible_objectives(),
        )

    series = models.CharField(
        max_length=160, blank=True, help_text="e.g. Soil Carbon Science Webinar Series."
    )
    start_date = models.DateField()
    start_time = models.TimeField(help_text="Local start time in the time zone below.")
    timezone = models.CharField(max_length=64, choices=TIMEZONE_CHOICES, default="UTC")
    starts_at = models.DateTimeField(editable=False, null=True, db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(5), MaxValueValidator(MAX_DURATION)]
    )
    speakers = ParentalManyToManyField(Person, blank=True, related_name="webinars")
    moderator = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    abstract = RichTextField(features=RICH_TEXT_FEATURES)
    registration_url = models.URLField(blank=True)
    recording_url = models.URLField(blank=True, help_text="YouTube or similar, once the recording is online.")
    slides = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    objectives = ParentalManyToManyField("cms.ObjectivePage", blank=True, related_name="webinars")
    practices = ParentalManyToManyField(SoilPractice, blank=True, related_name="webinars")
    related_pages = related_pages_field()

    content_panels = Page.content_panels + [
        FieldPanel("series"),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("timezone")], heading="Start"
        ),
        FieldPanel("duration_minutes"),
        FieldPanel("speakers"),
        FieldPanel("moderator"),
        FieldPanel("abstract"),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("recording_url"), FieldPanel("slides")],
            heading="Links",
        ),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices", widget=forms.CheckboxSelectMultiple),
        related_pages_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("series"),
        index.SearchField("abstract"),
        index.FilterField("starts_at"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("series"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("is_upcoming"),
        APIField("timezone"),
        APIField("duration_minutes"),
        APIField("speakers"),
        APIField("moderator"),
        APIField("abstract"),
        APIField("registration_url"),
        APIField("recording_url"),
        APIField("slides", serializer=DocumentField()),
        APIField("objectives", serializer=PageListField()),
        APIField("practices"),
    ]
    knowledge_fields = [("series", ""), ("abstract", _("Abstract"))]
    content_type_label = "webinar"

    parent_page_types = ["cms.WebinarIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("webinar")

    def clean(self) -> None:
        super().clean()
        check_timezone(self.timezone)

    def save(self, *args, **kwargs):
        # starts_at is derived (UTC instant) so listings can sort and split upcoming/past in the database.
        self.starts_at = self.compute_starts_at()
        return super().save(*args, **kwargs)

    def compute_starts_at(self) -> dt.datetime | None:
        if not (self.start_date and self.start_time):
            return None
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=zoneinfo.ZoneInfo(self.timezone))

    @property
    def ends_at(self) -> dt.datetime | None:
        start = self.compute_starts_at()
        return start + dt.timedelta(minutes=self.duration_minutes) if start else None

    @property
    def is_upcoming(self) -> bool:
        start = self.compute_starts_at()
        return bool(start and start >= timezone.now())

    @path("calendar.ics/", name="calendar")
    def calendar_file(self, request):
        return calendars.page_calendar(self, request)

    def facets(self) -> dict:
        return {
            **super().facets(),
            **objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "year": self.start_date.year if self.start_date else None,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        people = [str(person) for person in self.speakers.select_related("organization")]
        facts = (
            [gettext("Webinar on %(date)s.") % {"date": date_format(self.start_date)}]
            if self.start_date
            else []
        )
        if people:
            facts.append(gettext("Speakers: %(names)s.") % {"names": "; ".join(people)})
        if self.moderator:
            facts.append(gettext("Moderator: %(name)s.") % {"name": self.moderator})
        return [(_("Speakers"), " ".join(facts))] if facts else []


class EventIndexPage(ListingPage):
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = localized_under(self, visible_pages(EventPage.objects.all()), children=True)
        today = timezone.localdate()
        context["upcoming"] = events.filter(end_date__gte=today).order_by("start_date")
        context["past"] = self.paginate(request, events.filter(end_date__lt=today).order_by("-start_date"))
        return context

    @path("calendar.ics/", name="calendar")
    def calendar_feed(self, request):
        # The listing's events: a French subscriber also gets the events nobody has translated yet.
        events = localized_under(self, visible_pages(EventPage.objects.all()), children=True)
        events = events.select_related("organizer")
        upcoming = events.filter(end_date__gte=timezone.localdate()).order_by("start_date")
        title = gettext("%(title)s: upcoming events") % {"title": self.title}
        return calendars.feed_calendar(upcoming, request, title, "events.ics")


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The event ends before it starts.")
        if not cleaned.get("online") and not cleaned.get("location"):
            self.add_error("location", "Give a place, or tick 'online'.")
        return cleaned


class EventPage(
    HeadlessPreviewIfConfiguredMixin, RelatedContentMixin, KnowledgeMixin, RoutablePageMixin, Page
):
    """An event over one or more days; its calendar file (all-day, from the first to the last day) is served under
    calendar.ics."""

    related_types = ("event", "webinar", "project")

    class Kind(models.TextChoices):
        INITIATIVE_DAY = "initiative_day", _("4 per 1000 Initiative Day")
        PARTNER_EVENT = "partner_event", _("Partner event")
        COMMUNITY_MEETING = "cop_meeting", _("Community-of-practice meeting")

    listing_filters = ("kind", "goal", "objective", "region", "year")
    region_field = "regions"
    year_field = "start_date__year"
    view_select_related = ("organizer",)

    @classmethod
    def view_prefetch_related(cls) -> tuple:
        return ("regions", visible_objectives())

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARTNER_EVENT)
    start_date = models.DateField()
    end_date = models.DateField()
    location = models.CharField(
        max_length=250, blank=True, help_text="Venue and city; leave empty if online only."
    )
    online = models.BooleanField(default=False, help_text="Tick if people can take part online.")
    online_url = models.URLField(blank=True, help_text="Registration or streaming link.")
    organizer = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(max_length=600, blank=True)
    body = StreamField(BodyBlock(), blank=True)
    objectives = ParentalManyToManyField("cms.ObjectivePage", blank=True, related_name="events")
    regions = ParentalManyToManyField(Region, blank=True, related_name="events")

    base_form_class = EventPageForm
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online")]),
        FieldPanel("online_url"),
        FieldPanel("organizer"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("kind"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("location"),
        APIField("online"),
        APIField("online_url"),
        APIField("organizer"),
        APIField("summary"),
        APIField("body"),
        APIField("is_upcoming"),
        APIField("objectives", serializer=PageListField()),
        APIField("regions"),
    ]
    knowledge_fields = [("location", _("Place")), ("summary", ""), ("body", "")]
    content_type_label = "event"

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")

    @property
    def is_upcoming(self) -> bool:
        return self.end_date >= timezone.localdate()

    @path("calendar.ics/", name="calendar")
    def calendar_file(self, request):
        return calendars.page_calendar(self, request)

    def facets(self) -> dict:
        return {
            **super().facets(),
            **objective_facets(self.objectives.all()),
            "regions": region_index_values(self.regions.select_related("parent")),
            "year": self.start_date.year,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        facts = [f"{self.get_kind_display()}, {date_format(self.start_date)}."]
        if self.organizer:
            facts.append(gettext("Organized by %(name)s.") % {"name": self.organizer.name})
        if self.online:
            facts.append(gettext("Online participation possible."))
        return [("", " ".join(facts))]
