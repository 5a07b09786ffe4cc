"""The search result cache (search/result_cache.py) and the query-vector cache (knowledge/embeddings.py): a repeated
search answers the same results with fewer statements and is still logged; a publish or an index write is seen at
once; a member's results are never served to an anonymous visitor or to a member of another group, even when a
restriction's groups change; a broken cache is a miss, never an error. Real database, real model, the members'
space of tests/search/test_member_search.py."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import ResourcePage
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Source
from knowledge.store import delete_sources
from search.models import GlossaryTerm, SearchLogEntry
from search.result_cache import search_key
from search.service import SearchQuery
from tests.conftest import add_page
from tests.search import test_member_search
from tests.search.test_member_search import RESTRICTED_TITLES, TRIAL

pytestmark = pytest.mark.django_db
space = test_member_search.space  # the fixture: a members' space, a member, an outsider

Q = "vetiver hedgerows"
# Statements of a repeated anonymous /api/search/ once its result is cached: none (the throttle and the generation
# are cache reads). The first one costs the search's own (restrictions, candidates, sources, passages, spelling).
API_HIT_STATEMENTS = 0
# The search page, repeated: the search log's row (3 in a test's transaction: its savepoint; 1 in production), the
# editors' picks lookup, and the site, the view restrictions and the pages of the menu (3): 7, against 17 uncached
# (the search itself: restrictions, candidates, sources, passages, spelling; the facet labels).
PAGE_HIT_STATEMENTS = 7
# A member's /api/pages/<id>/related/, repeated: their session, user and groups, the page and its visibility check
# (5); 7 when the related content is read again.
RELATED_HIT_STATEMENTS = 5


@pytest.fixture(autouse=True)
def result_cache_on(settings):
    settings.SEARCH_RESULT_CACHE_SECONDS = 300


def api_titles(client, q: str = Q, **params) -> list[str]:
    response = client.get("/api/search/", {"q": q, "page_size": 50, **params})
    assert response.status_code == 200, response.content[:300]
    return [result["title"] for result in response.json()["results"]]


def statements(call) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as queries:
        value = call()
    return value, len(queries.captured_queries)


def test_a_repeated_search_gives_the_same_answer_from_the_cache_in_fewer_statements(client, space):
    first, first_count = statements(lambda: client.get("/api/search/", {"q": Q}).json())
    again, again_count = statements(lambda: client.get("/api/search/", {"q": Q}).json())
    assert again == first and first["count"] > 0
    assert first_count > API_HIT_STATEMENTS and again_count == API_HIT_STATEMENTS, (first_count, again_count)

    page, page_count = statements(lambda: client.get("/search/", {"q": Q}).content)
    page_again, page_again_count = statements(lambda: client.get("/search/", {"q": Q}).content)
    assert page_again == page
    assert page_again_count == PAGE_HIT_STATEMENTS < page_count, (page_count, page_again_count)
    # The search log records every search of the page, cached or not (the API's are not logged).
    assert list(SearchLogEntry.objects.values_list("query", "result_count")) == [(Q, first["count"])] * 2

    # Another page, filter or mode is another search.
    assert api_titles(client, type="project") == [] != api_titles(client)
    assert api_titles(client, mode="keyword", type="project") == []

    # Related content through the API (here a member's: the public page's related items are their space's): the
    # same answer, from the cache (the page's own lookup and visibility check remain).
    client.force_login(space.member)
    related = f"/api/pages/{space.public_resource.pk}/related/"
    first_related, related_count = statements(lambda: client.get(related, {"limit": 10}).json())
    again_related, again_related_count = statements(lambda: client.get(related, {"limit": 10}).json())
    assert again_related == first_related and first_related["results"]
    assert again_related_count == RELATED_HIT_STATEMENTS < related_count, (related_count, again_related_count)


def test_a_publish_an_index_write_or_a_glossary_entry_is_seen_by_the_next_cached_search(
    client, site_tree, django_capture_on_commit_callbacks
):
    q = "zirconloam terraces"
    assert "Zirconloam terraces" not in api_titles(client, q)
    with django_capture_on_commit_callbacks(execute=True):  # the index task runs once the publish commits
        add_page(
            site_tree.resources,
            ResourcePage,
            title="Zirconloam terraces",
            summary="Zirconloam terraces hold soil.",
            year=2024,
        )
    # The publish (and its index task) started a generation.
    assert "Zirconloam terraces" in api_titles(client, q)
    # A glossary entry changes what the keyword side searches for.
    words_only = {"mode": "keyword", "spell": "off"}
    assert api_titles(client, "qzxcordon", **words_only) == []
    GlossaryTerm.objects.create(terms_en="zirconloam, qzxcordon")
    assert api_titles(client, "qzxcordon", **words_only) == ["Zirconloam terraces"]
    # An index write alone (the worker indexing a page published earlier, a source removed) does too.
    delete_sources(
        Source.objects.filter(namespace=SITE_NAMESPACE, title="Zirconloam terraces").values_list(
            "pk", flat=True
        )
    )
    assert "Zirconloam terraces" not in api_titles(client, q)


def test_a_member_s_results_are_never_served_to_others_from_the_cache(client, space):
    def as_user(user=None):
        client.logout()
        if user is not None:
            client.force_login(user)
        suggested = {
            s["title"] for s in client.get("/search/suggest/", {"q": "vetiver"}).json()["suggestions"]
        }
        related = client.get(f"/api/pages/{space.public_resource.pk}/related/", {"limit": 10}).json()
        suggested |= {item["title"] for item in related["results"]}
        return set(api_titles(client)), suggested

    # The member first (their results cached), then everyone else asks the same ("suggested": the suggestions
    # and the related content of a public page).
    found, suggested = as_user(space.member)
    assert found >= RESTRICTED_TITLES and suggested >= RESTRICTED_TITLES
    for user in (None, space.outsider, space.signed_in):
        found, suggested = as_user(user)
        assert not (found | suggested) & RESTRICTED_TITLES, user
    # The other way round: the anonymous answer is cached, the member still gets theirs.
    assert as_user(space.member)[0] >= RESTRICTED_TITLES

    # A restriction's groups changed (a many-to-many change: no new generation): the member's key changes with
    # the restrictions in their way, so the trial they may no longer see is not served from the cache.
    restriction = PageViewRestriction.objects.get(page=space.trial)
    restriction.groups.set([space.other_group])
    found, suggested = as_user(space.member)
    assert TRIAL not in found | suggested


def test_a_broken_cache_is_a_miss(client, space, settings):
    settings.CACHES = {
        **settings.CACHES,
        "broken": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    settings.PAGE_CACHE_ALIAS = "broken"
    assert set(api_titles(client)) & {"Vetivert and contour hedgerows on sloping farmland"}
    assert client.get("/search/", {"q": Q}).status_code == 200
    assert client.get("/search/suggest/", {"q": "vetiv"}).status_code == 200


def test_query_vectors_are_remembered_per_model_and_prefix(settings):
    embedder = get_embedder()
    vector = embedder.embed_query("cover crops in dry climates")
    assert embedder.embed_query("cover crops in dry climates") is vector  # no model call
    assert not vector.flags.writeable
    settings.EMBEDDING_QUERY_CACHE_SIZE = 0
    fresh = embedder.embed_query("cover crops in dry climates")
    assert fresh is not vector and np.allclose(fresh, vector, atol=1e-6)
    settings.EMBEDDING_QUERY_CACHE_SIZE = 2048
    settings.EMBEDDING_QUERY_PREFIX = "query: "
    assert not np.allclose(embedder.embed_query("cover crops in dry climates"), vector, atol=1e-3)


def test_hosts_with_other_search_settings_never_share_a_cached_search(settings):
    query = SearchQuery("cover crops")
    key = search_key(query, "1")
    assert search_key(query, "1") == key
    settings.SEARCH_KEYWORD_WEIGHT = settings.SEARCH_KEYWORD_WEIGHT * 2
    assert search_key(query, "1") != key
