"""Admin registration: the Applications menu (Secretariat only), the declaration download, the dashboard
panel, the log actions, the task force join route, the demo content, and the Secretariat as every members'
space's moderator."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views, notifications, views
from .access import SECRETARIAT
from .models import ContributionSubmission, MembershipApplication, ProjectIdeaSubmission, TaskForceApplication


class ApplicationViewSet(ModelViewSet):
    """Applications arrive from the public forms: no add or copy screens, no reference index entries."""

    add_to_reference_index = False
    copy_view_enabled = False
    search_backend_name = None  # Django's ORM search: applications are never put into a search index
    list_per_page = 30

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]


class MembershipApplicationViewSet(ApplicationViewSet):
    model = MembershipApplication
    name = "membership_applications"
    icon = "group"
    menu_label = _("Join the Initiative")
    list_display = ["organization_name", "kind", "country", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["organization_name", "contact_name"]
    edit_view_class = admin_views.MembershipReviewView

    def get_form_class(self, for_update=False):
        return admin_views.MembershipReviewForm


class TaskForceApplicationViewSet(ApplicationViewSet):
    model = TaskForceApplication
    name = "task_force_applications"
    icon = "user"
    menu_label = _("Task force applications")
    list_display = ["name", "task_force", "role", "organization", "status", "created_at"]
    list_filter = ["status", "role", "task_force"]
    search_fields = ["name", "organization_name"]
    edit_view_class = admin_views.TaskForceReviewView

    def get_form_class(self, for_update=False):
        return admin_views.TaskForceReviewForm


class ProjectIdeaSubmissionViewSet(ApplicationViewSet):
    """Who submitted which idea and whom to contact; the idea itself is reviewed in its page workflow."""

    model = ProjectIdeaSubmission
    name = "project_idea_submissions"
    icon = "doc-full"
    menu_label = _("Project ideas")
    list_display = ["page", "submitted_by", "contact_name", "created_at"]
    search_fields = ["contact_name"]
    form_fields = ["contact_name", "contact_email"]


class ContributionSubmissionViewSet(ApplicationViewSet):
    """Who proposed which resource or event and whom to contact; the page is reviewed in its workflow."""

    model = ContributionSubmission
    name = "contribution_submissions"
    icon = "doc-full-inverse"
    menu_label = _("Member contributions")
    list_display = ["page", "kind", "submitted_by", "contact_name", "created_at"]
    list_filter = ["kind"]
    search_fields = ["contact_name"]
    form_fields = ["contact_name", "contact_email"]


class ApplicationsGroup(ModelViewSetGroup):
    menu_label = _("Applications")
    menu_icon = "mail"
    menu_order = 240
    items = (
        MembershipApplicationViewSet,
        TaskForceApplicationViewSet,
        ProjectIdeaSubmissionViewSet,
        ContributionSubmissionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_applications():
    return ApplicationsGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "community/declarations/<int:pk>/",
            admin_views.download_declaration,
            name="community_declaration",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    panels.append(admin_views.ApplicationsPanel(request.user))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("community.accept", _("Accept application"), _("Application accepted"))
    actions.register_action("community.decline", _("Decline application"), _("Application declined"))


@hooks.register("task_force_join_view")
def task_force_join_view(request, task_force, step=None):
    return views.task_force_join(request, task_force, step=step)


@hooks.register("load_demo_content")
def load_demo_content(loader):
    from .demo.loader import load_sample_applications
    from .demo.spaces import load_sample_spaces

    load_sample_applications(loader)
    load_sample_spaces(loader)


@hooks.register("space_moderator_groups")
def space_moderator_groups():
    """The Secretariat reads and moderates every members' space (cms/space_access.py)."""
    return [SECRETARIAT]


@hooks.register("space_member_email_opt_in")
def space_member_email_opt_in():
    """Whether a member shows their email address to fellow members of their spaces (cms/space_access.py)."""
    return notifications.email_opt_in()
