"""The machine a benchmark ran on, and how fast it was while it ran.

Every report of ``kla bench`` names its machine (:func:`mesin`) and carries a CPU probe taken at the
start and the end of the run (:func:`uji_cpu_ms`).
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Any

from indicators.format import format_angka


def mesin() -> dict[str, Any]:
    """What machine the numbers were measured on."""
    memori_kb = 0
    for baris in Path("/proc/meminfo").read_text().splitlines():
        if baris.startswith("MemTotal:"):
            memori_kb = int(baris.split()[1])
    prosesor = next(
        (
            b.split(":", 1)[1].strip()
            for b in Path("/proc/cpuinfo").read_text().splitlines()
            if b.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "inti": os.cpu_count(),
        "memori_gb": round(memori_kb / 1024 / 1024, 1),
        "prosesor": prosesor,
        "python": platform.python_version(),
        "sistem": platform.platform(),
    }


UJI_CPU_ITERASI = 2_000_000
"""Iterations of the CPU probe's loop: about 0,1–0,2 s on the project's machine."""


def uji_cpu_ms(ulang: int = 3) -> float:
    """The machine's speed right now: the best of ``ulang`` runs of a fixed pure-Python loop, in ms.

    The project's machine changes speed: the same code measured a third slower an hour apart, and
    one run's probe went from 81 to 159 ms (README "Kinerja"). Every run records this probe at its
    start and its end, so two runs can be compared by the machine's speed as well as by their
    code. Smaller is faster.
    """
    terbaik = float("inf")
    for _ in range(ulang):
        mulai = time.perf_counter()
        jumlah = 0
        for i in range(UJI_CPU_ITERASI):
            jumlah += i & 7
        terbaik = min(terbaik, time.perf_counter() - mulai)
    return terbaik * 1000


def teks_uji_cpu(uji: dict[str, float] | None) -> str:
    """The probe for a report's first line, '… Uji CPU (…): 101 → 98 ms.' (empty for older reports)."""
    if not uji:
        return ""
    return (
        f" Uji CPU (CPU probe, {format_angka(UJI_CPU_ITERASI)} iterasi Python, lebih kecil lebih cepat / "
        f"smaller is faster): {format_angka(uji['awal'])} → {format_angka(uji['akhir'])} ms."
    )
