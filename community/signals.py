"""Wagtail and Django events -> community code. Handlers only call a service (or mark the request)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from cms.models import ProjectPage, ResourcePage, SpaceMeetingPage

from . import notifications, services, signin_limit


def on_workflow_finished(sender, instance, **kwargs):
    services.tell_submitter_outcome(instance)


def on_project_published(sender, instance, **kwargs):
    services.release_concept_note(instance)


def on_resource_published(sender, instance, **kwargs):
    services.release_contribution_document(instance)


def on_meeting_published(sender, instance, **kwargs):
    notifications.meeting_published(instance)


def on_document_saved(sender, instance, created, raw=False, **kwargs):
    # A post's attachment (community/spaces.py marks it) is news of its post, told with the post.
    if created and not raw and not getattr(instance, "space_post_attachment", False):
        notifications.document_added(instance)


def connect() -> None:
    workflow_approved.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_approved")
    workflow_rejected.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_rejected")
    page_published.connect(
        on_project_published, sender=ProjectPage, dispatch_uid="community_project_published"
    )
    page_published.connect(
        on_resource_published, sender=ResourcePage, dispatch_uid="community_resource_published"
    )
    page_published.connect(
        on_meeting_published, sender=SpaceMeetingPage, dispatch_uid="community_meeting_published"
    )
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="community_document_saved")
    user_logged_in.connect(signin_limit.note_sign_in, dispatch_uid="community_sign_in_limit")
