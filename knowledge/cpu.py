"""CPU features that decide the embedding model's numeric precision.

Standard library only: `bench/embedding_backends.py`, which imports no Django, prints the same decision.
bfloat16 is only fast where the CPU computes it natively (AVX512_BF16, or AMX tiles): measured on an AVX2-only
AMD EPYC, torch bf16 encoded 2.6 abstracts/s against 17.8 for float32, and on an AVX512_BF16 one about 2x
faster than float32 (bench/results/embedding_backends.md, shared/reference/measured.md).
"""

from __future__ import annotations

import functools
from pathlib import Path

BF16_FLAGS = ("avx512_bf16", "amx_bf16", "amx_tile")
# What a benchmark prints about the CPU: the vector extensions that decide which precision and backend is fast.
SIMD_PREFIXES = ("sse4", "avx", "fma", "f16c", "amx")


def parse_cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The `flags` of the first processor in a /proc/cpuinfo text (x86 Linux); empty when there is none."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


@functools.cache
def cpu_flags() -> frozenset[str]:
    """This machine's CPU flags, read once per process (empty off Linux or x86)."""
    try:
        return parse_cpu_flags(Path("/proc/cpuinfo").read_text())
    except OSError:
        return frozenset()


def simd_flags(flags: frozenset[str]) -> list[str]:
    return sorted(flag for flag in flags if flag.startswith(SIMD_PREFIXES))


def auto_dtype(flags: frozenset[str]) -> tuple[str, str]:
    """(dtype, reason) for EMBEDDING_DTYPE=auto: bfloat16 only where the CPU has native bf16 arithmetic."""
    found = [flag for flag in BF16_FLAGS if flag in flags]
    if found:
        return "bfloat16", f"the CPU has {', '.join(found)}"
    if not flags:
        return "float32", "the CPU flags are unknown (no flags line in /proc/cpuinfo)"
    return "float32", f"the CPU has none of {', '.join(BF16_FLAGS)} (bfloat16 would be slower than float32)"
