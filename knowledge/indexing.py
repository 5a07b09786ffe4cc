"""The indexing pipeline: prepare sources (extract, chunk, hash), embed what is new, write atomically.

Work is batched across sources so the model always sees full batches, and pipelined: the model encodes one
batch in a worker thread while the calling thread writes the previous batch and prepares the next, so the
pipeline's throughput stays close to the raw `model.encode` rate (bench/indexing.py measures the ratio). A
source whose hash is unchanged is skipped before any embedding; a chunk whose text was embedded before by the same model (in any source) takes
its vector from the cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings

from .chunking import ChunkingConfig, chunk_sections
from .embeddings import current_model_key, get_embedder, text_hash
from .extraction import ExtractionError, Section
from .models import Source
from .store import cache_embeddings, cached_embeddings, ensure_vector_index, record_failure, replace_sources

logger = logging.getLogger(__name__)

# Sources per batch (reindex, evaluate_search, the benchmark): enough text for full model batches, little enough
# that the pipeline fills quickly.
BATCH_SOURCES = 128


def chunking_config(max_tokens: int) -> ChunkingConfig:
    return ChunkingConfig(
        max_tokens=max_tokens,
        chunk_tokens=min(settings.KNOWLEDGE_CHUNK_TOKENS, max_tokens - 16),
        overlap_tokens=settings.KNOWLEDGE_CHUNK_OVERLAP,
    )


def settings_fingerprint() -> list:
    """What, besides the content, changes the index: a change of model or chunk sizes re-indexes everything."""
    return [current_model_key(), settings.KNOWLEDGE_CHUNK_TOKENS, settings.KNOWLEDGE_CHUNK_OVERLAP]


def content_hash(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(json.dumps(part, sort_keys=True, default=str).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass
class PreparedSource:
    """Everything needed to write one source, before embedding."""

    namespace: str
    kind: str
    object_id: str
    fields: dict
    sections: list[Section] = field(default_factory=list)
    error: str = ""
    # A cheap hash known before extraction (pages: published revision; documents: file hash), to skip
    # unchanged sources early.
    precheck_hash: str = ""
    # Deferred extraction: only run when the precheck says the source changed (it may complete `fields`).
    loader: Callable[[], list[Section]] | None = None
    chunks: list[dict] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.namespace, self.kind, self.object_id


@dataclass
class IndexStats:
    indexed: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    chunks_written: int = 0
    embeddings_computed: int = 0
    embeddings_from_cache: int = 0

    def add(self, other: IndexStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _Batch:
    """One batch on its way through the pipeline."""

    stats: IndexStats = field(default_factory=IndexStats)
    ready: list[PreparedSource] = field(default_factory=list)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # from the cache, then the model's
    to_embed: dict[str, str] = field(default_factory=dict)  # text hash -> text, for the model
    shared: dict[str, Future] = field(default_factory=dict)  # computed by an earlier batch still in flight
    job: Future | None = None


class Indexer:
    """Turns prepared sources into index rows. One instance per run; the model loads on first real need."""

    def __init__(self, *, force: bool = False) -> None:
        self.force = force
        self.model_key = current_model_key()
        self._embedder = None

    @property
    def embedder(self):
        if self._embedder is None:
            self._embedder = get_embedder()
        return self._embedder

    def index(self, prepared: Sequence[PreparedSource]) -> IndexStats:
        """Index one batch of sources."""
        stats = IndexStats()
        for batch_stats in self.index_batches([prepared]):
            stats.add(batch_stats)
        return stats

    def index_batches(self, batches: Iterable[Sequence[PreparedSource]]) -> Iterator[IndexStats]:
        """Index batches of sources, yielding each batch's stats once it is written (in order).

        The model encodes batch N in a worker thread while this thread writes batch N-1 and prepares batch
        N+1 (database reads, extraction, chunking): the encoder is kept busy instead of waiting for that work.
        All database work stays on the calling thread (its connection, its transaction); the worker only runs
        `embed_passages`. A text shared by a batch still being encoded is not embedded again. A failed encode
        records its batch's sources as failed (and a later batch's that waited for one of its texts), to retry.
        """
        inflight: dict[str, Future] = {}  # text hash -> the encode job computing it
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed")
        pending: _Batch | None = None
        try:
            for prepared in batches:
                batch = self._plan(prepared, inflight)
                if batch.to_embed:
                    hashes = list(batch.to_embed)
                    batch.job = executor.submit(self._encode, hashes, [batch.to_embed[h] for h in hashes])
                    inflight.update(dict.fromkeys(hashes, batch.job))
                if pending is not None:
                    yield self._finish(pending, inflight)
                pending = batch
            if pending is not None:
                last, pending = pending, None
                yield self._finish(last, inflight)
        finally:
            # Stopped early (an error, an interrupt): queued encodes are dropped, a running one is not waited for.
            executor.shutdown(wait=pending is None, cancel_futures=True)

    def _plan(self, prepared: Sequence[PreparedSource], inflight: dict[str, Future]) -> _Batch:
        """Prechecks, extraction, chunking and cache look-ups: everything before the model."""
        batch = _Batch()
        stats = batch.stats
        existing = self._existing_hashes(prepared)
        todo: list[PreparedSource] = []
        for source in prepared:
            if source.error:
                self._fail(source, source.error, stats)
                continue
            if source.precheck_hash and not self.force and existing.get(source.key) == source.precheck_hash:
                stats.unchanged += 1
                continue
            todo.append(source)
        if not todo:
            return batch

        config = chunking_config(self.embedder.max_seq_length)
        for source in todo:
            if source.loader is not None:
                try:
                    source.sections = source.loader()
                except ExtractionError as exc:
                    self._fail(source, exc.reason, stats)
                    continue
            chunks = chunk_sections(
                source.sections,
                title=source.fields["title"],
                tokenizer=self.embedder.tokenizer,
                config=config,
            )
            source.chunks = [
                {
                    "position": chunk.position,
                    "heading": chunk.heading,
                    "page_number": chunk.page_number,
                    "text": chunk.text,
                    "token_count": chunk.token_count,
                    "text_hash": text_hash(chunk.embed_text),
                    "embed_text": chunk.embed_text,
                }
                for chunk in chunks
            ]
            digest = source.precheck_hash or content_hash(
                settings_fingerprint(), source.fields, [c["embed_text"] for c in source.chunks]
            )
            source.fields["content_hash"] = digest
            if not self.force and existing.get(source.key) == digest:
                stats.unchanged += 1
                continue
            if not source.chunks:
                self._fail(source, "no text to index", stats)
                continue
            batch.ready.append(source)
        if not batch.ready:
            return batch

        wanted = {chunk["text_hash"]: chunk["embed_text"] for s in batch.ready for chunk in s.chunks}
        batch.vectors = cached_embeddings(self.model_key, wanted)
        stats.embeddings_from_cache += len(batch.vectors)
        for text_key, text in wanted.items():
            if text_key in batch.vectors:
                continue
            if text_key in inflight:
                batch.shared[text_key] = inflight[text_key]
                stats.embeddings_from_cache += 1
            else:
                batch.to_embed[text_key] = text
        return batch

    def _encode(self, hashes: list[str], texts: list[str]) -> dict[str, np.ndarray]:
        return dict(zip(hashes, self.embedder.embed_passages(texts), strict=True))

    def _finish(self, batch: _Batch, inflight: dict[str, Future]) -> IndexStats:
        """Wait for the batch's vectors, then write it (one transaction)."""
        stats = batch.stats
        if not batch.ready:
            return stats
        try:
            computed = batch.job.result() if batch.job is not None else {}
            for text_key, job in batch.shared.items():
                batch.vectors[text_key] = job.result()[text_key]
        except Exception as exc:  # a model failure must never lose anything: record it, retry later
            logger.exception("Embedding failed for %d sources", len(batch.ready))
            for source in batch.ready:
                self._fail(source, f"embedding failed: {exc.__class__.__name__}: {exc}", stats)
            return stats
        finally:
            for text_key in batch.to_embed:
                inflight.pop(text_key, None)
        if computed:
            cache_embeddings(self.model_key, computed)
            batch.vectors.update(computed)
            stats.embeddings_computed += len(computed)

        for namespace in {source.namespace for source in batch.ready}:
            ensure_vector_index(self.model_key, namespace, self.embedder.dimension)
        for source in batch.ready:
            for chunk in source.chunks:
                chunk["embedding"] = batch.vectors[chunk["text_hash"]]
        replace_sources(
            [
                {
                    "namespace": source.namespace,
                    "kind": source.kind,
                    "object_id": source.object_id,
                    "fields": source.fields,
                    "chunks": source.chunks,
                }
                for source in batch.ready
            ],
            model_key=self.model_key,
        )
        stats.indexed += len(batch.ready)
        stats.chunks_written += sum(len(source.chunks) for source in batch.ready)
        return stats

    @staticmethod
    def _fail(source: PreparedSource, reason: str, stats: IndexStats) -> None:
        record_failure(
            namespace=source.namespace,
            kind=source.kind,
            object_id=source.object_id,
            fields=source.fields,
            error=reason,
        )
        stats.failed += 1

    def _existing_hashes(self, prepared: Sequence[PreparedSource]) -> dict[tuple[str, str, str], str]:
        if self.force or not prepared:
            return {}
        namespaces = {p.namespace for p in prepared}
        rows = Source.objects.filter(
            namespace__in=namespaces,
            object_id__in=[p.object_id for p in prepared],
            status=Source.Status.INDEXED,
            model_name=self.model_key,
        ).values_list("namespace", "kind", "object_id", "content_hash")
        return {(ns, kind, oid): h for ns, kind, oid, h in rows}


def batched(items: Iterable, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def external_source(*, namespace: str, object_id: str, title: str, text: str, **facets) -> PreparedSource:
    """A corpus item that is not a page or document (evaluation datasets, benchmarks)."""
    fields = {
        "title": title[:500],
        "url": "",
        "content_type": facets.pop("content_type", "external"),
        **facets,
    }
    digest = content_hash(settings_fingerprint(), fields, text)
    fields["content_hash"] = digest
    return PreparedSource(
        namespace=namespace,
        kind=Source.Kind.EXTERNAL,
        object_id=object_id,
        fields=fields,
        sections=[Section(text=text)] if text.strip() else [],
        precheck_hash=digest,
    )


def site_fields(
    *,
    title: str,
    url: str,
    facets: dict,
    page_id: int | None = None,
    document_id: int | None = None,
    audience: list[str] | None = None,
) -> dict:
    date = facets.get("date")
    return {
        "audience": list(audience or []),
        "title": title[:500],
        "url": url[:1000],
        "page_id": page_id,
        "document_id": document_id,
        "content_type": facets.get("content_type", "page"),
        "goals": list(facets.get("goals", [])),
        "objectives": list(facets.get("objectives", [])),
        "practices": list(facets.get("practices", [])),
        "regions": list(facets.get("regions", [])),
        "year": facets.get("year"),
        "language": facets.get("language", "en"),
        "locales": sorted(facets.get("locales") or [settings.LANGUAGE_CODE]),
        "date": date if isinstance(date, dt.date) else None,
    }
