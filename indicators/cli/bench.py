"""The ``kla bench`` subcommand: hands over to the benchmark's own entry point, ``python -m benchmarks``.

The benchmark drives Streamlit's AppTest and a browser, which the pure core must not import; so
``kla bench ARGS`` runs ``python -m benchmarks ARGS`` as a child process with the same arguments,
output and exit code (``kla bench --help`` lists them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

PERINTAH = ("bench",)


def daftarkan(sub: Any) -> None:
    """Add ``kla bench`` to the ``kla`` subparsers ``sub``; every argument goes to the benchmark."""
    p = sub.add_parser(
        "bench",
        help="uji kinerja skala nasional dan uji beban (national benchmark, load test)",
        add_help=False,
        prefix_chars="\0",  # no option of its own: --help and the rest belong to the benchmark
    )
    p.add_argument("argumen", nargs=argparse.REMAINDER)


def jalankan(args: argparse.Namespace) -> int:
    """Run ``python -m benchmarks`` with the arguments given; return its exit code."""
    sys.stdout.flush()
    return subprocess.run([sys.executable, "-m", "benchmarks", *args.argumen], check=False).returncode
