"""Who decides what: the groups, the project-idea workflow and the collections of concept notes.

The groups and their permissions are created by a migration (0002_groups); the workflow and the collections
need the page tree, so they are made on first use (a submission, or the demo loader). Every function here is
idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

SECRETARIAT = "Secretariat"
TASK_FORCE_REVIEWERS = "Task force reviewers"
PARTNERS = "Partners"

WORKFLOW_NAME = "Project ideas"
TASK_FORCE_REVIEW = "Task force review"
SECRETARIAT_APPROVAL = "Secretariat approval"

REVIEW_COLLECTION = "Project ideas under review"
PUBLIC_COLLECTION = "Project concept notes"

# The groups' permissions are set by migration 0002_groups (a migration keeps its own frozen copy).
SUBMIT_PROJECT_IDEA_PERMISSION = "community.add_projectideasubmission"


@dataclass
class Setup:
    workflow: Workflow
    created: list[str]


def group(name: str) -> Group:
    return Group.objects.get_or_create(name=name)[0]


@transaction.atomic
def ensure_project_idea_workflow(index: Page) -> Setup:
    """The "Project ideas" workflow (task force review, then Secretariat approval) on the project catalogue.

    A workflow an editor assigned to the catalogue itself is respected; Wagtail's default workflow on the root
    page is not an assignment of the catalogue, so ours takes precedence below it.
    """
    created: list[str] = []
    tasks = []
    for name, group_name in ((TASK_FORCE_REVIEW, TASK_FORCE_REVIEWERS), (SECRETARIAT_APPROVAL, SECRETARIAT)):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
            task.groups.set([group(group_name)])
            created.append("workflow task")
        tasks.append(task)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        created.append("workflow")
    if not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=workflow)
        created.append("workflow assignment")
    # Approving the last task publishes the idea as the approver, which Wagtail allows only to those who may
    # publish there; editing lets the Secretariat correct a draft before approving it.
    secretariat = group(SECRETARIAT)
    for permission_type in ("change", "publish"):
        _permission, made = GroupPagePermission.objects.get_or_create(
            group=secretariat,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
            ),
        )
        if made:
            created.append("page permission")
    return Setup(workflow=index.get_workflow(), created=created)


@transaction.atomic
def concept_note_collections() -> tuple[Collection, Collection]:
    """(under review, published): the first is restricted to the reviewing groups, so a concept note can be
    opened by those who decide and by nobody else until its project is approved."""
    root = Collection.get_first_root_node()
    review = root.get_children().filter(name=REVIEW_COLLECTION).first()
    if review is None:
        review = root.add_child(name=REVIEW_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=review).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=review, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([group(SECRETARIAT), group(TASK_FORCE_REVIEWERS)])
    public = root.get_children().filter(name=PUBLIC_COLLECTION).first() or root.add_child(
        name=PUBLIC_COLLECTION
    )
    return review, public
