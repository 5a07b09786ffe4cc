"""Who decides what: the groups, the workflows (project ideas, members' contributions) and the collections of
the PDFs they carry (concept notes, proposed resources).

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

from cms.membership import is_space_group

SECRETARIAT = "Secretariat"
TASK_FORCE_REVIEWERS = "Task force reviewers"
PARTNERS = "Partners"

WORKFLOW_NAME = "Project ideas"
TASK_FORCE_REVIEW = "Task force review"
SECRETARIAT_APPROVAL = "Secretariat approval"

REVIEW_COLLECTION = "Project ideas under review"
PUBLIC_COLLECTION = "Project concept notes"

CONTRIBUTIONS_WORKFLOW = "Member contributions"
CONTRIBUTIONS_REVIEW_COLLECTION = "Member contributions under review"
CONTRIBUTIONS_PUBLIC_COLLECTION = "Member resources"

# The groups' permissions are set by migration 0002_groups (a migration keeps its own frozen copy).
SUBMIT_PROJECT_IDEA_PERMISSION = "community.add_projectideasubmission"


@dataclass
class Setup:
    workflow: Workflow
    created: list[str]


def group(name: str) -> Group:
    return Group.objects.get_or_create(name=name)[0]


def may_contribute(user) -> bool:
    """Members (a task force's or the Community of Practice's group) and the Secretariat may propose resources
    and announce events; the task force groups are made as task forces are (cms/membership.py), so they are
    recognised by name rather than by a permission a migration could have given them."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(g.name == SECRETARIAT or is_space_group(g) for g in user.groups.all())


def _approval_task(name: str, group_name: str, created: list[str]) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([group(group_name)])
        created.append("workflow task")
    return task


def _ensure_workflow(index: Page, name: str, tasks: list[GroupApprovalTask], created: list[str]) -> Setup:
    """The workflow `name` with `tasks`, assigned to `index`, which the Secretariat may edit and publish under.

    A workflow an editor assigned to the index itself is respected; Wagtail's default workflow on the root
    page is not an assignment of the index, so ours takes precedence below it.
    """
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        created.append("workflow")
    if not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=workflow)
        created.append("workflow assignment")
    # Approving the last task publishes the page as the approver, which Wagtail allows only to those who may
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
def ensure_project_idea_workflow(index: Page) -> Setup:
    """The "Project ideas" workflow (task force review, then Secretariat approval) on the project catalogue."""
    created: list[str] = []
    tasks = [
        _approval_task(TASK_FORCE_REVIEW, TASK_FORCE_REVIEWERS, created),
        _approval_task(SECRETARIAT_APPROVAL, SECRETARIAT, created),
    ]
    return _ensure_workflow(index, WORKFLOW_NAME, tasks, created)


@transaction.atomic
def ensure_contribution_workflow(index: Page) -> Setup:
    """The "Member contributions" workflow (Secretariat approval) on the resource library or an event listing."""
    created: list[str] = []
    tasks = [_approval_task(SECRETARIAT_APPROVAL, SECRETARIAT, created)]
    return _ensure_workflow(index, CONTRIBUTIONS_WORKFLOW, tasks, created)


def _collections(review_name: str, public_name: str, groups: list[str]) -> tuple[Collection, Collection]:
    root = Collection.get_first_root_node()
    review = root.get_children().filter(name=review_name).first()
    if review is None:
        review = root.add_child(name=review_name)
    restriction = CollectionViewRestriction.objects.filter(collection=review).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=review, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([group(name) for name in groups])
    public = root.get_children().filter(name=public_name).first() or root.add_child(name=public_name)
    return review, public


@transaction.atomic
def concept_note_collections() -> tuple[Collection, Collection]:
    """(under review, published): the first is restricted to the reviewing groups, so a concept note can be
    opened by those who decide and by nobody else until its project is approved."""
    return _collections(REVIEW_COLLECTION, PUBLIC_COLLECTION, [SECRETARIAT, TASK_FORCE_REVIEWERS])


@transaction.atomic
def contribution_collections() -> tuple[Collection, Collection]:
    """(under review, published) for the PDFs of proposed resources: the first only the Secretariat may open."""
    return _collections(CONTRIBUTIONS_REVIEW_COLLECTION, CONTRIBUTIONS_PUBLIC_COLLECTION, [SECRETARIAT])
