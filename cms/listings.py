"""Filters of the server-rendered listings. Each returns the filtered queryset and what the template needs
to show the filter form (choices, current values)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import QueryDict

from .models import GoalPage, ObjectivePage, ProjectPage, Region, ResourcePage, SoilPractice


def _region_filter(field: str, slug: str) -> Q:
    """A region matches itself and, for a world region, every country in it."""
    return Q(**{f"{field}__slug": slug}) | Q(**{f"{field}__parent__slug": slug})


def filter_projects(projects: QuerySet, params: QueryDict) -> tuple[QuerySet, dict]:
    status = params.get("status", "")
    goal = params.get("goal", "")
    objective = params.get("objective", "")
    practice = params.get("practice", "")
    region = params.get("region", "")
    if status in ProjectPage.Status.values:
        projects = projects.filter(status=status)
    if goal:
        projects = projects.filter(objectives__code__startswith=goal[:1].upper())
    if objective:
        projects = projects.filter(objectives__code=objective.upper())
    if practice:
        projects = projects.filter(practices__slug=practice)
    if region:
        projects = projects.filter(_region_filter("countries", region))
    filters = {
        "values": {
            "status": status,
            "goal": goal,
            "objective": objective,
            "practice": practice,
            "region": region,
        },
        "statuses": ProjectPage.Status.choices,
        "goals": GoalPage.objects.live().public().order_by("code"),
        "objectives": ObjectivePage.objects.live().public().order_by("code"),
        "practices": SoilPractice.objects.all(),
        "regions": Region.objects.order_by("kind", "name"),
        "active": any([status, goal, objective, practice, region]),
    }
    return projects.distinct(), filters


def filter_resources(resources: QuerySet, params: QueryDict) -> tuple[QuerySet, dict]:
    kind = params.get("kind", "")
    language = params.get("language", "")
    practice = params.get("practice", "")
    objective = params.get("objective", "")
    if kind in ResourcePage.Kind.values:
        resources = resources.filter(kind=kind)
    if language:
        resources = resources.filter(language=language)
    if practice:
        resources = resources.filter(practices__slug=practice)
    if objective:
        resources = resources.filter(objectives__code=objective.upper())
    filters = {
        "values": {"kind": kind, "language": language, "practice": practice, "objective": objective},
        "kinds": ResourcePage.Kind.choices,
        "languages": sorted(set(ResourcePage.objects.live().values_list("language", flat=True))),
        "practices": SoilPractice.objects.all(),
        "objectives": ObjectivePage.objects.live().public().order_by("code"),
        "active": any([kind, language, practice, objective]),
    }
    return resources.distinct(), filters
