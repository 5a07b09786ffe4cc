"""Single-query embeddings through ONNX Runtime, with the vectors of torch float32.

The sentence-transformers model's transformer, mean pooling and L2 normalisation are exported locally, once, to
one ONNX graph (`torch.onnx.export`, TorchScript exporter) and cached on disk; nothing is downloaded. On this
project's AVX2 machines it embeds one query several times faster than torch (bench/results/embedding_backends.md)
and its vectors match torch's (cosine >= 0.99999), so the stored index, embedded by torch, stays valid.
Passages stay on torch: in batches onnxruntime was not faster enough to matter (same file).

Django-free: bench/embedding_backends.py exports and runs the same graph.
"""

from __future__ import annotations

import copy
import hashlib
import os
import tempfile
import threading
import warnings
from pathlib import Path

import numpy as np

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Part of the cache file name: bump it when export_onnx changes what it writes.
EXPORT_FORMAT = 1


def check_exportable(model) -> None:
    """The export reproduces Transformer -> mean Pooling -> Normalize (the bundled model); refuse anything else."""
    names = [type(module).__name__ for module in model]
    pooling = model[1].get_config_dict().get("pooling_mode") if len(names) > 1 else None
    if names != ["Transformer", "Pooling", "Normalize"] or pooling != "mean":
        raise ValueError(f"only Transformer -> mean Pooling -> Normalize models are exported, not {names}")
    if not set(INPUTS) <= set(model.preprocess(["probe"])):
        raise ValueError(f"the tokenizer does not produce {', '.join(INPUTS)}")


def export_onnx(model, path: Path) -> None:
    """Write `model` (a float32 sentence-transformers model) to `path` as one graph: token ids -> unit vectors."""
    import torch

    check_exportable(model)

    class Graph(torch.nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    sample = model.preprocess(["soil organic carbon", "a longer sentence about cover crops and soil health"])
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    # The tracer warns about branches it freezes (causal mask, KV-cache padding): constant for this encoder, and
    # the graph is compared with torch (load_query_encoder, the tests, the benchmark) before it serves.
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Graph(model[0].auto_model).eval(),
            tuple(sample[name] for name in INPUTS),
            str(path),
            input_names=list(INPUTS),
            output_names=["sentence_embedding"],
            dynamic_axes={**axes, "sentence_embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )


def model_fingerprint(model_dir: str) -> str:
    """Names, sizes and mtimes of the model's files and the torch version: what the exported graph depends on."""
    import torch

    digest = hashlib.sha256(f"{EXPORT_FORMAT} {torch.__version__}".encode())
    root = Path(model_dir)
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        stat = file.stat()
        digest.update(f"{file.relative_to(root)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached_onnx(model, model_dir: str, cache_dir: Path) -> tuple[Path, bool]:
    """(path of the exported graph of `model`, whether it was exported now); exported once, then read back."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"{Path(model_dir).name}-{model_fingerprint(model_dir)}.onnx"
    if path.exists():
        return path, False
    # Several processes (gunicorn workers) may export at once: each writes its own file, then renames it.
    handle, partial = tempfile.mkstemp(dir=cache_dir, suffix=".onnx.partial")
    os.close(handle)
    try:
        export_onnx(model, Path(partial))
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    return path, True


class OnnxQueryEncoder:
    """Embeds texts with the exported graph; tokenises exactly as sentence-transformers' `preprocess` does."""

    def __init__(self, model, onnx_path: Path, threads: int):
        # Its own copy of the tokenizer and its own lock: a fast tokenizer must not be called from two threads at
        # once, and a query must not wait for a batch of passages being encoded by torch in the same process.
        self.tokenizer = copy.deepcopy(model.tokenizer)
        self.max_length = int(model.max_seq_length)
        self._lock = threading.Lock()
        self.run = self.load(onnx_path, threads)

    def load(self, onnx_path: Path, threads: int):
        """A callable running the graph on a dict of int64 arrays (bench/embedding_backends.py swaps the runtime)."""
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads  # 0: onnxruntime's default, one per core
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        return lambda feeds: session.run(None, feeds)[0]

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            features = self.tokenizer(
                texts,
                padding=True,
                truncation="longest_first",
                max_length=self.max_length,
                return_tensors="np",
            )
            vectors = self.run({name: features[name].astype(np.int64) for name in INPUTS})
        return np.asarray(vectors, dtype=np.float32)
