"""Export timings for ``kla bench``, measured through the ``kla export`` command in this process.

Going through the command keeps the benchmark on the contract users have (and the kaleido server
stays warm between calls, as it does in the dashboard). Without Chromium nothing is measured and
the report says why.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import time
from pathlib import Path

from indicators.cli import utama
from indicators.ekspor import gambar


def _kla(argumen: list[str]) -> float:
    """Run one ``kla`` command quietly; return its seconds (a non-zero exit is an error)."""
    keluaran = io.StringIO()
    mulai = time.perf_counter()
    with contextlib.redirect_stdout(keluaran), contextlib.redirect_stderr(keluaran):
        kode = utama.main(argumen)
    detik = time.perf_counter() - mulai
    if kode != 0:
        raise RuntimeError(f"kla {' '.join(argumen)} gagal ({kode}): {keluaran.getvalue()[-500:]}")
    return detik


def ukur(db_path: Path, ulang: int, tahun: int = 2025) -> tuple[dict[str, float | None], dict[str, str]]:
    """Median seconds of a warm Jawa Tengah predikat map export (PNG) and of one evaluation pack."""
    if not gambar.chromium_tersedia():
        alasan = "Chromium tidak ada (sudo apt-get install -y chromium)"
        return {"ekspor_peta_s": None, "paket_evaluasi_s": None}, {"ekspor_peta_s": alasan, "paket_evaluasi_s": alasan}
    with tempfile.TemporaryDirectory(prefix="kla-ekspor-") as folder:
        peta = [
            "export", "chart", "--jenis", "peta", "--provinsi", "33", "--tahun", str(tahun),
            "--format", "png", "--out", str(Path(folder) / "peta.png"), "--db", str(db_path),
        ]  # fmt: skip
        _kla(peta)  # the first export starts Chromium: start-up, not the export's cost
        ekspor_peta = statistics.median(_kla(peta) for _ in range(max(1, ulang // 3)))
        paket = [
            "export", "pack", "--wilayah", "33.75", "--tahun", str(tahun),
            "--out", str(Path(folder) / "paket"), "--db", str(db_path),
        ]  # fmt: skip
        paket_evaluasi = statistics.median(_kla(paket) for _ in range(3 if ulang >= 5 else 1))
    return {"ekspor_peta_s": ekspor_peta, "paket_evaluasi_s": paket_evaluasi}, {}
