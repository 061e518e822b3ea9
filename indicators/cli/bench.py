"""The ``kla bench`` subcommand: the national-scale benchmark and (``--beban``) the load test.

The benchmark itself lives in ``benchmarks/`` (it drives Streamlit's AppTest and a browser, which
the pure core must not import); this module only parses and hands over.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

PERINTAH = ("bench",)


def daftarkan(sub: Any) -> None:
    """Add ``kla bench`` to the ``kla`` subparsers ``sub``."""
    jalankan_bench = importlib.import_module("benchmarks.jalankan")
    beban = importlib.import_module("benchmarks.beban")
    p = sub.add_parser("bench", help="uji kinerja skala nasional dan uji beban (national benchmark, load test)")
    jalankan_bench.tambah_argumen(p)
    p.add_argument("--beban", action="store_true", help="uji beban: sesi Chromium serentak (load test)")
    beban.tambah_argumen(p)


def jalankan(args: argparse.Namespace) -> int:
    """Run the benchmark or, with ``--beban``, the load test; return the exit code."""
    if args.beban:
        return int(importlib.import_module("benchmarks.beban").utama(args))
    return int(importlib.import_module("benchmarks.jalankan").utama(args))
