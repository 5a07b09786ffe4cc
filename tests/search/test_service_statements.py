"""The search service's cost in SQL statements: a hybrid search reads the view restrictions once (two small
queries) and reuses the visibility SQL compiled over them, then runs one statement per step (vector candidates,
keyword candidates, their index rows, the passages shown). A new restriction still applies at once
(tests/consistency checks that on random trees)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage, StandardPage
from cms.visibility import Viewer
from knowledge.sync import sync_page
from search.service import SearchQuery, search
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

HYBRID_STATEMENTS = 6  # restrictions 2, vector 1, keyword 1, sources 1, passages 1
# A signed-in member's search costs the same: who they are is data in the query (their groups are read once per
# request by cms.visibility.viewer_of, before the search), and their predicate is compiled once per set of groups.
MEMBER_STATEMENTS = HYBRID_STATEMENTS


def test_a_hybrid_search_costs_one_statement_per_step_and_follows_a_new_restriction(site_tree):
    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Zai pits in Burkina Faso",
        summary="Zai pits gather rain water.",
    )
    private = add_page(site_tree.home, StandardPage, title="Zai pits budget", intro="Zai pits budget lines.")
    for page in (project, private):
        sync_page(page.pk)
    query = SearchQuery("zai pits water", facets=False)
    search(query)  # first search: the model loads, the visibility SQL is compiled

    with CaptureQueriesContext(connection) as queries:
        titles = {result.title for result in search(query).results}
    assert titles == {"Zai pits in Burkina Faso", "Zai pits budget"}
    assert len(queries.captured_queries) <= HYBRID_STATEMENTS, [
        q["sql"][:80] for q in queries.captured_queries
    ]

    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    assert {result.title for result in search(query).results} == {"Zai pits in Burkina Faso"}


def _ef_search_after(query: SearchQuery) -> int:
    """hnsw.ef_search as the search set it: SET LOCAL lasts until the test's transaction ends."""
    search(query)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('hnsw.ef_search')::int")
        return cursor.fetchone()[0]


def test_the_hnsw_search_breadth_follows_the_corpus_size(site_tree, settings):
    from knowledge.models import SITE_NAMESPACE, CorpusStat

    project = add_page(
        site_tree.projects, ProjectPage, title="Zai pits", summary="Zai pits gather rain water."
    )
    sync_page(project.pk)
    query = SearchQuery("zai pits water", "semantic", facets=False)
    settings.SEARCH_EF_SEARCH = None  # auto
    assert _ef_search_after(query) == 400  # a small site
    CorpusStat.objects.filter(namespace=SITE_NAMESPACE).update(chunks=1_000_000)
    assert _ef_search_after(query) == 800  # past 300,000 chunks
    settings.SEARCH_EF_SEARCH = 50
    # A number holds everywhere, never below the candidates asked for.
    assert _ef_search_after(query) == settings.SEARCH_CANDIDATES > 50
    assert search(query).results  # the query's rows are returned, not set_config's


def test_a_member_s_search_costs_what_an_anonymous_one_does(site_tree):
    group = Group.objects.create(name="Zai members")
    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Zai pits in Burkina Faso",
        summary="Zai pits gather rain water.",
    )
    space = add_page(site_tree.home, StandardPage, title="Zai pits budget", intro="Zai pits budget lines.")
    restriction = PageViewRestriction.objects.create(page=space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([group])
    for page in (project, space):
        sync_page(page.pk)
    member = SearchQuery(
        "zai pits water", facets=False, viewer=Viewer(signed_in=True, groups=frozenset({group.pk}))
    )
    search(member)  # first search: the member's visibility SQL is compiled

    with CaptureQueriesContext(connection) as queries:
        titles = {result.title for result in search(member).results}
    assert titles == {"Zai pits in Burkina Faso", "Zai pits budget"}
    assert len(queries.captured_queries) <= MEMBER_STATEMENTS, [
        q["sql"][:80] for q in queries.captured_queries
    ]
    assert {result.title for result in search(SearchQuery("zai pits water", facets=False)).results} == {
        "Zai pits in Burkina Faso"
    }
