"""``python -m benchmarks``: the benchmark's own entry point, which ``kla bench`` hands over to.

The pure core (``indicators``) never imports this package: it drives Streamlit's AppTest and a
browser. ``kla bench ARGS`` runs ``python -m benchmarks ARGS`` in a child process instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import beban, jalankan, latensi, protokol
from benchmarks.server import CHROMIUM

PESAN_CHROMIUM = (
    "Chromium tidak ditemukan di {path}: pasang dengan `bash scripts/setup.sh --chromium` "
    "(atau sudo apt-get install -y chromium), atau beri CHROMIUM_PATH; ukuran memori server saja "
    "bisa dilewati dengan --tanpa-memori. "
    "(Chromium not found at {path}: install it with `bash scripts/setup.sh --chromium`, or set "
    "CHROMIUM_PATH; --tanpa-memori skips the server memory measure.)\n"
)


def parser() -> argparse.ArgumentParser:
    """The arguments of ``kla bench``: the benchmark's, ``--beban`` and the load test's."""
    p = argparse.ArgumentParser(
        prog="kla bench", description="uji kinerja skala nasional dan uji beban (national benchmark, load test)"
    )
    jalankan.tambah_argumen(p)
    p.add_argument("--beban", action="store_true", help="uji beban: sesi Chromium serentak (load test)")
    beban.tambah_argumen(p)
    protokol.tambah_argumen(p)
    latensi.tambah_argumen(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, the Chromium load test (``--beban``) or the protocol one (``--protokol``)."""
    args = parser().parse_args(argv)
    butuh_chromium = args.latensi or args.beban or not (args.protokol or args.tanpa_memori)
    if butuh_chromium and not Path(CHROMIUM).exists():
        sys.stderr.write(PESAN_CHROMIUM.format(path=CHROMIUM))
        return 2
    if args.protokol:  # the capacity figure: simulated sessions at the protocol level
        return protokol.utama(args)
    if args.latensi:  # what a person waits for in the browser
        return latensi.utama(args)
    return int(beban.utama(args) if args.beban else jalankan.utama(args))


if __name__ == "__main__":
    sys.exit(main())
