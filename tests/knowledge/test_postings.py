"""The keyword side's postings (knowledge_posting): written from each chunk's tsvector, replaced and deleted with
their source, document frequencies and corpus totals kept exact by each write (no pass over the corpus), impacts
recomputed by maintenance only when they drift, and read with a bound per query word."""

from __future__ import annotations

import math

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from knowledge.indexing import Indexer, external_source
from knowledge.models import CorpusStat, LexemeStat, Posting, Source, WordStat
from knowledge.store import (
    maintain_keyword_statistics,
    record_failure,
    recount_keyword_statistics,
    remove_source,
)
from search.service import SearchQuery, search

pytestmark = pytest.mark.django_db

NS = "test-postings"


def write(**texts: str) -> None:
    """What an editor's save does: index the sources, nothing else."""
    Indexer().index(
        [
            external_source(namespace=NS, object_id=key, title=f"Doc {key}", text=text)
            for key, text in texts.items()
        ]
    )


def index(**texts: str) -> None:
    """What `reindex` does: write, then maintain the keyword statistics."""
    write(**texts)
    maintain_keyword_statistics(NS)


def statistics() -> tuple[dict[str, int], tuple[int, int]]:
    lexemes = dict(LexemeStat.objects.filter(namespace=NS).values_list("lexeme", "ndoc"))
    stat = CorpusStat.objects.filter(namespace=NS).first()
    return lexemes, ((stat.chunks, stat.total_length) if stat else (0, 0))


def vocabulary(locale: str = "") -> dict[str, int]:
    """The spelling vocabulary of one locale ("": every locale)."""
    return dict(WordStat.objects.filter(namespace=NS, locale=locale).values_list("word", "ndoc"))


def every_vocabulary() -> set[tuple[str, str, int]]:
    return set(WordStat.objects.filter(namespace=NS).values_list("locale", "word", "ndoc"))


def lexemes_in_chunks() -> dict[tuple[int, str], int]:
    """(chunk, lexeme) -> occurrences, read from the tsvectors themselves."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, u.lexeme, coalesce(array_length(u.positions, 1), 1) FROM knowledge_chunk c, "
            "unnest(c.search_vector) u WHERE c.namespace = %s",
            [NS],
        )
        return {(chunk, lexeme): tf for chunk, lexeme, tf in cursor.fetchall()}


def postings() -> dict[tuple[int, str], int]:
    return {(p.chunk_id, p.lexeme): p.tf for p in Posting.objects.filter(namespace=NS)}


def test_postings_mirror_the_tsvectors_through_replace_and_delete():
    index(a="Biochar persists in sandy soils for centuries. Biochar!", b="Cover crops protect bare soil.")
    assert postings() == lexemes_in_chunks()
    assert postings()[(Source.objects.get(namespace=NS, object_id="a").chunks.get().pk, "biochar")] == 2

    index(a="Compost feeds soil life.", b="Cover crops protect bare soil.")  # a replaced, b unchanged
    assert postings() == lexemes_in_chunks()
    assert not Posting.objects.filter(namespace=NS, lexeme="biochar").exists()

    remove_source(namespace=NS, kind=Source.Kind.EXTERNAL, object_id="b")
    assert postings() == lexemes_in_chunks()
    assert not Posting.objects.filter(namespace=NS, lexeme="cover").exists()


def expected_impact(tf: int, length: int, average: float, k1: float = 1.2, b: float = 0.75) -> float:
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))


def test_impacts_follow_the_average_length_and_bm25_parameters():
    index(
        a="Soil carbon soil carbon soil.", b="Peat stores carbon.", c="Rock dust on fields captures carbon."
    )
    stat = CorpusStat.objects.get(namespace=NS)
    assert stat.impact_average_length == pytest.approx(stat.average_length)

    def check(k1: float, b: float) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT p.tf, length(c.search_vector), p.impact FROM knowledge_posting p "
                "JOIN knowledge_chunk c ON c.id = p.chunk_id WHERE p.namespace = %s",
                [NS],
            )
            rows = cursor.fetchall()
        average = CorpusStat.objects.get(namespace=NS).average_length
        assert rows
        for tf, length, impact in rows:
            assert impact == pytest.approx(expected_impact(tf, length, average, k1, b))

    check(1.2, 0.75)
    # A much longer document moves the average length: the refresh after it recomputes every impact.
    index(d=" ".join(f"word{n}" for n in range(200)))
    assert CorpusStat.objects.get(namespace=NS).impact_average_length > 2 * stat.average_length
    check(1.2, 0.75)
    with override_settings(SEARCH_BM25_K1=2.0, SEARCH_BM25_B=0.3):
        assert maintain_keyword_statistics(NS)
        check(2.0, 0.3)


def test_keyword_ranking_is_bm25_rare_words_count_more():
    index(
        rare="Glomalin binds soil aggregates.",
        common1="Soil soil soil carbon in farm soil.",
        common2="Soil carbon and soil water.",
        both="Glomalin and soil carbon in farm soil.",
    )
    order = [r.object_id for r in search(SearchQuery("glomalin soil", "keyword", namespace=NS)).results]
    # BM25 by hand from the tsvectors (tf, distinct lexemes) and the corpus, not from the stored postings.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.object_id, length(c.search_vector), u.lexeme, coalesce(array_length(u.positions, 1), 1) "
            "FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id, unnest(c.search_vector) u "
            "WHERE c.namespace = %s",
            [NS],
        )
        rows = cursor.fetchall()
    lengths = {doc: length for doc, length, _, _ in rows}
    average = sum(lengths.values()) / len(lengths)
    df = {word: sum(1 for _, _, lexeme, _ in rows if lexeme == word) for word in ("glomalin", "soil")}
    idf = {word: math.log(1 + (4 - n + 0.5) / (n + 0.5)) for word, n in df.items()}
    score = dict.fromkeys(lengths, 0.0)
    for doc, length, lexeme, tf in rows:
        if lexeme in idf:
            score[doc] += idf[lexeme] * expected_impact(tf, length, average)
    assert order == sorted(score, key=lambda doc: -score[doc])
    # The rare word weighs most: both glomalin documents come before the soil-only ones.
    assert set(order[:2]) == {"rare", "both"}


def test_each_query_word_reads_at_most_the_configured_number_of_postings():
    index(**{f"d{n}": f"Soil sample number {n} " + "soil " * n for n in range(12)})
    everything = search(SearchQuery("soil", "keyword", namespace=NS, page_size=50))
    assert everything.total == 12
    with override_settings(SEARCH_KEYWORD_TERM_POSTINGS=5):
        bounded = search(SearchQuery("soil", "keyword", namespace=NS, page_size=50))
    # The 5 strongest postings of "soil" (most occurrences) are the 5 best documents of the full ranking.
    assert bounded.total == 5
    assert [r.object_id for r in bounded.results] == [r.object_id for r in everything.results[:5]]
    assert [r.object_id for r in bounded.results] == ["d11", "d10", "d9", "d8", "d7"]


def test_every_write_keeps_document_frequencies_and_totals_exact():
    """Writes, replacements, failures and deletions move the statistics (and the spelling vocabulary) by their
    own postings and words only, and the result equals a full recount from the postings and chunks."""
    write(a="Biochar persists in sandy soils.", b="Cover crops protect bare soil.", c="Peat stores carbon.")
    write(a="Compost feeds soil life and soil carbon.", d="Biochar and compost in sandy soil.")
    record_failure(
        namespace=NS, kind=Source.Kind.EXTERNAL, object_id="c", fields={"title": "Doc c"}, error="test"
    )
    remove_source(namespace=NS, kind=Source.Kind.EXTERNAL, object_id="b")
    incremental = statistics()
    assert incremental[0]["soil"] == 2 and "peat" not in incremental[0] and "cover" not in incremental[0]
    words = vocabulary()  # the spelling vocabulary: surface words, not stems
    assert words["compost"] == 2 and words["sandy"] == 1 and "peat" not in words and "cover" not in words
    per_locale = every_vocabulary()
    recount_keyword_statistics(NS)
    assert statistics() == incremental
    assert vocabulary() == words and every_vocabulary() == per_locale
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), sum(length(search_vector)) FROM knowledge_chunk WHERE namespace = %s", [NS]
        )
        assert tuple(cursor.fetchone()) == incremental[1]


def test_an_editors_write_never_rewrites_other_postings():
    """Even when it moves the average length far past the drift threshold, a write leaves the stored impacts of
    every other source alone: only maintenance (reindex, refresh_keyword_stats, the worker) recomputes them."""
    index(a="Soil carbon soil carbon soil.", b="Peat stores carbon.")

    def impacts():
        return {
            (chunk, lexeme): impact
            for chunk, lexeme, impact in Posting.objects.filter(namespace=NS)
            .exclude(chunk__source__object_id="long")
            .values_list("chunk_id", "lexeme", "impact")
        }

    before = impacts()
    write(long=" ".join(f"word{n}" for n in range(300)))
    assert impacts() == before
    assert maintain_keyword_statistics(NS)  # now stale: maintenance recomputes
    assert impacts() != before


def test_deleting_a_source_is_set_based():
    """No chunk row (vector, tsvector) is read into Python to delete a source: its chunks and postings go with
    set-based DELETE statements."""
    write(a="Biochar persists in sandy soils for centuries. " * 40)
    with CaptureQueriesContext(connection) as queries:
        remove_source(namespace=NS, kind=Source.Kind.EXTERNAL, object_id="a")
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    assert not any("knowledge_chunk" in sql and "embedding" in sql for sql in reads), reads
    assert not Source.objects.filter(namespace=NS).exists()
    assert not Posting.objects.filter(namespace=NS).exists()
