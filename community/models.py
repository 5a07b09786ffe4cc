"""Applications to take part in the Initiative: to join it, to join a task force, project ideas, and the
resources and events members contribute.

Everything here is personal data typed by applicants. None of these models is a page, a snippet, a search
index entry or an API endpoint: they are seen only in the admin, by the Secretariat group (see
community/access.py). The public only ever sees what an accepted application produced: a directory
organization, or a roster line (name, organization, role) on a task force page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Organization, TaskForceMember

from .storage import declaration_path, private_storage


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


PENDING_STATUSES = (Status.RECEIVED, Status.UNDER_REVIEW)
DECIDED_STATUSES = (Status.ACCEPTED, Status.DECLINED)


class Application(models.Model):
    """What every application has: a status the Secretariat moves along, its private note, the decision."""

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    note = models.TextField(
        _("Secretariat note"),
        blank=True,
        help_text=_("Only the Secretariat sees this note; it is never sent to the applicant."),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    language = models.CharField(
        max_length=10, default="en", editable=False, help_text="The language the applicant used."
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES


class MembershipApplication(Application):
    """An organization applies to join the Initiative as a member or partner."""

    organization_name = models.CharField(_("organization name"), max_length=200)
    kind = models.CharField(_("kind of organization"), max_length=40, choices=Organization.Kind.choices)
    country = models.ForeignKey(
        "cms.Region",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
        verbose_name=_("country"),
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=160)
    contact_email = models.EmailField(_("contact email"))
    motivation = models.TextField(_("motivation"), max_length=3000)
    declaration = models.FileField(
        _("signed declaration of intent"),
        upload_to=declaration_path,
        storage=private_storage,
        max_length=200,
    )
    membership = models.CharField(
        _("joins as"),
        max_length=10,
        choices=Organization.Membership.choices,
        blank=True,
        help_text=_("Decided by the Secretariat on acceptance."),
    )
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2015), MaxValueValidator(2100)],
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("directory entry"),
        help_text=_("The organization created or updated when the application was accepted."),
    )

    class Meta(Application.Meta):
        verbose_name = _("application to join the Initiative")
        verbose_name_plural = _("applications to join the Initiative")

    def __str__(self) -> str:
        return self.organization_name


class TaskForceApplication(Application):
    """A person applies to join a task force in a role."""

    task_force = models.ForeignKey(
        "cms.TaskForcePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("task force")
    )
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("email"))
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organization"),
        help_text=_("Empty: the applicant's organization is not in the directory."),
    )
    organization_name = models.CharField(
        _("organization (not listed)"),
        max_length=200,
        blank=True,
        help_text=_("What the applicant typed when the organization is not in the directory."),
    )
    role = models.CharField(_("role"), max_length=30, choices=TaskForceMember.Role.choices)
    world_region = models.ForeignKey(
        "cms.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "region"},
        verbose_name=_("world region"),
    )
    motivation = models.TextField(_("motivation"), max_length=3000)
    person = models.ForeignKey(
        "cms.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("roster entry"),
        help_text=_("The person added to the task force's roster on approval."),
    )

    class Meta(Application.Meta):
        verbose_name = _("task force application")
        verbose_name_plural = _("task force applications")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "task_force",
                condition=models.Q(status__in=PENDING_STATUSES),
                name="one_pending_application_per_email_and_task_force",
            )
        ]

    def __str__(self) -> str:
        # An accepted application outlives its applicant's account without their name (community/personal_data.py).
        return f"{self.name or _('former member')} ({self.get_role_display()})"


class ProjectIdeaSubmission(models.Model):
    """Who submitted a project idea and whom to contact: kept off the (draft, then public) project page."""

    page = models.OneToOneField(
        "cms.ProjectPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("project idea")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    contact_name = models.CharField(_("contact name"), max_length=160)
    contact_email = models.EmailField(_("contact email"))
    concept_note = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("concept note"),
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    language = models.CharField(max_length=10, default="en", editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("project idea submission")
        verbose_name_plural = _("project idea submissions")

    def __str__(self) -> str:
        return self.page.title


class ContributionSubmission(models.Model):
    """Who proposed a resource or announced an event and whom to contact: kept off the (draft, then public)
    page, like a project idea's submission."""

    class Kind(models.TextChoices):
        RESOURCE = "resource", _("Resource")
        EVENT = "event", _("Event")

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    contact_name = models.CharField(_("contact name"), max_length=160)
    contact_email = models.EmailField(_("contact email"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    language = models.CharField(max_length=10, default="en", editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("member contribution")
        verbose_name_plural = _("member contributions")

    def __str__(self) -> str:
        return self.page.title


# --- News that finds people: notification choices, thread follows, saved searches ---------------------------------


class Frequency(models.TextChoices):
    AT_ONCE = "at_once", _("At once")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Never")


class NotificationPreferences(models.Model):
    """How a member hears of replies and of their spaces' activity, and whether fellow members see their email
    address. No row: the defaults (`community.notifications.preferences_of`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    replies = models.CharField(
        _("Replies to threads I wrote in or follow"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.AT_ONCE,
    )
    space_activity = models.CharField(
        _("New posts, meetings and documents in my spaces"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
    )
    share_email_with_members = models.BooleanField(
        _("Show my email address to the members of my spaces"),
        default=False,
        help_text=_("The Secretariat always sees it; nobody else does unless you tick this."),
    )

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"notification preferences of user {self.user_id}"


class ThreadFollow(models.Model):
    """A member follows a post of a space: its replies reach them (writing in a thread follows it)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey("cms.SpacePostPage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="one_follow_per_user_and_post")]

    def __str__(self) -> str:
        return f"user {self.user_id} follows post {self.post_id}"


class SavedSearch(models.Model):
    """A member's search (words and filters, as search/params.py reads them), sent in the weekly digest and
    readable as a private Atom feed at /feeds/saved/<feed_token>/. Both carry public content only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    query = models.CharField(max_length=500)
    filters = models.JSONField(
        default=dict, blank=True, help_text="The search parameters besides q: {param: [values]}."
    )
    locale = models.CharField(max_length=10, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class PendingNotification(models.Model):
    """Something for a member's next weekly digest: a reply in a thread they follow, or a new post, meeting or
    document in one of their spaces. Rendered (and checked: still live, still readable by them) when the digest is
    sent, then deleted."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("New reply")
        POST = "post", _("New post")
        MEETING = "meeting", _("New meeting")
        DOCUMENT = "document", _("New document")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    space = models.ForeignKey("cms.SpacePage", on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} for user {self.user_id}"
