"""EMBEDDING_DTYPE: `auto` picks bfloat16 only on CPUs with native bf16 arithmetic, and the vector identity
(`model_key`) always names the precision the loaded model really uses."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import numpy as np
import pytest
import torch
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from knowledge.chunking import chunk_sections
from knowledge.cpu import auto_dtype, cpu_flags, parse_cpu_flags
from knowledge.embeddings import current_model_key, get_embedder, resolve_dtype
from knowledge.extraction import Section
from knowledge.indexing import chunking_config

AVX2_ONLY = """processor\t: 0
vendor_id\t: AuthenticAMD
model name\t: AMD EPYC
flags\t\t: fpu vme sse4_1 sse4_2 avx f16c avx2 fma bmi2
bogomips\t: 4890.81
"""
AVX512_BF16 = "processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_vnni avx512_bf16\n"
AMX = "processor\t: 0\nflags\t\t: fpu avx2 avx512f amx_bf16 amx_tile amx_int8\n"


def machine_has_native_bf16() -> bool:
    """Read /proc/cpuinfo independently of knowledge.cpu, as `grep -o avx512_bf16 /proc/cpuinfo` would."""
    text = Path("/proc/cpuinfo").read_text()
    return re.search(r"\b(avx512_bf16|amx_bf16|amx_tile)\b", text) is not None


@pytest.fixture
def fresh_embedder():
    """get_embedder() loads once per process: clear it around a test that changes the settings."""
    get_embedder.cache_clear()
    yield
    get_embedder.cache_clear()


def test_cpu_flags_parsing_and_auto_choice():
    assert {"avx2", "fma"} <= parse_cpu_flags(AVX2_ONLY)
    assert "bogomips" not in parse_cpu_flags(AVX2_ONLY)
    assert parse_cpu_flags("processor\t: 0\nmodel name\t: ARM\n") == frozenset()

    assert auto_dtype(parse_cpu_flags(AVX2_ONLY))[0] == "float32"
    dtype, reason = auto_dtype(parse_cpu_flags(AVX512_BF16))
    assert (dtype, reason) == ("bfloat16", "the CPU has avx512_bf16")
    dtype, reason = auto_dtype(parse_cpu_flags(AMX))
    assert (dtype, reason) == ("bfloat16", "the CPU has amx_bf16, amx_tile")
    assert auto_dtype(frozenset())[0] == "float32"


def test_resolve_dtype_honours_explicit_values():
    avx512 = parse_cpu_flags(AVX512_BF16)
    assert resolve_dtype("auto", parse_cpu_flags(AVX2_ONLY))[0] == "float32"
    assert resolve_dtype("auto", avx512)[0] == "bfloat16"
    assert resolve_dtype("float32", avx512) == ("float32", "EMBEDDING_DTYPE=float32")
    assert resolve_dtype("bf16", parse_cpu_flags(AVX2_ONLY))[0] == "bfloat16"
    with pytest.raises(ImproperlyConfigured, match="float16"):
        resolve_dtype("float16")


def test_auto_loads_the_precision_this_cpu_computes_natively(fresh_embedder, caplog):
    """On this project's AVX2 machines: float32, with the key of float32 vectors (no suffix)."""
    native = machine_has_native_bf16()
    expected = "bfloat16" if native else "float32"
    assert bool({"avx512_bf16", "amx_bf16", "amx_tile"} & cpu_flags()) is native
    with override_settings(EMBEDDING_DTYPE="auto"), caplog.at_level(logging.INFO, "knowledge.embeddings"):
        embedder = get_embedder()
        assert current_model_key() == embedder.model_key
    assert embedder.dtype == expected
    assert {p.dtype for p in embedder.model.parameters()} == {getattr(torch, expected)}
    assert embedder.model_key == ("all-MiniLM-L6-v2@bfloat16" if native else "all-MiniLM-L6-v2")
    assert embedder.embed_query("cover crops").shape == (embedder.dimension,)
    reason = "the CPU has" if native else "the CPU has none of avx512_bf16"
    assert f"{expected} because EMBEDDING_DTYPE=auto and {reason}" in caplog.records[-1].getMessage()


def test_explicit_bfloat16_loads_bf16_and_names_it_in_the_key(fresh_embedder, caplog):
    with override_settings(EMBEDDING_DTYPE="bfloat16"), caplog.at_level(logging.INFO, "knowledge.embeddings"):
        embedder = get_embedder()
        assert current_model_key() == embedder.model_key == "all-MiniLM-L6-v2@bfloat16"
    assert {p.dtype for p in embedder.model.parameters()} == {torch.bfloat16}
    assert embedder.embed_query("cover crops").shape == (embedder.dimension,)
    assert "bfloat16 because EMBEDDING_DTYPE=bfloat16" in caplog.records[-1].getMessage()


def cosine(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_onnxruntime_queries_match_torch_and_the_export_is_cached(fresh_embedder, tmp_path, caplog):
    """The default query backend: exported once under EMBEDDING_ONNX_DIR, same vectors as torch's passages.

    It serves float32 passages only, so the test pins float32: `auto` picks bfloat16 on CPUs with native bf16
    (then queries stay on torch, checked in the next test), and this test must run on both kinds of machine."""
    texts = ["cover crops", "  Agroforesterie et carbone du sol\n", "Rotational grazing. " * 200, "4‰"]
    with (
        override_settings(
            EMBEDDING_QUERY_BACKEND="onnxruntime", EMBEDDING_ONNX_DIR=tmp_path, EMBEDDING_DTYPE="float32"
        ),
        caplog.at_level(logging.INFO, "knowledge.embeddings"),
    ):
        embedder = get_embedder()
        assert embedder.query_backend == "onnxruntime"
        for text in texts:
            assert cosine(embedder.embed_query(text), embedder.embed_passages([text])[0]) > 0.99999
        assert embedder.embed_query("cover crops").dtype == np.float32
        exported = list(tmp_path.glob("*.onnx"))
        assert len(exported) == 1 and not list(tmp_path.glob("*.partial"))
        assert "Queries are embedded by onnxruntime" in caplog.text and "(exported in" in caplog.text

        caplog.clear()
        get_embedder.cache_clear()
        assert get_embedder().query_backend == "onnxruntime"
        assert "read from the cache" in caplog.text
        assert list(tmp_path.glob("*.onnx")) == exported

        # A broken cache file: queries fall back to torch, with a log line saying why, and still work.
        exported[0].write_bytes(b"not an onnx graph")
        get_embedder.cache_clear()
        fallback = get_embedder()
    assert fallback.query_backend == "torch"
    assert "EMBEDDING_QUERY_BACKEND=onnxruntime could not load" in caplog.text
    assert "queries are embedded by torch" in caplog.text
    assert cosine(fallback.embed_query("cover crops"), embedder.embed_query("cover crops")) > 0.99999


def test_torch_queries_when_asked_or_when_passages_are_not_float32(fresh_embedder, tmp_path, caplog):
    with override_settings(EMBEDDING_QUERY_BACKEND="torch", EMBEDDING_ONNX_DIR=tmp_path):
        assert get_embedder().query_backend == "torch"
    assert not list(tmp_path.iterdir())
    get_embedder.cache_clear()
    with (
        override_settings(
            EMBEDDING_QUERY_BACKEND="onnxruntime", EMBEDDING_DTYPE="bfloat16", EMBEDDING_ONNX_DIR=tmp_path
        ),
        caplog.at_level(logging.INFO, "knowledge.embeddings"),
    ):
        assert get_embedder().query_backend == "torch"
    assert "serves float32 torch models only (here bfloat16" in caplog.text
    get_embedder.cache_clear()
    with override_settings(EMBEDDING_QUERY_BACKEND="openvino"), pytest.raises(ImproperlyConfigured):
        get_embedder()


def test_chunking_in_one_thread_while_another_encodes_never_breaks_the_batch():
    """The indexing pipeline chunks the next batch (with `embedder.tokenizer`) while a worker thread encodes the
    current one. Sharing the model's own fast tokenizer made the encode fail ("Unable to create tensor"), which
    recorded whole batches of sources as failed on a fresh `make setup`."""
    embedder = get_embedder()
    config = chunking_config(embedder.max_seq_length)
    done = threading.Event()
    errors: list[str] = []

    def chunk_until_done():
        length = 0
        while not done.is_set():
            length = (length + 37) % 400
            section = Section(text="soil organic carbon " * (20 + length), heading="Notes")
            try:
                chunk_sections([section], title="Plot", tokenizer=embedder.tokenizer, config=config)
            except Exception as exc:  # noqa: BLE001 - the test reports any failure of the chunking thread
                errors.append(f"chunking: {exc!r}")

    texts = ["cover crops " * n for n in range(1, 120, 8)]  # unequal lengths: the batch needs padding
    thread = threading.Thread(target=chunk_until_done)
    thread.start()
    try:
        for _ in range(5):
            try:
                vectors = embedder.embed_passages(texts)
            except Exception as exc:  # noqa: BLE001 - collected, then asserted below
                errors.append(f"encode: {exc!r}")
            else:
                assert vectors.shape == (len(texts), embedder.dimension)
    finally:
        done.set()
        thread.join()
    assert not errors, errors[:3]
    assert embedder.tokenizer is not embedder.model.tokenizer
