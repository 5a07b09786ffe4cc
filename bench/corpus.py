"""Benchmark data shared by bench/search.py and bench/scale.py: real SciFact text, real embeddings, and vectors
derived from them (never uniform noise, on which ANN recall means nothing).

  * base set: real chunk embeddings of SciFact abstracts (all-MiniLM-L6-v2), read from the dev database's
    eval-scifact namespace when `manage.py evaluate_search` has filled it, otherwise embedded here (title + up to
    5 sentences per passage, the density of the pipeline's chunks) and kept in .data/bench-base-vectors.npz;
  * derived vectors: v = normalise(b_i + 0.3 * b_j + N(0, (0.1 * std_d)^2)), b_i a base chunk of the source's
    abstract, b_j a random other base chunk, std_d the per-dimension std of the base set: the clusters and
    anisotropy of real embeddings;
  * chunk text: 2-4 consecutive real sentences of the same abstract as b_i (text and vector agree);
  * queries: SciFact claims (queries.train.jsonl), embedded with the real model, never indexed.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "eval" / "scifact"
DEV_DATA_DIR = ROOT / ".data" / "postgres"
BASE_CACHE = ROOT / ".data" / "bench-base-vectors.npz"
SEED = 20240601
CHUNKS_PER_SOURCE = 5
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])")


def load_corpus() -> dict[str, dict]:
    corpus = {}
    with open(SCIFACT / "corpus.jsonl") as handle:
        for line in handle:
            doc = json.loads(line)
            sentences = [s.strip() for s in SENTENCE_END.split(doc["text"]) if len(s.strip()) > 20]
            if len(sentences) >= 2:
                corpus[doc["_id"]] = {"title": doc["title"].strip() or doc["_id"], "sentences": sentences}
    return corpus


def base_from_dev_database() -> tuple[list[str], np.ndarray] | None:
    """Real chunk embeddings of the SciFact abstracts from the dev database's eval namespace (read only)."""
    pid_file = DEV_DATA_DIR / "postmaster.pid"
    if not pid_file.exists():
        return None
    lines = pid_file.read_text().splitlines()
    try:
        import psutil

        if not psutil.pid_exists(int(lines[0])):
            return None
        import psycopg

        with psycopg.connect(host=lines[4], user="postgres", dbname="soilhub", connect_timeout=5) as conn:
            conn.read_only = True
            rows = conn.execute(
                "SELECT s.object_id, c.embedding::text FROM knowledge_chunk c "
                "JOIN knowledge_source s ON s.id = c.source_id "
                "WHERE c.namespace = 'eval-scifact' AND c.model_name = 'all-MiniLM-L6-v2' ORDER BY c.id"
            ).fetchall()
    except Exception as exc:  # noqa: BLE001 - any failure: embed ourselves
        print(f"  (dev database not readable: {exc.__class__.__name__}: {exc})")
        return None
    if len(rows) < 2000:
        return None
    doc_ids = [row[0] for row in rows]
    vectors = np.array([json.loads(row[1]) for row in rows], dtype=np.float32)
    return doc_ids, vectors


def base_by_embedding(corpus: dict[str, dict], count: int = 0) -> tuple[list[str], np.ndarray]:
    """Real embeddings of chunk-like passages (title + up to 5 consecutive sentences) of `count` abstracts (0 =
    all): the same density as the pipeline's chunks of SciFact, so each base vector is shared by as few derived
    vectors as with the dev database's chunks (a few abstracts, one vector each, would make near-duplicate
    clusters on which the top 10 is a tie-break)."""
    from knowledge.embeddings import get_embedder

    rng = np.random.default_rng(SEED)
    ids = sorted(corpus)
    if count:
        ids = [ids[i] for i in sorted(rng.choice(len(ids), size=min(count, len(ids)), replace=False))]
    doc_ids, texts = [], []
    for doc_id in ids:
        doc = corpus[doc_id]
        for start in range(0, len(doc["sentences"]), 5):
            doc_ids.append(doc_id)
            texts.append(doc["title"] + ". " + " ".join(doc["sentences"][start : start + 5]))
    started = time.perf_counter()
    vectors = get_embedder().embed_passages(texts, show_progress=True)
    print(
        f"  embedded {len(texts)} base chunks of {len(ids)} abstracts in {time.perf_counter() - started:.0f} s"
    )
    return doc_ids, vectors


def base_vectors(corpus: dict[str, dict]) -> tuple[list[str], np.ndarray, str]:
    """The base set and where it came from: the dev database, the file kept from an earlier run, or embedded now
    (and kept)."""
    if BASE_CACHE.exists():
        data = np.load(BASE_CACHE, allow_pickle=False)
        return [str(x) for x in data["doc_ids"]], data["vectors"], f"{BASE_CACHE.relative_to(ROOT)}"
    found = base_from_dev_database()
    origin = "real chunk embeddings of SciFact abstracts (the dev database's eval-scifact namespace)"
    if found is None:
        found = base_by_embedding(corpus)
        origin = "passages of every SciFact abstract (title + up to 5 sentences) embedded here"
    BASE_CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(BASE_CACHE, doc_ids=np.array(found[0]), vectors=found[1])
    return found[0], found[1], f"{len(found[0]):,} {origin}"


class Deriver:
    """Derived sources, deterministic per source number (so a build can be made in batches, or resumed)."""

    def __init__(self, corpus: dict[str, dict], base_ids: list[str], base: np.ndarray) -> None:
        self.corpus = corpus
        self.base = base
        self.by_doc: dict[str, list[int]] = {}
        for index, doc_id in enumerate(base_ids):
            if doc_id in corpus:
                self.by_doc.setdefault(doc_id, []).append(index)
        self.docs = sorted(self.by_doc)
        self.std = base.std(axis=0)

    def source(self, number: int) -> tuple[str, str, list[tuple[str, np.ndarray]]]:
        """(doc id, title, [(text, vector)] * CHUNKS_PER_SOURCE) of source `number`."""
        rng = np.random.default_rng([SEED, number])
        doc_id = self.docs[number % len(self.docs)]
        sentences = self.corpus[doc_id]["sentences"]
        chunks = []
        for _ in range(CHUNKS_PER_SOURCE):
            length = int(rng.integers(2, 5))
            start = int(rng.integers(0, max(1, len(sentences) - length + 1)))
            text = " ".join(sentences[start : start + length])
            i = self.by_doc[doc_id][int(rng.integers(len(self.by_doc[doc_id])))]
            j = int(rng.integers(len(self.base)))
            vector = self.base[i] + 0.3 * self.base[j] + rng.normal(size=self.std.shape) * self.std * 0.1
            chunks.append((text, (vector / np.linalg.norm(vector)).astype(np.float32)))
        return doc_id, self.corpus[doc_id]["title"], chunks


def load_queries(count: int, warmup: int) -> list[str]:
    with open(SCIFACT / "queries.train.jsonl") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    rng = np.random.default_rng(SEED + 1)
    picked = rng.choice(len(texts), size=min(count + warmup, len(texts)), replace=False)
    return [texts[i] for i in picked]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low, high = int(np.floor(k)), int(np.ceil(k))
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# The benchmarks COPY chunks into a temporary table (source_id, position, text, token_count, text_hash, embedding)
# and insert them with knowledge.store.insert_chunks_sql over this relation: no heading, page or folded text
# (English sources only).
BENCH_ROWS_IN = (
    "(SELECT source_id, position, ''::text AS heading, NULL::int AS page_number, text, token_count, text_hash, "
    "embedding, ''::text AS folded FROM {table}) AS i"
)


def bulk_standard_pages(parent, rows: list[tuple[str, str]], *, slug_prefix: str, first: int = 0) -> list:
    """Live StandardPages under `parent`, written in bulk the way treebeard would write them (materialised paths
    from `Page._get_path`, url_path, locale, translation key; base rows by `bulk_create`, StandardPage rows by
    COPY): `parent.add_child()` costs ~50 ms a page here, 20 minutes for 20,000. rows: (title, intro) of pages
    number `first`, `first + 1`, ...; no signal fires. The caller sets the parent's numchild and runs in a
    transaction."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from cms.models import StandardPage

    content_type = ContentType.objects.get_for_model(StandardPage)
    pages = Page.objects.bulk_create(
        [
            Page(
                path=Page._get_path(parent.path, parent.depth + 1, number + 1),
                depth=parent.depth + 1,
                numchild=0,
                title=title[:255],
                draft_title=title[:255],
                slug=f"{slug_prefix}-{number}",
                url_path=f"{parent.url_path}{slug_prefix}-{number}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
            )
            for number, (title, _) in enumerate(rows, start=first)
        ],
        batch_size=5000,
    )
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy("COPY cms_standardpage (page_ptr_id, intro, body) FROM STDIN") as copy,
    ):
        for page, (_, intro) in zip(pages, rows, strict=True):
            copy.write_row((page.pk, intro, "[]"))
    return pages
