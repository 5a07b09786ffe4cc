"""Facet counts a visitor can trust (issue 24): the count next to a facet value is the number of results that
selecting it gives, for the same query and the other filters, in the service, in /api/search/ and on the search
page; and a word with no meaning near the content brings few vector neighbours (SEARCH_MIN_SIMILARITY).

A small tree of real pages (types, goals and objectives, practices, places, years, languages) is indexed with the
real model once for this module. SEARCH_CANDIDATES is set far below the number of chunks, so that the candidate
lists are truncated as on a real site: that is where counts and filtered searches used to disagree (the best k
chunks under a filter reach past the best k of the query).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.test import Client, TestCase, override_settings
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from cms.filters import SEARCH_FILTERS
from cms.models import GoalPage, ObjectivePage, ProjectPage, Region, ResourcePage, SoilPractice
from knowledge.embeddings import get_embedder
from search.params import parse_filters
from search.service import MODES, SearchQuery, search
from tests.conftest import SiteTree, add_page

pytestmark = pytest.mark.django_db

DEPTH = 10  # SEARCH_CANDIDATES in these tests: chunks per list, far fewer than the tree has
PARAM_OF_COLUMN = {spec.index_column: spec.param for spec in SEARCH_FILTERS}
WORDS = (
    "soil", "carbon", "cover", "crops", "compost", "erosion", "water", "trees", "biochar", "grazing", "rice",
    "peat", "farmers", "zirconloam",
)  # fmt: skip
TEXTS = (
    "Cover crops protect the soil from erosion between harvests.",
    "Compost adds organic carbon to degraded farm soils.",
    "Trees between crops store carbon in the soil for decades.",
    "Biochar made from crop residues holds water in sandy soils.",
    "Rotational grazing lets grasslands rebuild their soil carbon.",
    "Flooded rice paddies release methane; drying them cuts emissions.",
    "Rewetting drained peat keeps its carbon in the ground.",
    "Farmers measure soil organic carbon to earn carbon credits.",
    "Terraces and hedges stop water erosion on steep fields.",
    "Cover crops and compost together raise soil carbon faster.",
    "No-till farming leaves crop residues on the soil surface.",
    "Agroforestry gives farmers fruit, shade and soil carbon.",
)
FILTER_GROUPS = ("type", "goal", "objective", "practice", "region", "language")


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """Built once for this module inside a transaction rolled back afterwards (as tests/api's hub)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_tree()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def build_tree() -> SiteTree:
    site = SiteTree()
    with TestCase.captureOnCommitCallbacks(execute=True):
        africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
        europe = Region.objects.create(name="Europe", kind=Region.Kind.REGION)
        countries = [
            Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE"),
            Region.objects.create(name="France", kind=Region.Kind.COUNTRY, parent=europe, iso_code="FR"),
            africa,
        ]
        practices = [
            SoilPractice.objects.create(name=name, slug=name.lower().replace(" ", "-"))
            for name in ("Agroforestry", "Cover crops", "Composting")
        ]
        goals = [
            add_page(
                site.strategy, GoalPage, title=f"Goal {code}", code=code, description=f"<p>Goal {code}.</p>"
            )
            for code in "AB"
        ]
        objectives = [
            add_page(
                goal,
                ObjectivePage,
                title=f"Objective {code}",
                code=code,
                short_label=code,
                description=f"Objective {code}.",
            )
            for goal, code in ((goals[0], "A1"), (goals[0], "A2"), (goals[1], "B1"))
        ]
        for index, text in enumerate(TEXTS * 2):
            common = {
                "title": " ".join(text.split()[:4]).rstrip(",;."),
                "objectives": [objectives[index % 3]] if index % 4 else [],
                "practices": [practices[index % 3], practices[(index + 1) % 3]][: index % 3],
            }
            if index % 2:
                add_page(
                    site.projects,
                    ProjectPage,
                    summary=text,
                    status="funded",
                    start_date=dt.date(2019 + index % 5, 1, 1),
                    countries=[countries[index % 2]] if index % 3 else [],
                    **common,
                )
            else:
                add_page(
                    site.resources,
                    ResourcePage,
                    summary=text,
                    kind="guideline",
                    year=2018 + index % 4,
                    language=("en", "fr", "es")[index % 3],
                    regions=[countries[index % 3]],
                    **common,
                )
    return site


def facet_params(column: str, value: str) -> dict[str, str]:
    """The request parameters that select one facet value, as the page's checkboxes and year menus do."""
    if column == "year":
        return {"year_from": value, "year_to": value}
    return {PARAM_OF_COLUMN[column]: value}


def service_search(q: str, mode: str, params: dict, vector) -> object:
    return search(
        SearchQuery(q, mode, filters=parse_filters(params)),  # 10 a page, as the search page shows
        query_vector=vector if mode != "keyword" else None,
    )


def assert_counts_are_results(q: str, mode: str, params: dict) -> None:
    """Every facet value shown, selected in place of its group's selection, gives its count as results."""
    vector = get_embedder().embed_query(q)
    response = service_search(q, mode, params, vector)
    for column, values in response.facets.items():
        for value, count in values:
            kept = {key: raw for key, raw in params.items() if key not in facet_params(column, value)}
            selected = {**kept, **facet_params(column, value)}
            total = service_search(q, mode, selected, vector).total
            assert total == count, (q, mode, params, column, value, count, total)


@pytest.fixture
def depth():
    with override_settings(SEARCH_CANDIDATES=DEPTH):
        yield


@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True),
    mode=st.sampled_from(MODES),
    chosen=st.dictionaries(
        st.sampled_from(FILTER_GROUPS + ("year",)), st.sampled_from(("", "first", "two")), max_size=2
    ),
)
@example(words=["cover", "crops", "soil", "carbon"], mode="hybrid", chosen={})
@example(words=["soil", "carbon"], mode="semantic", chosen={"type": "first"})
@example(words=["compost", "carbon"], mode="hybrid", chosen={"practice": "two", "year": "first"})
def test_a_facet_count_is_the_number_of_results_selecting_it_gives(tree, depth, words, mode, chosen):
    q = " ".join(words)
    # Filters the visitor already chose: values this query's facets offer (first one, or first two of a group).
    unfiltered = service_search(q, mode, {}, get_embedder().embed_query(q)).facets
    params: dict[str, str] = {}
    for group, how in chosen.items():
        column = "year" if group == "year" else next(c for c, p in PARAM_OF_COLUMN.items() if p == group)
        values = [value for value, _ in unfiltered.get(column, [])][: 2 if how == "two" else 1]
        if not values or not how:
            continue
        if group == "year":
            params.update(year_from=min(values), year_to=max(values))
        else:
            params[group] = ",".join(values)
    assert_counts_are_results(q, mode, params)


def test_the_api_and_the_page_show_the_counts_selecting_gives(tree, depth):
    api = APIClient()
    q = "cover crops soil carbon"
    body = api.get("/api/search/", {"q": q, "spell": "off"}).json()
    assert body["count"] < 24  # the lists are truncated: not every page is a result
    checked = 0
    for column, values in body["facets"].items():
        for facet in values:
            params = {"q": q, "spell": "off", **facet_params(column, facet["value"])}
            assert api.get("/api/search/", params).json()["count"] == facet["count"], (column, facet)
            checked += 1
    assert checked >= 10

    # The search page: the number beside "Resource" is the number of results once it is ticked.
    html = Client().get("/search/", {"q": q, "spell": "off"}).content.decode()
    shown = re.search(r'name="type" value="resource"[^>]*>.*?<span class="count">(\d+)', html, re.S)
    assert shown, "no resource facet on the page"
    ticked = Client().get("/search/", {"q": q, "spell": "off", "type": "resource"}).content.decode()
    total = re.search(r'class="results-count"[^>]*>\s*(\d+) results?', ticked)
    assert total and total.group(1) == shown.group(1)


def test_a_made_up_word_finds_few_results_by_meaning(tree):
    """The meaning side has a floor: without it, "zirconloam" listed the nearest pages of the whole tree."""
    for mode in ("semantic", "hybrid"):
        response = search(SearchQuery("zirconloam", mode, page_size=100))
        assert response.total <= 3, [result.title for result in response.results]
    with override_settings(SEARCH_MIN_SIMILARITY=0.0):
        assert search(SearchQuery("zirconloam", "semantic", page_size=100)).total > 10
    # A question still finds its passages by meaning alone.
    titles = [
        result.title for result in search(SearchQuery("how do wetlands hold carbon", "semantic")).results
    ]
    assert "Rewetting drained peat keeps" in titles
