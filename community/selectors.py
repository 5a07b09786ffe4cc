"""Reads: what the forms offer, what the admin inbox counts, and what a member's account page lists."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page, PageViewRestriction

from cms.locales import in_active_language
from cms.models import ObjectivePage, Organization, Region, SoilPractice, TaskForceMember, TaskForcePage

from .models import PENDING_STATUSES, MembershipApplication, ProjectIdeaSubmission, TaskForceApplication


def leader_count(task_force: TaskForcePage) -> int:
    """Leaders on the roster of the task force's saved (live) version: the approved ones."""
    return TaskForceMember.objects.filter(page_id=task_force.pk, role=TaskForceMember.Role.LEADER).count()


def directory_organizations() -> QuerySet[Organization]:
    """Every organization of the directory is a member or a partner of the Initiative."""
    return Organization.objects.order_by("name")


def countries() -> QuerySet[Region]:
    return Region.objects.filter(kind=Region.Kind.COUNTRY).order_by("name")


def world_regions() -> QuerySet[Region]:
    return Region.objects.filter(kind=Region.Kind.REGION).order_by("name")


def countries_and_regions() -> QuerySet[Region]:
    return Region.objects.order_by("kind", "name")


def live_objectives() -> QuerySet[ObjectivePage]:
    """The live objectives in the visitor's language (each objective once, see cms.locales)."""
    return in_active_language(ObjectivePage.objects.live().public()).order_by("code")


def soil_practices() -> QuerySet[SoilPractice]:
    return SoilPractice.objects.order_by("name")


def live_task_forces() -> QuerySet[TaskForcePage]:
    """The live task forces in the visitor's language."""
    return in_active_language(TaskForcePage.objects.live().public()).order_by("path")


def pending_counts() -> dict[str, int]:
    """Applications waiting for a decision, and project ideas still in their workflow."""
    return {
        "membership": MembershipApplication.objects.filter(status__in=PENDING_STATUSES).count(),
        "task_force": TaskForceApplication.objects.filter(status__in=PENDING_STATUSES).count(),
        "project_ideas": ProjectIdeaSubmission.objects.filter(page__live=False).count(),
    }


def member_spaces(user) -> QuerySet[Page]:
    """The live pages restricted to one of the user's groups (the members' spaces they may read), in the
    visitor's language."""
    restricted = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS, groups__in=user.groups.all()
    ).values("page_id")
    return in_active_language(Page.objects.live().filter(pk__in=restricted)).order_by("path")
