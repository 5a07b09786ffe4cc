"""The Secretariat's admin screens: the review (edit) view with Accept / Decline, the declaration download,
and the dashboard panel of applications waiting for a decision."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView
from wagtail.log_actions import log

from . import selectors, services
from .forms import add_service_errors
from .models import PENDING_STATUSES, MembershipApplication, Status, TaskForceApplication

ACCEPT, DECLINE = "accept", "decline"


class ReviewForm(WagtailAdminModelForm):
    """Status (received / under review) and the note while pending; only the note once decided."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.is_pending:
            self.fields["status"].choices = [c for c in Status.choices if c[0] in PENDING_STATUSES]
            self.fields["status"].help_text = _("Accept or decline with the buttons at the bottom.")
        else:
            for name, field in self.fields.items():
                field.disabled = name != "note"


class MembershipReviewForm(ReviewForm):
    class Meta:
        model = MembershipApplication
        fields = ["status", "note", "membership", "year_joined"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.is_pending:
            self.fields["membership"].help_text = _(
                "Used when you accept. Membership requires a non-profit character: companies join as partners."
            )
            # Partner unless the Secretariat decides otherwise: membership needs a non-profit character.
            self.initial["membership"] = self.instance.membership or "partner"
            self.initial["year_joined"] = self.instance.year_joined or timezone.now().year


class TaskForceReviewForm(ReviewForm):
    class Meta:
        model = TaskForceApplication
        fields = ["status", "note", "organization", "role", "world_region"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.is_pending:
            self.fields["organization"].help_text = _(
                "Correct it if the applicant's organization is in the directory under another name. Leaders and "
                "regional representatives need one."
            )


class ReviewView(EditView):
    """The edit view of an application: what the applicant sent, then the status, the note and the decision.

    Subclasses provide accept(), decline(), accepted_message() and details() for their kind of application.
    """

    template_name = "community/admin/review.html"

    @property
    def decision(self) -> str | None:
        value = self.request.POST.get("decision")
        return value if value in (ACCEPT, DECLINE) else None

    def save_instance(self):
        application = self.form.save(commit=False)
        if self.decision == ACCEPT:
            self.accept(application)
        elif self.decision == DECLINE:
            self.decline(application)
        else:
            application.save()
        log(
            instance=application,
            action=f"community.{self.decision}" if self.decision else "wagtail.edit",
            user=self.request.user,
        )
        return application

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self):
        if self.decision == DECLINE:
            return _("Declined: %(object)s. The applicant has been told by email.") % {"object": self.object}
        if self.decision == ACCEPT:
            return self.accepted_message(self.object)
        return super().get_success_message()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["details"] = self.details(self.object)
        context["pending"] = self.object.is_pending
        context["decision_heading"] = _("Decision")
        return context


def _when(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def _decided(application) -> list[tuple[str, str]]:
    if application.is_pending:
        return []
    by = application.decided_by.get_username() if application.decided_by else _("unknown")
    return [
        (
            _("Decision"),
            format_html("{} ({}, {})", application.get_status_display(), _when(application.decided_at), by),
        )
    ]


class MembershipReviewView(ReviewView):
    def accept(self, application):
        services.accept_membership_application(
            application=application,
            user=self.request.user,
            membership=self.form.cleaned_data.get("membership") or "",
            year_joined=self.form.cleaned_data.get("year_joined") or timezone.now().year,
        )

    def decline(self, application):
        services.decline_membership_application(application=application, user=self.request.user)

    def accepted_message(self, application) -> str:
        return _(
            "Accepted: %(name)s is now a %(membership)s in the directory. The applicant has been told."
        ) % {
            "name": application.organization.name,
            "membership": application.organization.get_membership_display().lower(),
        }

    def details(self, application) -> list[tuple[str, str]]:
        rows = [
            (_("Received"), _when(application.created_at)),
            (_("Organization"), application.organization_name),
            (_("Kind"), application.get_kind_display()),
            (_("Country"), str(application.country or "")),
            (
                _("Website"),
                format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', application.website)
                if application.website
                else "",
            ),
            (_("Contact"), application.contact_name),
            (_("Contact email"), format_html('<a href="mailto:{0}">{0}</a>', application.contact_email)),
            (_("Motivation"), linebreaksbr(application.motivation)),
        ]
        if application.declaration:
            try:
                size = filesizeformat(application.declaration.size)
            except OSError:
                size = _("file missing")
            rows.append(
                (
                    _("Declaration of intent"),
                    format_html(
                        '<a href="{}">{}</a> ({})',
                        reverse("community_declaration", args=[application.pk]),
                        _("Download the signed PDF"),
                        size,
                    ),
                )
            )
        if application.organization_id:
            rows.append(
                (
                    _("Directory entry"),
                    format_html(
                        '<a href="{}">{}</a>',
                        reverse("wagtailsnippets_cms_organization:edit", args=[application.organization_id]),
                        application.organization,
                    ),
                )
            )
        return rows + _decided(application)


class TaskForceReviewView(ReviewView):
    def accept(self, application):
        services.approve_task_force_application(application=application, user=self.request.user)

    def decline(self, application):
        services.decline_task_force_application(application=application, user=self.request.user)

    def accepted_message(self, application) -> str:
        return _("Approved: %(name)s is on the roster of %(task_force)s. The applicant has been told.") % {
            "name": application.name,
            "task_force": application.task_force.title,
        }

    def details(self, application) -> list[tuple[str, str]]:
        task_force = application.task_force
        leaders = selectors.leader_count(task_force)
        organization = (
            str(application.organization)
            if application.organization
            else format_html(
                "{} <em>{}</em>", _("Not listed; the applicant wrote:"), application.organization_name or "-"
            )
        )
        rows = [
            (_("Received"), _when(application.created_at)),
            (
                _("Task force"),
                format_html(
                    '<a href="{}">{}</a> ({})',
                    reverse("wagtailadmin_pages:edit", args=[task_force.pk]),
                    task_force.title,
                    ngettext("%(count)d leader on the roster", "%(count)d leaders on the roster", leaders)
                    % {"count": leaders},
                ),
            ),
            (_("Name"), application.name),
            (_("Email"), format_html('<a href="mailto:{0}">{0}</a>', application.email)),
            (_("Organization"), organization),
            (_("Role asked for"), application.get_role_display()),
            (_("World region"), str(application.world_region or "")),
            (_("Motivation"), linebreaksbr(application.motivation)),
        ]
        return rows + _decided(application)


@require_GET
def download_declaration(request, pk: int):
    if not request.user.has_perm("community.view_membershipapplication"):
        raise PermissionDenied
    application = get_object_or_404(MembershipApplication, pk=pk)
    if not application.declaration:
        raise Http404
    try:
        handle = application.declaration.open("rb")
    except FileNotFoundError as error:
        raise Http404("The declaration file is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"declaration-of-intent-{application.pk}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


class ApplicationsPanel(Component):
    """On the admin dashboard of those who decide: how many applications wait, with links to the inboxes."""

    name = "community_applications"
    order = 90
    template_name = "community/admin/dashboard_panel.html"

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context):
        counts = selectors.pending_counts()
        rows = []
        if self.user.has_perm("community.change_membershipapplication"):
            rows.append(
                (_("Applications to join the Initiative"), counts["membership"], "membership_applications")
            )
        if self.user.has_perm("community.change_taskforceapplication"):
            rows.append((_("Task force applications"), counts["task_force"], "task_force_applications"))
        if self.user.has_perm("community.view_projectideasubmission"):
            rows.append((_("Project ideas in review"), counts["project_ideas"], "project_idea_submissions"))
        return {"rows": [(label, count, reverse(f"{name}:index")) for label, count, name in rows]}

    def render_html(self, parent_context=None) -> str:
        context = self.get_context_data(parent_context)
        return render_to_string(self.template_name, context) if context["rows"] else ""
