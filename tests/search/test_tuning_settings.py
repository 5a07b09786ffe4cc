"""The search tuning settings change results as the README says, with the real model on a small namespace:

- SEARCH_RRF_K, SEARCH_VECTOR_WEIGHT and SEARCH_KEYWORD_WEIGHT: a hybrid score is the weighted reciprocal rank
  fusion of the semantic and keyword ranks, weight / (k + rank) summed over both sides, and the weights decide
  which of a keyword-heavy and a meaning-heavy text comes first;
- SEARCH_MIN_SIMILARITY: vector candidates below that cosine similarity are dropped.
"""

from __future__ import annotations

import pytest

from knowledge.indexing import Indexer, external_source
from knowledge.store import maintain_keyword_statistics
from search.service import SearchQuery, search

pytestmark = pytest.mark.django_db

NAMESPACE = "tuning-test"
DOCUMENTS = {
    "meaning": (
        "Soil organic carbon",
        "Farmland soils store organic carbon when crop residues stay on the field and roots grow deep.",
    ),
    "keyword": ("Zorblax notes", "Zorblax zorblax zorblax. Zorblax is a made-up word."),
    "peat": ("Peatlands", "Rewetting drained peatlands keeps their carbon in the ground."),
    "wheat": ("Wheat yields", "Wheat yields rose with better seed varieties and fertiliser."),
}
QUERY = "zorblax soil carbon"  # a made-up word for the keyword side, a meaning for the vectors


@pytest.fixture
def corpus(db):
    batch = [
        external_source(namespace=NAMESPACE, object_id=key, title=t, text=x)
        for key, (t, x) in DOCUMENTS.items()
    ]
    list(Indexer().index_batches([batch]))
    maintain_keyword_statistics(NAMESPACE, force=True)


def ranking(q: str, mode: str) -> list[tuple[str, float]]:
    return [
        (r.object_id, r.score)
        for r in search(SearchQuery(q, mode, namespace=NAMESPACE, page_size=10)).results
    ]


@pytest.mark.parametrize(
    ("k", "vector_weight", "keyword_weight"), [(3, 1.0, 1.2), (60, 1.0, 1.0), (1, 2.0, 0.5)]
)
def test_hybrid_scores_are_the_weighted_reciprocal_rank_fusion(
    corpus, settings, k, vector_weight, keyword_weight
):
    settings.SEARCH_RRF_K, settings.SEARCH_VECTOR_WEIGHT = k, vector_weight
    settings.SEARCH_KEYWORD_WEIGHT = keyword_weight
    settings.SEARCH_MIN_SIMILARITY = 0.0  # no floor: the vectors rank every text, the keywords some
    vector_ranks = {key: rank for rank, (key, _) in enumerate(ranking(QUERY, "semantic"), start=1)}
    keyword_ranks = {key: rank for rank, (key, _) in enumerate(ranking(QUERY, "keyword"), start=1)}
    assert set(keyword_ranks) < set(vector_ranks) and "keyword" in keyword_ranks  # both sides contribute

    expected = {
        key: (vector_weight / (k + vector_ranks[key]) if key in vector_ranks else 0.0)
        + (keyword_weight / (k + keyword_ranks[key]) if key in keyword_ranks else 0.0)
        for key in vector_ranks | keyword_ranks
    }
    hybrid = ranking(QUERY, "hybrid")
    assert dict(hybrid) == pytest.approx(expected, abs=1e-5)
    scores = [score for _, score in hybrid]
    assert scores == sorted(scores, reverse=True)  # ranked by the fused score


def test_the_weights_decide_between_meaning_and_keywords(corpus, settings):
    by_meaning, by_keywords = ranking(QUERY, "semantic")[0][0], ranking(QUERY, "keyword")[0][0]
    assert (by_meaning, by_keywords) == ("meaning", "keyword")

    settings.SEARCH_VECTOR_WEIGHT, settings.SEARCH_KEYWORD_WEIGHT = 5.0, 1.0
    assert ranking(QUERY, "hybrid")[0][0] == "meaning"
    settings.SEARCH_VECTOR_WEIGHT, settings.SEARCH_KEYWORD_WEIGHT = 1.0, 5.0
    assert ranking(QUERY, "hybrid")[0][0] == "keyword"
    settings.SEARCH_VECTOR_WEIGHT, settings.SEARCH_KEYWORD_WEIGHT = 0.0, 1.0  # keywords alone
    keyword_order = [key for key, _ in ranking(QUERY, "keyword")]
    assert [key for key, _ in ranking(QUERY, "hybrid")][: len(keyword_order)] == keyword_order


def test_min_similarity_drops_vector_candidates_below_it(corpus, settings):
    question = "how do farm soils keep carbon"
    settings.SEARCH_MIN_SIMILARITY = 0.0
    everything = [key for key, _ in ranking(question, "semantic")]
    assert everything[:2] == ["meaning", "peat"] and "wheat" in everything

    settings.SEARCH_MIN_SIMILARITY = 0.3  # between the carbon texts and the wheat one
    assert [key for key, _ in ranking(question, "semantic")] == ["meaning", "peat"]

    settings.SEARCH_MIN_SIMILARITY = 0.99  # nothing is that close: the vectors bring nothing ...
    assert ranking(question, "semantic") == []
    # ... and a hybrid search is left with its keyword side
    assert [key for key, _ in ranking(question, "hybrid")] == [key for key, _ in ranking(question, "keyword")]
