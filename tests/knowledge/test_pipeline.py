"""The pipelined indexer: the model encodes one batch in a worker thread while the next batch is prepared and
the previous one written; nothing is embedded twice across batches in flight, and a failed batch loses only
itself."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from knowledge.embeddings import get_embedder
from knowledge.indexing import Indexer, PreparedSource, external_source
from knowledge.models import Chunk, EmbeddingCache, Source

pytestmark = pytest.mark.django_db

NS = "test-pipeline"


@pytest.fixture
def encoded(monkeypatch):
    """Records every text handed to the real model, and the thread that encoded it."""
    embedder = get_embedder()
    real = embedder.embed_passages
    calls: list[tuple[str, list[str]]] = []

    def recording(texts, **kwargs):
        calls.append((threading.current_thread().name, list(texts)))
        return real(texts, **kwargs)

    monkeypatch.setattr(embedder, "embed_passages", recording)
    return calls


def source(key: str, text: str, *, title: str | None = None) -> PreparedSource:
    return external_source(namespace=NS, object_id=key, title=title or f"Note {key}", text=text)


def indexed() -> set[str]:
    return set(Source.objects.filter(namespace=NS, status="indexed").values_list("object_id", flat=True))


def test_batches_are_written_in_order_and_shared_texts_are_embedded_once(encoded):
    shared = "Mulching keeps soil moisture in dry seasons and feeds soil organisms."
    batches = [
        [source("a", "Biochar persists in sandy soils."), source("s1", shared, title="Shared")],
        [source("b", "Cover crops protect bare soil in winter."), source("s2", shared, title="Shared")],
        [source("s3", shared, title="Shared")],
    ]
    yielded = list(Indexer().index_batches(batches))

    assert [stats.indexed for stats in yielded] == [2, 2, 1]
    assert indexed() == {"a", "s1", "b", "s2", "s3"}
    texts = [text for _, call in encoded for text in call]
    assert len(texts) == len(set(texts)) == 3  # a, b and the shared text once, though three batches carry it
    assert {thread for thread, _ in encoded} == {"embed_0"}  # the model runs off the calling thread
    assert sum(stats.embeddings_computed for stats in yielded) == 3
    assert [stats.embeddings_from_cache for stats in yielded] == [0, 1, 1]
    shared_vectors = {
        chunk.source.object_id: np.asarray(chunk.embedding, dtype=np.float32)
        for chunk in Chunk.objects.filter(namespace=NS, source__object_id__in=["s1", "s2", "s3"])
    }
    assert len(shared_vectors) == 3
    assert np.allclose(shared_vectors["s1"], shared_vectors["s2"], atol=1e-3)
    assert np.allclose(shared_vectors["s1"], shared_vectors["s3"], atol=1e-3)
    assert EmbeddingCache.objects.count() >= 3


def test_next_batch_is_prepared_while_the_model_encodes(encoded, monkeypatch):
    """Batch 2's extraction must run while batch 1 is still being encoded: the encode waits for it (a
    sequential indexer would never get there and the wait would time out)."""
    embedder = get_embedder()
    recording = embedder.embed_passages
    second_prepared = threading.Event()

    def slow_first(texts, **kwargs):
        if any("Biochar" in text for text in texts):
            assert second_prepared.wait(timeout=60), "batch 2 was not prepared during batch 1's encode"
        return recording(texts, **kwargs)

    monkeypatch.setattr(embedder, "embed_passages", slow_first)
    later = source("b", "Cover crops protect bare soil in winter.")
    sections = later.sections
    later.loader = lambda: (second_prepared.set(), sections)[1]
    later.sections = []

    yielded = list(Indexer().index_batches([[source("a", "Biochar persists in sandy soils.")], [later]]))

    assert [stats.indexed for stats in yielded] == [1, 1]
    assert indexed() == {"a", "b"}


def test_a_failed_encode_loses_only_its_batch(encoded, monkeypatch):
    embedder = get_embedder()
    recording = embedder.embed_passages

    def failing(texts, **kwargs):
        if any("Peatland" in text for text in texts):
            raise RuntimeError("out of memory while encoding")
        return recording(texts, **kwargs)

    monkeypatch.setattr(embedder, "embed_passages", failing)
    batches = [
        [source("a", "Biochar persists in sandy soils.")],
        [source("p", "Peatland rewetting stops carbon losses.")],
        [source("c", "Compost feeds soil life.")],
    ]
    yielded = list(Indexer().index_batches(batches))

    assert [(stats.indexed, stats.failed) for stats in yielded] == [(1, 0), (0, 1), (1, 0)]
    assert indexed() == {"a", "c"}
    failed = Source.objects.get(namespace=NS, object_id="p")
    assert failed.status == "failed"
    assert "RuntimeError: out of memory while encoding" in failed.error
    assert not Chunk.objects.filter(source=failed).exists()

    monkeypatch.setattr(embedder, "embed_passages", recording)
    retried = Indexer().index([source("p", "Peatland rewetting stops carbon losses.")])
    assert retried.indexed == 1 and indexed() == {"a", "c", "p"}
