"""The strategy: its goals, their objectives (with 2030 and 2050 targets), and one task force per objective."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.api_fields import PageField, PageListField
from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.constants import GOAL_CODES, OBJECTIVE_CODE
from cms.locales import listed_under
from cms.preview import HeadlessPreviewIfConfiguredMixin
from cms.visibility import visible_pages

from .base import KnowledgeMixin, RelatedContentMixin, related_pages_field, related_pages_panel
from .snippets import Person


def visible_objectives() -> Prefetch:
    """A page's objectives as its template shows them: visible ones only (never a private objective's title on a
    public page), by code. For `view_prefetch_related` (cms/routing.py)."""
    return Prefetch("objectives", queryset=visible_pages(ObjectivePage.objects.all()).order_by("code"))


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
        ("vision_2050", _("Vision 2050")),
        ("mission_2030", _("Mission 2030")),
        ("intro", ""),
        ("body", ""),
    ]
    content_type_label = "strategy"
    content_type_name = _("Strategy")

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GoalPage"]
    max_count = 1

    def goals(self):
        """The visible goals in the visitor's language, each goal not translated yet in English (cms.locales)."""
        return listed_under(self, visible_pages(GoalPage.objects.all()), children=True).order_by("code")

    def goal_list(self) -> list:
        """The visible goals, each with its visible objectives as `visible_objectives`: two queries in all. Each is
        in the visitor's language where translated, else its English original: a French goal lists the objectives
        nobody has translated yet too (an objective's code starts with its goal's letter)."""
        goals = list(self.goals())
        objectives: dict[str, list] = {}
        for objective in listed_under(self, visible_pages(ObjectivePage.objects.all())).order_by("code"):
            objectives.setdefault(objective.code[:1], []).append(objective)
        for goal in goals:
            goal.visible_objectives = objectives.get(goal.code, [])
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
        return listed_under(self, visible_pages(ObjectivePage.objects.all()), children=True).order_by("code")


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
        ("description", _("Objective")),
        ("problem_statement", _("Problem statement")),
        ("baseline_2020", _("Baseline 2020")),
        ("target_2030", _("Target 2030")),
        ("target_2050", _("Target 2050")),
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
        text = gettext("Strategic objective %(code)s: %(label)s.") % {
            "code": self.code,
            "label": self.short_label,
        }
        if self.is_placeholder:
            text += " " + gettext("A placeholder: the real title and targets are not yet known.")
        return [("", text)]

    @property
    def goal(self):
        return self.get_parent().specific

    def task_force(self):
        return listed_under(self, visible_pages(TaskForcePage.objects.all()), children=True).first()


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
    knowledge_fields = [("purpose", _("Purpose")), ("how_to_join", _("How to join")), ("body", "")]
    content_type_label = "task_force"

    parent_page_types = ["cms.ObjectivePage"]
    subpage_types = ["cms.SpacePage"]  # its members' space (cms/models/spaces.py)
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
            f"{m.person.name} ({m.get_role_display()}, {m.person.organization or gettext('no organization')})"
            for m in self.members.select_related("person__organization")
        ]
        return [(_("Members"), "; ".join(members))] if members else []
