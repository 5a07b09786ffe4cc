"""What the benchmarks print about the machine they ran on: one line, the same in every script.

Timings compare only within one run on one machine, and machines of the same kind differ between sessions (an Intel
Xeon with AVX-512, an AMD EPYC with AVX2 only): every benchmark prints the CPU model and its SIMD flags (read by
knowledge/cpu.py, the same reading that picks the embedding precision), cores, memory and load.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from knowledge.cpu import cpu_flags, simd_flags  # noqa: E402  (standard library only, no Django)


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (or what platform knows elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "?"


def describe() -> str:
    """CPU model; SIMD flags; cores; RAM; load average; Python."""
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB RAM"
    except (ValueError, OSError, AttributeError):
        memory = "RAM unknown"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    flags = " ".join(simd_flags(cpu_flags())) or "unknown"
    return (
        f"{cpu_model()}; SIMD flags: {flags}; {os.cpu_count()} cores; {memory}; load average {load}; "
        f"Python {platform.python_version()}"
    )
