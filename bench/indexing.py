"""Indexing benchmark: the pipeline's chunks/s against the raw `model.encode` rate on the same texts.

    .venv/bin/python bench/indexing.py [--docs N] [--skip-demo] [--rounds R] [--profile]

Runs against its OWN embedded PostgreSQL (a fresh temporary data directory, removed at exit; `--db-dir` to
keep one) and its own MEDIA_ROOT, so the development database and media are never touched.

For each corpus (the first N SciFact abstracts; the demo site's pages and PDFs) and each round it measures:
  * pipeline: the full indexing run from an empty index and an empty embedding cache (preparing sources,
    chunking with the model's tokenizer, hashing, cache look-ups, embedding, writing sources/chunks, the
    tsvector UPDATE and the HNSW index maintenance);
  * raw: one `model.encode(texts, batch_size=EMBEDDING_BATCH_SIZE, normalize_embeddings=True)` call on
    exactly the texts the pipeline embedded (recorded from inside the pipeline's embed_passages calls);
  * re-run: the pipeline again over the unchanged content (everything must be skipped);
  * forced run: every source rewritten with every vector from the embedding cache: all the pipeline's work
    except the model (extraction, chunking, hashing, writes), which bounds the ratio on a machine whose cores
    the model already keeps busy.
The pipeline encodes batch N in a worker thread while the calling thread writes batch N-1 and prepares N+1.
The model is warmed up once before anything is timed. Rounds alternate the order (odd rounds pipeline first,
even rounds raw first) so that neither side systematically gets the quieter moment of a shared machine.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from machine import describe  # bench/machine.py, next to this script

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "eval" / "scifact" / "corpus.jsonl"
NAMESPACE = "bench-scifact"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1500, help="SciFact documents to index (0 = all 5,183)")
    parser.add_argument("--skip-demo", action="store_true", help="skip the demo-content corpus")
    parser.add_argument("--skip-scifact", action="store_true", help="skip the SciFact corpus")
    parser.add_argument("--rounds", type=int, default=2, help="measurements of each figure (default 2)")
    parser.add_argument("--db-dir", help="embedded PostgreSQL data directory to use (default: a temp dir)")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the demo re-run (unchanged content) at the end"
    )
    return parser.parse_args()


def setup_django(args: argparse.Namespace) -> None:
    base = Path(tempfile.mkdtemp(prefix="soilhub-bench-"))
    base.chmod(0o755)  # as root, the embedded server runs as the `pgserver` user: it must reach its directory
    # Registered before Django starts the server: atexit runs in reverse order, so this runs after the stop.
    atexit.register(shutil.rmtree, base, ignore_errors=True)
    os.environ.pop("DATABASE_URL", None)  # never benchmark against a configured (real) database
    os.environ["EMBEDDED_POSTGRES_DIR"] = str(
        Path(args.db_dir).resolve() if args.db_dir else base / "postgres"
    )
    os.environ["MEDIA_ROOT"] = str(base / "media")  # the demo loader writes its PDFs there
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- Instrumentation --------------------------------------------------------------------------------------


class EncodeRecorder:
    """Wraps the shared Embedder's embed_passages: records the texts the pipeline embeds and the time spent."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.original = embedder.embed_passages
        self.texts: list[str] = []
        self.calls: list[int] = []
        self.seconds = 0.0
        embedder.embed_passages = self._embed  # instance attribute: Indexer uses the same cached instance

    def reset(self) -> None:
        self.texts, self.calls, self.seconds = [], [], 0.0

    def _embed(self, texts, **kwargs):
        start = time.perf_counter()
        try:
            return self.original(texts, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
            self.texts.extend(texts)
            self.calls.append(len(texts))


def thread_scaling(embedder) -> str:
    """How well the model uses the cores: the same encode on one torch thread and on all of them."""
    import torch

    texts = [doc["title"] + ". " + doc["text"] for doc in load_scifact(256)]
    threads = torch.get_num_threads()
    times = {}
    try:
        for n in sorted({1, threads}):
            torch.set_num_threads(n)
            times[n] = raw_encode(embedder, texts)
    finally:
        torch.set_num_threads(threads)
    return (
        f"- model on 1 torch thread {times[1]:.1f} s, on {threads} threads {times[threads]:.1f} s "
        f"(256 abstracts): {times[1] / times[threads]:.2f}x\n"
    )


def raw_encode(embedder, texts: list[str]) -> float:
    start = time.perf_counter()
    embedder.model.encode(
        texts,
        batch_size=embedder.batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return time.perf_counter() - start


def padded_tokens(embedder, texts: list[str], groups: list[int]) -> tuple[int, int, int]:
    """(real tokens, padded tokens if encoded in one call, padded tokens as the pipeline's calls) for texts.

    `encode` sorts by length within a call, so many small calls pad more than one big call: a cost of
    batching by sources that no timing breakdown shows.
    """
    tokenizer, limit, bs = embedder.tokenizer, embedder.max_seq_length, embedder.batch_size
    lengths = [min(len(ids), limit) for ids in tokenizer(texts, add_special_tokens=True)["input_ids"]]

    def padded(chunk: list[int]) -> int:
        chunk = sorted(chunk, reverse=True)
        return sum(max(chunk[i : i + bs]) * len(chunk[i : i + bs]) for i in range(0, len(chunk), bs))

    grouped, start = 0, 0
    for size in groups:
        grouped += padded(lengths[start : start + size])
        start += size
    return sum(lengths), padded(lengths), grouped


def clear_index(namespace: str) -> None:
    from knowledge.models import EmbeddingCache, Source

    Source.objects.filter(namespace=namespace).delete()
    EmbeddingCache.objects.all().delete()


# --- Corpora ----------------------------------------------------------------------------------------------


def load_scifact(limit: int) -> list[dict]:
    docs = []
    with SCIFACT.open() as handle:
        for line in handle:
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def index_scifact(docs: list[dict], force: bool = False):
    from knowledge.indexing import BATCH_SOURCES, Indexer, IndexStats, batched, external_source

    stats = IndexStats()
    indexer = Indexer(force=force)
    batches = (
        [
            external_source(namespace=NAMESPACE, object_id=d["_id"], title=d["title"], text=d["text"])
            for d in batch
        ]
        for batch in batched(docs, BATCH_SOURCES)
    )
    for batch_stats in indexer.index_batches(batches):
        stats.add(batch_stats)
    return stats


def index_demo(force: bool = False):
    from knowledge.sync import iter_site_work, reindex_site

    return reindex_site(iter_site_work(), force=force)


def measure(name: str, run_pipeline, namespace: str, recorder, embedder, rounds: int) -> list[dict]:
    results = []
    texts_ref: list[str] | None = None
    for round_no in range(1, rounds + 1):
        clear_index(namespace)
        pipeline_first = round_no % 2 == 1 or texts_ref is None
        raw_s = None
        if not pipeline_first:
            raw_s = raw_encode(embedder, texts_ref)
        recorder.reset()
        start = time.perf_counter()
        stats = run_pipeline()
        pipe_s = time.perf_counter() - start
        texts, calls, encode_in_pipe = list(recorder.texts), list(recorder.calls), recorder.seconds
        if texts_ref is not None and sorted(texts) != sorted(texts_ref):
            print(f"  WARNING: {name} round {round_no} embedded different texts than round 1", flush=True)
        texts_ref = texts
        if pipeline_first:
            raw_s = raw_encode(embedder, texts)
        recorder.reset()
        start = time.perf_counter()
        rerun = run_pipeline()
        rerun_s = time.perf_counter() - start
        if recorder.texts or rerun.indexed:
            print(f"  WARNING: the re-run re-indexed {rerun.indexed} sources / {len(recorder.texts)} texts")
        # Everything but the model: a forced run rewrites every source with every vector from the cache.
        recorder.reset()
        start = time.perf_counter()
        run_pipeline(force=True)
        work_s = time.perf_counter() - start
        if recorder.texts:
            print(f"  WARNING: the forced run embedded {len(recorder.texts)} texts")
        tokens = padded_tokens(embedder, texts, calls)
        row = {
            "corpus": name,
            "round": round_no,
            "order": "pipeline, raw" if pipeline_first else "raw, pipeline",
            "sources": stats.indexed,
            "failed": stats.failed,
            "chunks": stats.chunks_written,
            "embedded": len(texts),
            "encode_calls": len(calls),
            "pipeline_s": pipe_s,
            "encode_in_pipeline_s": encode_in_pipe,
            "raw_s": raw_s,
            "pipeline_cps": stats.chunks_written / pipe_s,
            "raw_cps": len(texts) / raw_s,
            "rerun_s": rerun_s,
            "work_s": work_s,
            "tokens": tokens,
            "load": os.getloadavg()[0],
        }
        # Same texts on both sides; the pipeline also writes duplicate chunks it embedded once, so compare
        # rates per embedded text (time for the same work), which is what the >= 90% target means.
        row["ratio"] = raw_s / pipe_s
        row["rerun_pct"] = 100 * rerun_s / pipe_s
        results.append(row)
        print(
            f"  {name} round {round_no} ({row['order']}): pipeline {pipe_s:.1f} s "
            f"({row['pipeline_cps']:.1f} chunks/s, of which encode {encode_in_pipe:.1f} s), "
            f"raw encode {raw_s:.1f} s ({row['raw_cps']:.1f} chunks/s), ratio {row['ratio']:.3f}, "
            f"re-run {rerun_s:.2f} s = {row['rerun_pct']:.2f}%, load {row['load']:.2f}",
            flush=True,
        )
    return results


def profile_run(title: str, run) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    print(f"\n### cProfile: {title} (top 30 by cumulative time)\n\n```")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    print("```")


# --- Report -----------------------------------------------------------------------------------------------


def machine_info(embedder) -> list[str]:
    import django
    import sentence_transformers
    import torch
    import transformers
    from django.conf import settings

    return [
        f"- machine: {describe()}; torch threads = {torch.get_num_threads()}",
        f"- python {platform.python_version()}, torch {torch.__version__}, transformers {transformers.__version__}, "
        f"sentence-transformers {sentence_transformers.__version__}, Django {django.get_version()}",
        f"- EMBEDDING_MODEL={settings.EMBEDDING_MODEL} EMBEDDING_BACKEND={settings.EMBEDDING_BACKEND} "
        f"EMBEDDING_DTYPE={settings.EMBEDDING_DTYPE} ({embedder.dtype}) EMBEDDING_BATCH_SIZE={settings.EMBEDDING_BATCH_SIZE}; "
        f"max_seq_length {embedder.max_seq_length}; chunks {settings.KNOWLEDGE_CHUNK_TOKENS} tokens, "
        f"overlap {settings.KNOWLEDGE_CHUNK_OVERLAP}",
    ]


def print_table(results: list[dict]) -> None:
    print(
        "\n| corpus | round | order | sources | chunks | embedded | pipeline s | pipeline chunks/s "
        "| encode inside pipeline s | raw encode s | raw chunks/s | ratio | re-run s | re-run % |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['corpus']} | {r['round']} | {r['order']} | {r['sources']} | {r['chunks']} | {r['embedded']} "
            f"| {r['pipeline_s']:.1f} | {r['pipeline_cps']:.1f} | {r['encode_in_pipeline_s']:.1f} "
            f"| {r['raw_s']:.1f} | {r['raw_cps']:.1f} | {r['ratio']:.3f} | {r['rerun_s']:.2f} "
            f"| {r['rerun_pct']:.2f} |"
        )
    print(
        "\nratio = raw encode time / pipeline time on the same texts (target >= 0.90); "
        "re-run % = re-run time / first-run time (target <= 5%)."
    )
    print("\nWhere the pipeline's time goes (per corpus, last round):\n")
    seen = {}
    for r in results:
        seen[r["corpus"]] = r
    for r in seen.values():
        real, one_call, grouped = r["tokens"]
        outside = r["pipeline_s"] - r["encode_in_pipeline_s"]
        ceiling = r["raw_s"] / (r["raw_s"] + r["work_s"])
        print(
            f"- {r['corpus']}: the model (worker thread) encoded for {r['encode_in_pipeline_s']:.1f} s in "
            f"{r['encode_calls']} calls, {100 * (r['encode_in_pipeline_s'] / r['raw_s'] - 1):+.0f}% against the raw "
            f"call: padding {100 * (grouped / one_call - 1):+.1f}% ({grouped:,} padded tokens as the pipeline's "
            f"calls vs {one_call:,} in one call, {real:,} real), the rest is the work overlapped with it sharing "
            f"the cores; outside any encode (first batch prepared, last batch written) {outside:.1f} s.\n"
            f"  Everything but the model alone (a forced re-index, every vector from the cache): "
            f"{r['work_s']:.1f} s = {100 * r['work_s'] / r['raw_s']:.0f}% of the raw encode time. When the "
            f"model already keeps every core busy, overlapping cannot hide CPU work: the ratio is then at most about "
            f"raw / (raw + that work) = {ceiling:.2f} (the forced run also reads cached vectors, deletes old rows)."
        )
    if any(r["failed"] for r in results):
        print(
            "\nWARNING: some sources failed: " + ", ".join(f"{r['corpus']}: {r['failed']}" for r in results)
        )


def main() -> None:
    args = parse_args()
    t0 = time.perf_counter()
    setup_django(args)
    print(f"# Indexing benchmark ({time.strftime('%Y-%m-%d %H:%M')})\n")
    print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    print(f"Fresh embedded database migrated in {time.perf_counter() - t0:.1f} s.\n")

    from knowledge.embeddings import get_embedder
    from knowledge.indexing import BATCH_SOURCES
    from knowledge.models import SITE_NAMESPACE

    embedder = get_embedder()
    recorder = EncodeRecorder(embedder)
    for line in machine_info(embedder):
        print(line)
    print()
    # Warm-up, untimed: first calls allocate and pick kernels.
    raw_encode(embedder, ["warm-up passage about soil organic carbon and cover crops " * 20] * 64)
    print(thread_scaling(embedder))

    results = []
    docs = []
    if not args.skip_scifact:
        docs = load_scifact(args.docs)
        print(
            f"SciFact: first {len(docs)} abstracts, Indexer.index_batches over batches of {BATCH_SOURCES} sources"
        )
        results += measure(
            "scifact",
            lambda force=False: index_scifact(docs, force),
            NAMESPACE,
            recorder,
            embedder,
            args.rounds,
        )
    if not args.skip_demo:
        from django.core.management import call_command

        start = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_content", "--skip-index", verbosity=0, stdout=quiet)
        print(f"Demo content loaded in {time.perf_counter() - start:.1f} s; reindex_site(iter_site_work())")
        results += measure("demo", index_demo, SITE_NAMESPACE, recorder, embedder, args.rounds)

    print_table(results)
    if args.profile and not args.skip_demo:
        profile_run("demo re-run over unchanged content", index_demo)
    print(f"\nTotal benchmark time {time.perf_counter() - t0:.0f} s.")


if __name__ == "__main__":
    main()
