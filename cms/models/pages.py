"""Page types of the Initiative's site.

Each page declares its fields, admin panels, `search_fields` (Wagtail's own search, used in the admin),
`api_fields` (the headless API), page-tree rules, and `knowledge_fields` + `facets()`: what the knowledge
index extracts and the values search filters on.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import calendars, citations
from cms.api_fields import AttachedDocumentsField, DocumentField, PageField, PageListField
from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.constants import GOAL_CODES, LANGUAGE_CHOICES, OBJECTIVE_CODE
from cms.exports import export_response
from cms.filters import FilterError, filter_pages, listing_form, parse_page_filters, region_index_values
from cms.panels import RelatedSuggestionsPanel
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_documents, visible_pages

from .snippets import Organization, Person, Region, SoilPractice

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def visible_objectives() -> Prefetch:
    """A page's objectives as its template shows them: visible ones only (never a private objective's title on a
    public page), by code. For `view_prefetch_related` (cms/routing.py)."""
    return Prefetch("objectives", queryset=visible_pages(ObjectivePage.objects.all()).order_by("code"))


CURRENCY_CHOICES = [
    ("EUR", "Euro (EUR)"),
    ("USD", "US dollar (USD)"),
    ("GBP", "Pound sterling (GBP)"),
    ("XOF", "CFA franc (XOF)"),
    ("BRL", "Brazilian real (BRL)"),
    ("INR", "Indian rupee (INR)"),
]


def visible_attachments(model) -> Prefetch:
    """A page's attached documents that are visible (never a document of a private collection), for exports."""
    return Prefetch(
        "documents",
        queryset=model.objects.filter(document__in=visible_documents()).select_related("document"),
    )


def _document_urls(page, request) -> list[str]:
    return [request.build_absolute_uri(item.document.url) for item in page.documents.all()]


def _published(page) -> dict:
    return {"first_published_at": page.first_published_at, "last_published_at": page.last_published_at}


def _objective_facets(objectives) -> dict[str, list[str]]:
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


# --- Site structure -------------------------------------------------------------------------------------


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
        draft, a private page)."""
        from cms.visibility import page_is_visible

        def shown(page):
            return page if page is not None and page_is_visible(page) else None

        strategy = shown(self.strategy_page)
        today, now = timezone.localdate(), timezone.now()
        # The next Initiative Day and the next partner events in one statement: the first rows of each kind.
        kinds = (EventPage.Kind.INITIATIVE_DAY, EventPage.Kind.PARTNER_EVENT)
        order = ("start_date", "title")
        events = list(
            visible_pages(EventPage.objects.descendant_of(self))
            .filter(end_date__gte=today, kind__in=kinds)
            .annotate(
                rank=Window(RowNumber(), partition_by=F("kind"), order_by=[F(field).asc() for field in order])
            )
            .filter(rank__lte=max(self.partner_events_count, 1))
            .order_by(*order)
        )
        webinars = visible_pages(WebinarPage.objects.descendant_of(self)).filter(starts_at__gte=now)
        resources = visible_pages(ResourcePage.objects.descendant_of(self))
        return {
            "organization_count": Organization.objects.count(),
            "directory": shown(self.directory_page),
            "strategy": strategy,
            "vision_label": StrategyPage._meta.get_field("vision_2050").verbose_name,
            "mission_label": StrategyPage._meta.get_field("mission_2030").verbose_name,
            "goals": list(visible_pages(GoalPage.objects.child_of(strategy)).order_by("code"))
            if strategy
            else [],
            "task_forces": list(visible_pages(TaskForcePage.objects.descendant_of(self)).order_by("path")),
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


# --- Strategy: goals, objectives, task forces -------------------------------------------------------------


class StrategyPage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, Page):
    vision_2050 = models.TextField("Vision 2050")
    mission_2030 = models.TextField("Mission 2030")
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("vision_2050"),
        FieldPanel("mission_2030"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("vision_2050"),
        index.SearchField("mission_2030"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("vision_2050"),
        APIField("mission_2030"),
        APIField("intro"),
        APIField("body"),
        APIField("goals", serializer=PageListField()),
    ]
    knowledge_fields = [
        ("vision_2050", "Vision 2050"),
        ("mission_2030", "Mission 2030"),
        ("intro", ""),
        ("body", ""),
    ]
    content_type_label = "strategy"
    content_type_name = _("Strategy")

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GoalPage"]
    max_count = 1

    def goals(self):
        return visible_pages(GoalPage.objects.child_of(self)).order_by("code")

    def goal_list(self) -> list:
        """The visible goals, each with its visible objectives as `visible_objectives`: two queries in all."""
        goals = list(self.goals())
        objectives: dict[str, list] = {}
        for objective in visible_pages(ObjectivePage.objects.descendant_of(self)).order_by("code"):
            objectives.setdefault(objective.path[: -Page.steplen], []).append(objective)
        for goal in goals:
            goal.visible_objectives = objectives.get(goal.path, [])
        return goals


def unique_code_in_locale(page) -> None:
    """A goal's or objective's code names one page per locale: its translations share it."""
    taken = type(page).objects.filter(code=page.code, locale_id=page.locale_id).exclude(pk=page.pk)
    if page.code and taken.exists():
        raise ValidationError(
            {
                "code": _("Another %(type)s already has the code %(code)s.")
                % {"type": page._meta.verbose_name, "code": page.code}
            }
        )


class GoalPage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, Page):
    # Unique per locale (each translation of goal A is goal A): checked by unique_code_in_locale.
    code = models.CharField(
        max_length=1,
        choices=[(c, c) for c in GOAL_CODES],
        help_text="The goal's letter, A to F.",
    )
    description = RichTextField(features=RICH_TEXT_FEATURES)

    content_panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("title", heading="Name")]),
        FieldPanel("description"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code", boost=5),
        index.FilterField("code"),
        index.SearchField("description"),
    ]
    api_fields = [
        APIField("code"),
        APIField("description"),
        APIField("objectives", serializer=PageListField()),
    ]
    knowledge_fields = [("description", "")]
    content_type_label = "goal"

    parent_page_types = ["cms.StrategyPage"]
    subpage_types = ["cms.ObjectivePage"]

    class Meta:
        verbose_name = _("goal")

    def clean(self) -> None:
        super().clean()
        unique_code_in_locale(self)

    def facets(self) -> dict:
        return {**super().facets(), "goals": [self.code]}

    def objectives(self):
        return visible_pages(ObjectivePage.objects.child_of(self)).order_by("code")


class ObjectivePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("code") or "").upper()
        cleaned["code"] = code
        goal = self.parent_page.specific if self.parent_page else None
        if code and isinstance(goal, GoalPage) and not code.startswith(goal.code):
            self.add_error("code", f"An objective of goal {goal.code} has a code starting with {goal.code}.")
        return cleaned


class ObjectivePage(HeadlessPreviewIfConfiguredMixin, RelatedContentMixin, KnowledgeMixin, Page):
    related_types = ("project", "webinar", "resource")

    # Unique per locale, like a goal's code (unique_code_in_locale).
    code = models.CharField(max_length=2, help_text="Goal letter and number, e.g. A1.")
    short_label = models.CharField(max_length=80, help_text="A few words, e.g. 'NDCs' or 'Carbon markets'.")
    description = models.TextField(help_text="What the world looks like when the objective is met.")
    problem_statement = models.TextField(blank=True)
    baseline_2020 = models.TextField("Baseline 2020", blank=True)
    target_2030 = models.TextField("Target 2030", blank=True)
    target_2050 = models.TextField("Target 2050", blank=True)
    is_placeholder = models.BooleanField(
        default=False,
        help_text="Tick when the real title and targets are not known yet: the page then says so to visitors.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Context, causes, further reading.")
    related_pages = related_pages_field()

    base_form_class = ObjectivePageForm
    content_panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("short_label")]),
        FieldPanel("title"),
        FieldPanel("is_placeholder"),
        FieldPanel("description"),
        FieldPanel("problem_statement"),
        MultiFieldPanel(
            [FieldPanel("baseline_2020"), FieldPanel("target_2030"), FieldPanel("target_2050")],
            heading="Targets",
        ),
        FieldPanel("body"),
        related_pages_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code", boost=5),
        index.SearchField("short_label", boost=2),
        index.AutocompleteField("code"),
        index.AutocompleteField("short_label"),
        index.FilterField("code"),
        index.SearchField("description"),
        index.SearchField("problem_statement"),
        index.SearchField("target_2030"),
        index.SearchField("target_2050"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("code"),
        APIField("short_label"),
        APIField("is_placeholder"),
        APIField("description"),
        APIField("problem_statement"),
        APIField("baseline_2020"),
        APIField("target_2030"),
        APIField("target_2050"),
        APIField("body"),
        APIField("goal", serializer=PageField()),
        APIField("task_force", serializer=PageField()),
    ]
    knowledge_fields = [
        ("short_label", ""),
        ("description", "Objective"),
        ("problem_statement", "Problem statement"),
        ("baseline_2020", "Baseline 2020"),
        ("target_2030", "Target 2030"),
        ("target_2050", "Target 2050"),
        ("body", ""),
    ]
    content_type_label = "objective"

    parent_page_types = ["cms.GoalPage"]
    subpage_types = ["cms.TaskForcePage"]

    class Meta:
        verbose_name = _("objective")

    def clean(self) -> None:
        super().clean()
        self.code = self.code.upper()
        if not OBJECTIVE_CODE.match(self.code):
            raise ValidationError({"code": "Use a goal letter A-F followed by a digit, e.g. A1."})
        unique_code_in_locale(self)

    def facets(self) -> dict:
        return {**super().facets(), "objectives": [self.code], "goals": [self.code[0]]}

    def knowledge_extra(self) -> list[tuple[str, str]]:
        placeholder = (
            " (placeholder: the real title and targets are not yet known)" if self.is_placeholder else ""
        )
        return [("", f"Strategic objective {self.code}: {self.short_label}{placeholder}.")]

    @property
    def goal(self):
        return self.get_parent().specific

    def task_force(self):
        return visible_pages(TaskForcePage.objects.child_of(self)).first()


class TaskForceMember(Orderable):
    class Role(models.TextChoices):
        LEADER = "leader", _("Task Force Leader")
        REGIONAL_REPRESENTATIVE = "regional_representative", _("Regional Representative")
        TEAM_MEMBER = "team_member", _("Team Member")

    page = ParentalKey("cms.TaskForcePage", on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="task_force_roles")
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.TEAM_MEMBER)

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role")])]
    api_fields = [APIField("person"), APIField("role")]

    def clean(self) -> None:
        if self.role != self.Role.TEAM_MEMBER and self.person_id and not self.person.organization_id:
            raise ValidationError(
                {"role": "Only staff of a member or partner organization can lead or represent a region."}
            )


class TaskForcePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        members = self.formsets.get("members")
        if members is not None and members.is_valid():
            leaders = [
                form.cleaned_data
                for form in members.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("role") == TaskForceMember.Role.LEADER
            ]
            if len(leaders) > 2:
                raise ValidationError("A task force has at most two leaders.")
        return cleaned


class TaskForcePage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, RoutablePageMixin, Page):
    """The one task force of an objective, with its roster (the members) and a joining form under join/.

    The form is not content: the app registered for the "task_force_join_view" hook (community) serves it,
    so page models need not import the layer that handles applications.
    """

    purpose = models.TextField()
    how_to_join = RichTextField(features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), blank=True)

    base_form_class = TaskForcePageForm
    view_prefetch_related = (
        Prefetch("members", queryset=TaskForceMember.objects.select_related("person__organization")),
    )
    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("how_to_join"),
        InlinePanel("members", heading="Members", label="Member"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("purpose"), index.SearchField("how_to_join")]
    api_fields = [
        APIField("purpose"),
        APIField("how_to_join"),
        APIField("members"),
        APIField("body"),
        APIField("objective", serializer=PageField()),
    ]
    knowledge_fields = [("purpose", "Purpose"), ("how_to_join", "How to join"), ("body", "")]
    content_type_label = "task_force"

    parent_page_types = ["cms.ObjectivePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("task force")

    @property
    def objective(self):
        return self.get_parent().specific

    @path("")
    def roster(self, request):
        return self.render(request)

    @re_path(r"^join/(?:(?P<step>received)/)?$", name="join")
    def join(self, request, step=None):
        for view in hooks.get_hooks("task_force_join_view"):
            return view(request, self, step=step)
        raise Http404("Joining task forces is not enabled.")

    def facets(self) -> dict:
        objective = self.get_parent().specific
        return {**super().facets(), "objectives": [objective.code], "goals": [objective.code[0]]}

    def knowledge_extra(self) -> list[tuple[str, str]]:
        members = [
            f"{m.person.name} ({m.get_role_display()}, {m.person.organization or 'no organization'})"
            for m in self.members.select_related("person__organization")
        ]
        return [("Members", "; ".join(members))] if members else []


# --- Attached documents -----------------------------------------------------------------------------------


class AttachedDocument(Orderable):
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("caption")]
    api_fields = [APIField("document"), APIField("caption")]

    class Meta(Orderable.Meta):
        abstract = True


class ProjectDocument(AttachedDocument):
    page = ParentalKey("cms.ProjectPage", on_delete=models.CASCADE, related_name="documents")


class ResourceDocument(AttachedDocument):
    page = ParentalKey("cms.ResourcePage", on_delete=models.CASCADE, related_name="documents")


# --- Projects ---------------------------------------------------------------------------------------------


class ListingPage(HeadlessPreviewIfConfiguredMixin, KnowledgeMixin, RoutablePageMixin, Page):
    """A catalogue page whose children are listed, filtered by the filters their type offers (cms/filters.py).

    A listing that names its `listed_model` exports its current filtered list under export.csv and export.json
    (cms/exports.py): the same rows as the page shows (`listed_children`), all of them, streamed."""

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
        """The visible children the listing shows, in its order (before filters)."""
        return visible_pages(self.listed_model.objects.child_of(self))

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
            **_objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "regions": region_index_values(self.countries.select_related("parent")),
            "year": self.start_date.year if self.start_date else None,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        facts = [f"Status: {self.get_status_display()}."]
        if self.lead_organization:
            facts.append(f"Lead organization: {self.lead_organization.name}.")
        partners = [org.name for org in self.partner_organizations.all()]
        if partners:
            facts.append(f"Partners: {', '.join(partners)}.")
        places = [region.name for region in self.countries.all()]
        if places:
            facts.append(f"Where: {', '.join(places)}.")
        practices = [practice.name for practice in self.practices.all()]
        if practices:
            facts.append(f"Soil practices: {', '.join(practices)}.")
        return [("Project facts", " ".join(facts))]

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
            "documents": _document_urls(page, request),
            **_published(page),
        }


# --- Webinars and events ----------------------------------------------------------------------------------


class WebinarIndexPage(ListingPage):
    subpage_types = ["cms.WebinarPage"]

    class Meta:
        verbose_name = _("webinar listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        webinars = visible_pages(WebinarPage.objects.child_of(self)).prefetch_related("speakers")
        now = timezone.now()
        context["upcoming"] = webinars.filter(starts_at__gte=now).order_by("starts_at")
        context["past"] = self.paginate(request, webinars.filter(starts_at__lt=now).order_by("-starts_at"))
        return context

    def upcoming_calendar_pages(self):
        """What the subscribable calendar lists: visible webinars not over yet (one that started an hour ago and
        runs for two is still on), soonest first."""
        earliest = timezone.now() - dt.timedelta(minutes=WebinarPage.MAX_DURATION)
        webinars = visible_pages(WebinarPage.objects.child_of(self)).filter(starts_at__gte=earliest)
        return [webinar for webinar in webinars.order_by("starts_at") if webinar.ends_at >= timezone.now()]

    @path("calendar.ics/", name="calendar")
    def calendar_feed(self, request):
        return calendars.feed_calendar(
            self.upcoming_calendar_pages(), request, f"{self.title}: upcoming webinars", "webinars.ics"
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
    knowledge_fields = [("series", ""), ("abstract", "Abstract")]
    content_type_label = "webinar"

    parent_page_types = ["cms.WebinarIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("webinar")

    def clean(self) -> None:
        super().clean()
        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError({"timezone": "Choose a time zone from the list."}) from exc

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
            **_objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "year": self.start_date.year if self.start_date else None,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        people = [str(person) for person in self.speakers.select_related("organization")]
        facts = [f"Webinar on {self.start_date:%d %B %Y}."] if self.start_date else []
        if people:
            facts.append(f"Speakers: {'; '.join(people)}.")
        if self.moderator:
            facts.append(f"Moderator: {self.moderator}.")
        return [("Speakers", " ".join(facts))] if facts else []


class EventIndexPage(ListingPage):
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = visible_pages(EventPage.objects.child_of(self))
        today = timezone.localdate()
        context["upcoming"] = events.filter(end_date__gte=today).order_by("start_date")
        context["past"] = self.paginate(request, events.filter(end_date__lt=today).order_by("-start_date"))
        return context

    @path("calendar.ics/", name="calendar")
    def calendar_feed(self, request):
        events = visible_pages(EventPage.objects.child_of(self)).select_related("organizer")
        upcoming = events.filter(end_date__gte=timezone.localdate()).order_by("start_date")
        return calendars.feed_calendar(upcoming, request, f"{self.title}: upcoming events", "events.ics")


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
    knowledge_fields = [("location", "Place"), ("summary", ""), ("body", "")]
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
            **_objective_facets(self.objectives.all()),
            "regions": region_index_values(self.regions.select_related("parent")),
            "year": self.start_date.year,
            "date": self.start_date,
        }

    def knowledge_extra(self) -> list[tuple[str, str]]:
        facts = [f"{self.get_kind_display()}, {self.start_date:%d %B %Y}."]
        if self.organizer:
            facts.append(f"Organized by {self.organizer.name}.")
        if self.online:
            facts.append("Online participation possible.")
        return [("", " ".join(facts))]


# --- Community resources ----------------------------------------------------------------------------------


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
    (CSL-JSON), see cms/citations.py."""

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
    knowledge_fields = [("authors", "Authors"), ("summary", ""), ("body", "")]
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
            "documents": _document_urls(page, request),
            "objectives": [objective.code for objective in page.objectives.all()],
            "practices": [practice.slug for practice in page.practices.all()],
            "regions": [region.slug for region in page.regions.all()],
            **_published(page),
        }

    def facets(self) -> dict:
        return {
            **super().facets(),
            **_objective_facets(self.objectives.all()),
            "practices": sorted(p.slug for p in self.practices.all()),
            "regions": region_index_values(self.regions.select_related("parent")),
            "year": self.year,
            "language": self.language,
            "resource_kind": self.kind,
        }
