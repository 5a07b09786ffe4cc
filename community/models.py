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
