"""The embedding model is loaded once per process, however many threads ask for it at once (six editors
publishing together): one load, one object, the same float32 vectors in every thread, in either precision.

Each case runs in a fresh process, where the model is not loaded yet: the test process has long loaded its own.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.ops.servers import ROOT, child_env

THREADS = 6

PROBE = """
import json, logging, threading
import django

django.setup()
import numpy as np
import sentence_transformers

constructed = []


class CountedSentenceTransformer(sentence_transformers.SentenceTransformer):
    def __init__(self, *args, **kwargs):
        constructed.append(threading.get_ident())
        super().__init__(*args, **kwargs)


sentence_transformers.SentenceTransformer = CountedSentenceTransformer


class Collect(logging.Handler):
    messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


log = logging.getLogger("knowledge.embeddings")
log.setLevel(logging.INFO)
log.addHandler(Collect())

from knowledge.embeddings import get_embedder

TEXTS = ["cover crops", "Agroforesterie et carbone du sol", "no-till 5 < 6 & mulch"]
threads = {threads}
barrier = threading.Barrier(threads)
results = [None] * threads
errors = []


def work(number):
    try:
        barrier.wait()
        embedder = get_embedder()
        passages = embedder.embed_passages(TEXTS)
        queries = [embedder.embed_query(text) for text in TEXTS]
        results[number] = (embedder, passages, queries)
    except Exception as exc:
        errors.append(f"{{exc.__class__.__name__}}: {{exc}}")


workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
done = [r for r in results if r is not None]
embedder = done[0][0] if done else None
print(json.dumps({{
    "errors": errors,
    "constructed": len(constructed),
    "loaded_lines": sum(m.startswith("Loaded embedding model") for m in Collect.messages),
    "exported_lines": sum("(exported in" in m for m in Collect.messages),
    "embedders": len({{id(r[0]) for r in done}}),
    "dtype": embedder.dtype if embedder else None,
    "parameter_dtypes": sorted({{str(p.dtype) for p in embedder.model.parameters()}}) if embedder else [],
    "query_backend": embedder.query_backend if embedder else None,
    "types": sorted({{f"{{type(v).__name__}}:{{v.dtype}}" for r in done for v in [r[1], *r[2]]}}),
    "passages_equal": all(np.array_equal(r[1], done[0][1]) for r in done),
    "queries_equal": all(np.array_equal(np.stack(r[2]), np.stack(done[0][2])) for r in done),
    "query_passage_cosine": min(float(np.dot(q, p)) for r in done for q, p in zip(r[2], r[1])) if done else 0,
}}))
"""


def load_in_threads(dtype: str, onnx_dir) -> dict:
    env = child_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        EMBEDDING_DTYPE=dtype,
        EMBEDDING_QUERY_BACKEND="onnxruntime",
        EMBEDDING_ONNX_DIR=str(onnx_dir),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(threads=THREADS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("dtype", "query_backend"),
    [("float32", "onnxruntime"), ("bfloat16", "torch")],  # bfloat16: queries stay on torch (README)
)
def test_concurrent_first_calls_load_the_model_once(dtype, query_backend, tmp_path):
    """float32 also exports the ONNX query graph (into an empty directory) during the load: once as well."""
    outcome = load_in_threads(dtype, tmp_path)
    assert outcome["errors"] == []
    assert outcome["constructed"] == 1 and outcome["loaded_lines"] == 1
    assert outcome["embedders"] == 1, "every thread gets the same embedder"
    assert outcome["dtype"] == dtype and outcome["parameter_dtypes"] == [f"torch.{dtype}"]
    assert outcome["query_backend"] == query_backend
    assert outcome["exported_lines"] == (1 if query_backend == "onnxruntime" else 0)
    assert outcome["types"] == ["ndarray:float32"]
    assert outcome["passages_equal"] and outcome["queries_equal"]
    assert outcome["query_passage_cosine"] > 0.99
