"""Members' spaces: one per task force (a child of its page) and one for the Community of Practice (a child of the
home page), each restricted to its members' group (cms/membership.py), with a notice board of posts and replies,
meetings with a private calendar file, and a private collection of documents.

A space is restricted with Wagtail's own PageViewRestriction ("groups"), made with the space itself
(cms/space_access.py, on save), so the one visibility definition (cms/visibility.py) keeps its pages out of every
public listing, search, feed, sitemap, export, the API and the page cache. Members write posts and replies on the
site (community app); editors manage the rest in the admin.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.markdown import markdown_to_html
from cms.outputs import calendars
from cms.space_access import SpaceRoles, email_opt_in, roles_in, space_roles

from .base import KnowledgeMixin
from .events import TIMEZONE_CHOICES, check_timezone


def display_name(user) -> str:
    """A member as others see them: their name (never their email); "former member" once the account is gone."""
    if user is None:
        return str(_("former member"))
    return user.get_full_name() or user.get_username()


class SpacePage(KnowledgeMixin, Page):
    """A members' space: its notice board, meetings, documents and members, for its group only."""

    members_only = True  # restricted from its first save: never in the page cache (cms/page_cache.py)

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who may read and write here. Left empty: the task force's members (or the Community of "
        "Practice's, for a space under the home page).",
    )
    leaders = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_spaces",
        help_text="Members who may edit, hide and pin posts and hide replies.",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The space's private documents (made with the space, restricted to the same group).",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("group"),
                FieldPanel("leaders", widget=forms.SelectMultiple(attrs={"size": 8})),
                FieldPanel("collection", read_only=True),
            ],
            heading="Members",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    knowledge_fields = [("intro", "")]
    content_type_label = "space"

    parent_page_types = ["cms.TaskForcePage", "cms.HomePage"]
    subpage_types = ["cms.SpacePostPage", "cms.SpaceMeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("members' space")

    def posts(self):
        """The notice board: live posts, pinned first, newest first, with their author and visible reply count."""
        return (
            SpacePostPage.objects.child_of(self)
            .live()
            .select_related("author")
            .annotate(reply_count=Count("replies", filter=Q(replies__hidden=False)))
            .order_by("-pinned", "-first_published_at")
        )

    def meetings(self):
        return SpaceMeetingPage.objects.child_of(self).live().order_by("date", "start_time")

    def documents(self):
        if self.collection_id is None:
            return get_document_model().objects.none()
        return get_document_model().objects.filter(collection_id=self.collection_id).order_by("title")

    def member_list(self, leader_ids: set[int], roles: SpaceRoles | None = None) -> list[dict]:
        """The group's people with their role (leader or member), by name, in one statement. Email addresses only
        for a reader whose `roles` allow: the moderating groups (the Secretariat) see every one; a fellow member of
        the group sees those of the members who opted in (`email_opt_in`); nobody else sees any."""
        if self.group_id is None:
            return []
        roles = roles or SpaceRoles()
        users = (
            get_user_model()
            .objects.filter(groups=self.group_id, is_active=True)
            .order_by("last_name", "first_name", "username")
            .only("username", "first_name", "last_name", "email")
        )
        opted_in = None if roles.sees_every_email or not roles.in_group else email_opt_in()
        if opted_in is not None:
            users = users.annotate(shows_email=opted_in)
        return [
            {
                "name": display_name(user),
                "leader": user.pk in leader_ids,
                "email": user.email if roles.sees_every_email or getattr(user, "shows_email", False) else "",
            }
            for user in users
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        meetings = list(self.meetings())
        leader_ids = set(self.leaders.values_list("pk", flat=True))
        roles = roles_in(request.user, self, leader_ids=leader_ids)
        context.update(
            may_post=roles.may_post,
            may_moderate=roles.may_moderate,
            posts=self.posts(),
            upcoming_meetings=[meeting for meeting in meetings if meeting.date >= today],
            past_meetings=[meeting for meeting in reversed(meetings) if meeting.date < today],
            documents=self.documents(),
            members=self.member_list(leader_ids, roles),
        )
        return context


class SpacePostPage(KnowledgeMixin, Page):
    """A post on a space's notice board, written on the site in Markdown (kept with its sanitised HTML)."""

    members_only = True  # restricted from its first save: never in the page cache (cms/page_cache.py)

    text = models.TextField(help_text="Markdown: **bold**, *italic*, [links](https://...), lists.")
    text_html = models.TextField(blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="space_posts",
    )
    pinned = models.BooleanField(default=False, help_text="Pinned posts come first on the notice board.")
    attachment = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    view_select_related = ("author", "attachment")

    @classmethod
    def view_prefetch_related(cls) -> tuple:
        return (Prefetch("replies", queryset=SpaceReply.objects.select_related("author")),)

    content_panels = Page.content_panels + [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("pinned")]),
        FieldPanel("attachment"),
        InlinePanel("replies", heading="Replies", label="Reply"),
    ]
    search_fields = Page.search_fields + [index.SearchField("text")]
    api_fields = [APIField("text_html"), APIField("pinned")]
    knowledge_fields = [("text", "")]
    content_type_label = "space_post"

    parent_page_types = ["cms.SpacePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("space post")

    def clean(self) -> None:
        super().clean()
        self.text_html = markdown_to_html(self.text)

    @property
    def author_name(self) -> str:
        return display_name(self.author)

    def knowledge_extra(self) -> list[tuple[str, str]]:
        return [(_("Reply"), reply.text) for reply in self.replies.all() if not reply.hidden]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        space = self.get_parent().specific
        may_post, may_moderate = space_roles(request.user, space)
        replies = [reply for reply in self.replies.all() if may_moderate or not reply.hidden]
        context.update(space=space, may_post=may_post, may_moderate=may_moderate, replies=replies)
        return context


class SpaceReply(Orderable):
    """A reply to a post (in order); hidden replies stay for the space's leaders, out of everyone else's view."""

    post = ParentalKey("cms.SpacePostPage", on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="space_replies",
    )
    text = models.TextField(help_text="Markdown.")
    text_html = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    hidden = models.BooleanField(default=False)

    panels = [FieldRowPanel([FieldPanel("author"), FieldPanel("hidden")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("reply")

    def clean(self) -> None:
        super().clean()
        self.text_html = markdown_to_html(self.text)

    @property
    def author_name(self) -> str:
        return display_name(self.author)


class SpaceMeetingPage(KnowledgeMixin, RoutablePageMixin, Page):
    """A meeting of a space: when (in its own time zone), where, the agenda and the notes; its calendar file,
    under calendar.ics, is served to those who may read the page."""

    members_only = True  # restricted from its first save: never in the page cache (cms/page_cache.py)

    MAX_DURATION = 24 * 60

    date = models.DateField()
    start_time = models.TimeField(help_text="Local start time in the time zone below.")
    timezone = models.CharField(max_length=64, choices=TIMEZONE_CHOICES, default="UTC")
    duration_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(5), MaxValueValidator(MAX_DURATION)]
    )
    location = models.CharField(max_length=255, blank=True, help_text="A place, if the meeting has one.")
    online_url = models.URLField(blank=True, help_text="The video call's link, if any.")
    agenda = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    notes = RichTextField(blank=True, features=RICH_TEXT_FEATURES, help_text="Written after the meeting.")

    content_panels = Page.content_panels + [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("timezone")], heading="Start"
        ),
        FieldPanel("duration_minutes"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("agenda"),
        FieldPanel("notes"),
    ]
    search_fields = Page.search_fields + [index.SearchField("agenda"), index.SearchField("notes")]
    api_fields = [
        APIField("date"),
        APIField("start_time"),
        APIField("timezone"),
        APIField("duration_minutes"),
        APIField("agenda"),
        APIField("notes"),
    ]
    knowledge_fields = [("agenda", _("Agenda")), ("notes", _("Notes"))]
    content_type_label = "space_meeting"

    parent_page_types = ["cms.SpacePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("space meeting")

    def clean(self) -> None:
        super().clean()
        check_timezone(self.timezone)

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start_time, tzinfo=zoneinfo.ZoneInfo(self.timezone))

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @path("calendar.ics/", name="calendar")
    def calendar_file(self, request):
        return calendars.private_page_calendar(self, request)
