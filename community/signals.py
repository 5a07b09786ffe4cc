"""Wagtail events -> community services. Handlers only call the service."""

from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from cms.models import ProjectPage

from . import services


def on_workflow_finished(sender, instance, **kwargs):
    services.tell_submitter_outcome(instance)


def on_project_published(sender, instance, **kwargs):
    services.release_concept_note(instance)


def connect() -> None:
    workflow_approved.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_approved")
    workflow_rejected.connect(on_workflow_finished, sender=WorkflowState, dispatch_uid="community_rejected")
    page_published.connect(
        on_project_published, sender=ProjectPage, dispatch_uid="community_project_published"
    )
