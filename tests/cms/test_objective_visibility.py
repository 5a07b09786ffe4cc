"""A draft objective's title never reaches a public surface, on any page type that shows objectives (the
`visible_objectives()` prefetch and the strategy page's goal list), while a live objective's title does.

Page types that show objectives are found from the models (a many-to-many to ObjectivePage): a new one is built
and read here as soon as it exists."""

from __future__ import annotations

import pytest
from django.test import Client

from cms.models import GoalPage, ObjectivePage, PartnerDirectoryPage
from tests.conftest import FIELDS, add_page
from tests.surfaces import page_types, public_surfaces, read_all

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Objective wombatdraftobjective"
LIVE_TITLE = "Objective echidnaliveobjective"
LISTING_OF = {
    "ProjectPage": "projects",
    "WebinarPage": "webinars",
    "EventPage": "events",
    "ResourcePage": "resources",
}


def types_showing_objectives() -> list:
    return [
        model
        for model in page_types()
        if any(field.related_model is ObjectivePage for field in model._meta.many_to_many)
    ]


def test_draft_objective_titles_reach_no_surface(site_tree, django_capture_on_commit_callbacks, settings):
    settings.SEARCH_API_THROTTLE = "100000/minute"
    with django_capture_on_commit_callbacks(execute=True):
        add_page(site_tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
        goal = add_page(site_tree.strategy, GoalPage, title="Goal A", code="A", description="<p>Soils.</p>")
        live = add_page(
            goal, ObjectivePage, title=LIVE_TITLE, code="A1", short_label="Live", description="x."
        )
        draft = add_page(
            goal,
            ObjectivePage,
            title=DRAFT_TITLE,
            code="A2",
            short_label="Draft",
            description="y.",
            live=False,
        )
        pages = {}
        for model in types_showing_objectives():
            parent = getattr(site_tree, LISTING_OF[model.__name__])
            pages[model] = add_page(
                parent,
                model,
                title=f"A {model.__name__}",
                objectives=[live, draft],
                **FIELDS[model.__name__]("w"),
            )
    assert {model.__name__ for model in pages} >= set(LISTING_OF), (
        "fewer page types show objectives than before"
    )
    client = Client()
    bodies = read_all(client, public_surfaces(client, queries=["objective"]))
    for surface, body in bodies.items():
        assert "wombatdraftobjective" not in body, (
            f"a draft objective's title on {surface.family} {surface.url}"
        )
    by_url = {surface.url: body for surface, body in bodies.items()}
    for model, page in pages.items():
        assert LIVE_TITLE in by_url[page.url], f"the live objective is missing from a {model.__name__}"
    assert LIVE_TITLE in by_url[site_tree.strategy.url]
