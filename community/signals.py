"""Wagtail and Django events -> community code. Handlers only call a service (or mark the request)."""

from django.contrib.auth.signals import user_logged_in
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from cms.models import ProjectPage, ResourcePage

from . import services, signin_limit


def on_workflow_finished(sender, instance, **kwargs):
    services.tell_submitter_outcome(instance)


def on_project_published(sender, instance, **kwargs):
    services.release_concept_note(instance)


def on_resource_published(sender, instance, **kwargs):
    services.release_contribution_document(instance)


def connect() -> None:
    workflow_approved.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_approved")
    workflow_rejected.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_rejected")
    page_published.connect(
        on_project_published, sender=ProjectPage, dispatch_uid="community_project_published"
    )
    page_published.connect(
        on_resource_published, sender=ResourcePage, dispatch_uid="community_resource_published"
    )
    user_logged_in.connect(signin_limit.note_sign_in, dispatch_uid="community_sign_in_limit")
