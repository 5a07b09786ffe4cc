"""The front page and plain text pages."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api_fields import PageField
from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.locales import localized_under
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_pages

from .base import KnowledgeMixin
from .events import EventPage, WebinarPage
from .resources import ResourcePage
from .snippets import Organization
from .strategy import GoalPage, StrategyPage, TaskForcePage


class CycleStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(help_text="One or two sentences.")

    class Meta:
        icon = "list-ol"


class HomePage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, Page):
    """The site's front page: the network, the strategy, the task forces, the Strategy Implementation Cycle, what
    comes next on the calendar, the Community of Practice and the latest resources.

    Every heading, text and link label is a field (editors own them); the lists under them (goals, task forces,
    webinars, events, resources, the number of partner organizations) are read live from visible pages. The pages
    it points at are foreign keys fetched with the page itself (`view_select_related`): the whole front page
    renders in at most 12 statements (tests/cms/test_page_queries.py).
    """

    intro = models.TextField(blank=True, help_text="One or two sentences under the site title.")
    body = StreamField(BodyBlock(), blank=True, help_text="More content, shown after the sections below.")

    network_heading = models.CharField(max_length=120, blank=True, default="A network of partners")
    network_text = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    network_count_label = models.CharField(
        max_length=120,
        blank=True,
        default="partner organizations",
        help_text="Shown after the live number of organizations in the directory.",
    )
    directory_page = models.ForeignKey(
        "cms.PartnerDirectoryPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    directory_link_text = models.CharField(max_length=80, blank=True, default="Browse the partner directory")
    join_link_text = models.CharField(
        max_length=80, blank=True, default="Join the Initiative", help_text="Links to the form at /join/."
    )

    strategy_page = models.ForeignKey(
        "cms.StrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Its Vision 2050, Mission 2030 and goals are shown.",
    )
    strategy_heading = models.CharField(max_length=120, blank=True, default="Our strategy")
    goals_heading = models.CharField(max_length=120, blank=True, default="Six goals")
    strategy_link_text = models.CharField(max_length=80, blank=True, default="Read the strategy")

    task_forces_heading = models.CharField(max_length=120, blank=True, default="Task forces")
    task_forces_text = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    task_force_join_text = models.CharField(
        max_length=80,
        blank=True,
        default="Join a task force",
        help_text="The link to each task force's form.",
    )

    cycle_heading = models.CharField(max_length=120, blank=True, default="The Strategy Implementation Cycle")
    cycle_intro = models.TextField(blank=True)
    cycle_steps = StreamField([("step", CycleStepBlock())], blank=True)

    calendar_heading = models.CharField(max_length=120, blank=True, default="Coming up")
    next_webinar_heading = models.CharField(max_length=80, blank=True, default="Next webinar")
    next_initiative_day_heading = models.CharField(max_length=80, blank=True, default="Next Initiative Day")
    partner_events_heading = models.CharField(max_length=80, blank=True, default="Partner events")
    partner_events_count = models.PositiveSmallIntegerField(
        default=3, validators=[MaxValueValidator(12)], help_text="How many upcoming partner events to show."
    )
    nothing_planned_text = models.CharField(
        max_length=160, blank=True, default="Nothing is announced yet: check again soon."
    )

    community_page = models.ForeignKey(
        "cms.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The Community of Practice's own page.",
    )
    community_heading = models.CharField(max_length=120, blank=True, default="Community of Practice")
    community_text = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    community_link_text = models.CharField(
        max_length=80, blank=True, default="About the Community of Practice"
    )

    resource_library = models.ForeignKey(
        "cms.ResourceIndexPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resources_heading = models.CharField(max_length=120, blank=True, default="Latest resources")
    resources_count = models.PositiveSmallIntegerField(default=4, validators=[MaxValueValidator(12)])
    resources_link_text = models.CharField(max_length=80, blank=True, default="All resources")

    view_select_related = ("directory_page", "strategy_page", "community_page", "resource_library")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("network_heading"),
                FieldPanel("network_text"),
                FieldPanel("network_count_label"),
                FieldPanel("directory_page"),
                FieldRowPanel([FieldPanel("directory_link_text"), FieldPanel("join_link_text")]),
            ],
            heading="The network",
        ),
        MultiFieldPanel(
            [
                FieldPanel("strategy_page"),
                FieldRowPanel([FieldPanel("strategy_heading"), FieldPanel("goals_heading")]),
                FieldPanel("strategy_link_text"),
            ],
            heading="Vision, mission and goals",
        ),
        MultiFieldPanel(
            [
                FieldPanel("task_forces_heading"),
                FieldPanel("task_forces_text"),
                FieldPanel("task_force_join_text"),
            ],
            heading="Task forces",
        ),
        MultiFieldPanel(
            [FieldPanel("cycle_heading"), FieldPanel("cycle_intro"), FieldPanel("cycle_steps")],
            heading="Strategy Implementation Cycle",
        ),
        MultiFieldPanel(
            [
                FieldPanel("calendar_heading"),
                FieldRowPanel(
                    [FieldPanel("next_webinar_heading"), FieldPanel("next_initiative_day_heading")]
                ),
                FieldRowPanel([FieldPanel("partner_events_heading"), FieldPanel("partner_events_count")]),
                FieldPanel("nothing_planned_text"),
            ],
            heading="Coming up: webinars and events",
        ),
        MultiFieldPanel(
            [
                FieldPanel("community_page"),
                FieldPanel("community_heading"),
                FieldPanel("community_text"),
                FieldPanel("community_link_text"),
            ],
            heading="Community of Practice",
        ),
        MultiFieldPanel(
            [
                FieldPanel("resource_library"),
                FieldRowPanel([FieldPanel("resources_heading"), FieldPanel("resources_count")]),
                FieldPanel("resources_link_text"),
            ],
            heading="Latest resources",
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("network_heading"),
        APIField("network_text"),
        APIField("strategy_page", serializer=PageField()),
        APIField("task_forces_heading"),
        APIField("task_forces_text"),
        APIField("cycle_heading"),
        APIField("cycle_intro"),
        APIField("cycle_steps"),
        APIField("community_page", serializer=PageField()),
        APIField("community_heading"),
        APIField("community_text"),
    ]
    knowledge_fields = [
        ("intro", ""),
        ("network_text", ""),
        ("task_forces_text", ""),
        ("cycle_intro", ""),
        ("cycle_steps", ""),
        ("community_text", ""),
        ("body", ""),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home"] = self.sections()
        return context

    def sections(self) -> dict:
        """What the sections list, from visible pages only: one query each (the next Initiative Day and partner
        events share one); the chosen pages came with the page and are left out when they are not visible (a
        draft, a private page). In a translated home, a page not translated yet is listed in the default language
        (cms.locales.localized_under), so the French home announces what the English one does."""
        from cms.visibility import page_is_visible

        def shown(page):
            return page if page is not None and page_is_visible(page) else None

        strategy = shown(self.strategy_page)
        today, now = timezone.localdate(), timezone.now()
        # The next Initiative Day and the next partner events in one statement: the first rows of each kind.
        kinds = (EventPage.Kind.INITIATIVE_DAY, EventPage.Kind.PARTNER_EVENT)
        order = ("start_date", "title")
        events = list(
            localized_under(self, visible_pages(EventPage.objects.all()))
            .filter(end_date__gte=today, kind__in=kinds)
            .annotate(
                rank=Window(RowNumber(), partition_by=F("kind"), order_by=[F(field).asc() for field in order])
            )
            .filter(rank__lte=max(self.partner_events_count, 1))
            .order_by(*order)
        )
        webinars = localized_under(self, visible_pages(WebinarPage.objects.all())).filter(starts_at__gte=now)
        resources = localized_under(self, visible_pages(ResourcePage.objects.all()))
        return {
            "organization_count": Organization.objects.count(),
            "directory": shown(self.directory_page),
            "strategy": strategy,
            "vision_label": StrategyPage._meta.get_field("vision_2050").verbose_name,
            "mission_label": StrategyPage._meta.get_field("mission_2030").verbose_name,
            "goals": list(
                localized_under(strategy, visible_pages(GoalPage.objects.all()), children=True).order_by(
                    "code"
                )
            )
            if strategy
            else [],
            "task_forces": list(
                localized_under(self, visible_pages(TaskForcePage.objects.all())).order_by("path")
            ),
            "next_webinar": webinars.order_by("starts_at").first(),
            "next_initiative_day": next((e for e in events if e.kind == EventPage.Kind.INITIATIVE_DAY), None),
            "partner_events": [e for e in events if e.kind == EventPage.Kind.PARTNER_EVENT][
                : self.partner_events_count
            ],
            "community": shown(self.community_page),
            "library": shown(self.resource_library),
            "resources": list(resources.order_by("-year", "-first_published_at")[: self.resources_count]),
        }


class StandardPage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, Page):
    """About, how to join, legal notices: anything that is just text."""

    intro = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    knowledge_fields = [("intro", ""), ("body", "")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    def children(self):
        """The visible subpages listed under "In this section" (over the restrictions read once per request, where
        Wagtail's ``public()`` reads them again)."""
        return visible_pages(self.get_children())
