"""``kla bench``: saving the whole Gugus Tugas checklist (64 items) one item at a time vs at once.

One item at a time is what the page's single-item form costs (one write, with its lock, copy,
transaction, fsync and swap, per item); at once is the table editor and the XLSX upload (one write
for every item, :func:`indicators.gugus.simpan.simpan_butir`). Both on a fresh workspace file
beside a copy of the database, so the user's workspace is never touched.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from indicators.akun.pengguna import Pengguna
from indicators.gugus import layanan, simpan
from indicators.katalog.data_dukung import data_dukung_bawaan
from indicators.katalog.model import katalog_bawaan

_EDITOR = Pengguna("bench", "editor", ("33.75",))


def _perubahan(db: Path, status: str) -> list[simpan.UbahButir]:
    rk = layanan.ruang_kerja(db, katalog_bawaan(), data_dukung_bawaan(), "33.75", dt.date.today())
    dasar = layanan.tabel_sunting(rk.butir)
    return layanan.perubahan_tabel(dasar, dasar.assign(status=status), rk.opd)


def ukur(db_path: Path) -> dict[str, float]:
    """Seconds to save every checklist item of 33.75 one at a time, and all in one transaction."""
    dd = data_dukung_bawaan()
    with tempfile.TemporaryDirectory(prefix="kla-bench-gugus-") as folder:
        db = Path(folder) / "kla.duckdb"
        shutil.copyfile(db_path, db)
        path = simpan.path_gugus(db)
        satu_satu = _perubahan(db, "dalam_proses")
        mulai = time.perf_counter()
        for ubah in satu_satu:
            simpan.simpan_butir(path, _EDITOR, "33.75", [ubah], dd)
        detik_satu = time.perf_counter() - mulai
        sekaligus = _perubahan(db, "lengkap")  # based on the versions just written
        mulai = time.perf_counter()
        simpan.simpan_butir(path, _EDITOR, "33.75", sekaligus, dd)
        detik_sekaligus = time.perf_counter() - mulai
    return {
        "butir": float(len(sekaligus)),
        "satu_per_satu_s": detik_satu,
        "sekaligus_s": detik_sekaligus,
    }
