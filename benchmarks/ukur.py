"""The measurements of ``kla bench``: each a median of repeated runs in one process.

Pages are run through Streamlit's AppTest, side by side with two floors: an empty Streamlit page
(what the framework costs) and the page's own DuckDB queries replayed alone (what the data costs).
The queries are recorded by wrapping :mod:`indicators.io.store` while the page runs once.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from indicators.analisis import layanan
from indicators.impor import terapkan as impor
from indicators.io import store
from indicators.katalog.model import Katalog
from indicators.lokasi import PROYEK
from indicators.teks import t

APP = PROYEK / "app.py"


def median_ms(fungsi: Callable[[], object], ulang: int) -> float:
    """Median wall time of ``ulang`` calls of ``fungsi``, in milliseconds."""
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu)


@dataclass(frozen=True)
class Halaman:
    """A page as the benchmark opens it: its script and the URL parameters of the view."""

    nama: str
    skrip: str
    parameter: Mapping[str, str]


def halaman_nasional(kode_wilayah: str = "33.75") -> list[Halaman]:
    """Every dashboard page in its heaviest national view."""
    return [
        Halaman("ringkasan", "halaman/ringkasan.py", {"provinsi": "00"}),
        Halaman("peta", "halaman/peta.py", {"provinsi": "00", "ukuran": "total"}),
        Halaman("perbandingan", "halaman/perbandingan.py", {"wilayah": kode_wilayah}),
        Halaman("profil", "halaman/profil.py", {"wilayah": kode_wilayah}),
        Halaman("indikator", "halaman/indikator.py", {"provinsi": "00"}),
        Halaman("metodologi", "halaman/metodologi.py", {}),
        Halaman("gugus_tugas", "halaman/gugus_tugas.py", {"wilayah": kode_wilayah}),
        Halaman("unggah", "halaman/unggah.py", {}),
        Halaman("regulasi", "halaman/regulasi.py", {"wilayah": kode_wilayah}),
        # Jawa Tengah is the province with Gugus Tugas workspace notes and a calendar.
        Halaman("pembinaan", "halaman/pembinaan.py", {"provinsi": "33"}),
        # Jawa Tengah is the province with Perlindungan Anak figures; Kota Semarang has its own.
        Halaman("perlindungan", "halaman/perlindungan.py", {"provinsi": "33", "wilayah": "33.74"}),
    ]


@contextmanager
def _db_aktif(db_path: Path) -> Iterator[None]:
    lama = os.environ.get("KLA_DB")
    os.environ["KLA_DB"] = str(db_path)
    try:
        yield
    finally:
        if lama is None:
            os.environ.pop("KLA_DB", None)
        else:
            os.environ["KLA_DB"] = lama


@contextmanager
def rekam_kueri() -> Iterator[list[tuple[str, Any]]]:
    """Record every named query (name, parameters) run through indicators.io.store in the block."""
    rekaman: list[tuple[str, Any]] = []
    asli_kueri, asli_con = store.kueri, store.kueri_con

    def kueri(db_path: Path, nama: str, parameter: store.Parameter = None) -> pd.DataFrame:
        rekaman.append((nama, parameter))
        return asli_kueri(db_path, nama, parameter)

    def kueri_con(con: Any, nama: str, parameter: store.Parameter = None) -> pd.DataFrame:
        rekaman.append((nama, parameter))
        return asli_con(con, nama, parameter)

    store.kueri, store.kueri_con = kueri, kueri_con
    try:
        yield rekaman
    finally:
        store.kueri, store.kueri_con = asli_kueri, asli_con


@contextmanager
def bytecode_bersama() -> Iterator[None]:
    """Let AppTest keep compiled scripts between runs, as a server does.

    AppTest builds a new ScriptCache on every run, so each rerun recompiled ``app.py`` and the
    page (a fifth of a small page's rerun), while a server compiles a script once and reuses the
    bytecode until the file changes. The empty-page floor is measured the same way.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    bersama = ScriptCache()
    ruang = [vars(app_test), vars(local_script_runner)]  # the modules' own name for the class
    asli = [r["ScriptCache"] for r in ruang]
    for r in ruang:
        r["ScriptCache"] = lambda: bersama
    try:
        yield
    finally:
        for r, kelas in zip(ruang, asli, strict=True):
            r["ScriptCache"] = kelas


def _apptest(skrip: Path, parameter: Mapping[str, str]) -> Any:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(skrip), default_timeout=300)
    for kunci, nilai in parameter.items():
        at.query_params[kunci] = nilai
    return at


def _jalankan(at: Any, halaman: Halaman | None) -> Any:
    at = at.switch_page(halaman.skrip) if halaman is not None else at
    at.run()
    if at.exception:
        raise RuntimeError(f"halaman {halaman.nama if halaman else '?'} gagal: {at.exception[0].message}")
    # The router turns a page's failure into one polite error line: measuring that would time
    # an error page, so it fails the benchmark too.
    gagal = {t("galat_umum", "id"), t("galat_umum", "en")}
    if any(e.value in gagal for e in at.error):
        raise RuntimeError(f"halaman {halaman.nama if halaman else '?'} gagal dimuat (page failed; see the log)")
    return at


def _kosongkan_cache() -> None:
    """Empty every Streamlit cache, shared resources included: what a page meets after an import."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@dataclass(frozen=True)
class HasilHalaman:
    """One page's timings (ms) and what it sent to the browser."""

    nama: str
    dingin_ms: float
    hangat_ms: float
    lantai_data_ms: float
    jumlah_kueri: int
    ukuran_figur_kb: list[float]


def ukur_halaman(db_path: Path, halaman: Halaman, ulang: int) -> HasilHalaman:
    """Cold run (empty caches, new session), warm rerun, and the page's queries replayed alone."""
    with _db_aktif(db_path), bytecode_bersama():

        def dingin() -> None:
            _kosongkan_cache()
            _jalankan(_apptest(APP, halaman.parameter), halaman)

        dingin()  # imports and the first connection are start-up, not a page's cost
        dingin_ms = median_ms(dingin, max(1, ulang // 5))
        with rekam_kueri() as rekaman:
            _kosongkan_cache()
            at = _jalankan(_apptest(APP, halaman.parameter), halaman)
        hangat_ms = median_ms(lambda: _jalankan(at, None), ulang)
        figur = [len(el.proto.spec.encode("utf-8")) / 1024 for el in at.get("plotly_chart")]

        def data() -> None:
            for nama, parameter in rekaman:
                store.kueri(db_path, nama, parameter)

        lantai_data_ms = median_ms(data, max(1, ulang // 3))  # replaying every query is slow: fewer repeats
    return HasilHalaman(halaman.nama, dingin_ms, hangat_ms, lantai_data_ms, len(rekaman), figur)


def lantai_kerangka_ms(ulang: int) -> float:
    """Warm rerun of an empty Streamlit page: what the framework costs before any of our work."""
    with tempfile.TemporaryDirectory() as folder:
        kosong = Path(folder) / "kosong.py"
        kosong.write_text('import streamlit as st\n\nst.write("x")\n', encoding="utf-8")
        with bytecode_bersama():
            at = _apptest(kosong, {})
            at.run()
            return median_ms(lambda: at.run(), ulang)


def ukuran_peta_kb(db_path: Path) -> dict[str, float]:
    """Size of the map figure JSON sent to the browser: Jawa Tengah, Indonesia, Jawa Tengah's kecamatan."""
    tampilan = {
        "jawa_tengah": {"provinsi": "33", "ukuran": "predikat"},
        "nasional": {"provinsi": "00", "ukuran": "predikat"},
    }
    statistik_kecamatan = store.kueri(db_path, "statistik_kecamatan_terbanyak")
    if not statistik_kecamatan.empty:
        kode = str(statistik_kecamatan["statistik"].iloc[0])
        tampilan["kecamatan"] = {"provinsi": "33", "ukuran": f"stat:{kode}", "tingkat": "kecamatan"}
    hasil = {}
    with _db_aktif(db_path):
        for nama, parameter in tampilan.items():
            _kosongkan_cache()
            at = _jalankan(_apptest(APP, parameter), Halaman(nama, "halaman/peta.py", parameter))
            hasil[nama] = max(len(el.proto.spec.encode("utf-8")) / 1024 for el in at.get("plotly_chart"))
    return hasil


def skor_nasional_ms(db_path: Path, katalog: Katalog, tahun: int, ulang: int) -> tuple[float, int]:
    """Scoring every kab/kota for one cycle (query plus maths); returns (median ms, regions scored)."""
    jumlah = len(layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=None))
    ms = median_ms(lambda: layanan.tabel_skor(db_path, katalog, tahun=tahun, tahap="final", kode_provinsi=None), ulang)
    return ms, jumlah


def berkas_statistik_100k(db_path: Path, katalog: Katalog, baris: int = 100_000) -> pd.DataFrame:
    """``baris`` statistic rows for kab/kota over years the national data does not have yet."""
    wilayah = impor.muat_wilayah(db_path)
    kabkota = sorted(wilayah.loc[wilayah["tingkat"] == "kabkota", "kode_wilayah"])
    persen = sorted(k for k, s in katalog.statistik.items() if s.satuan == "persen")
    tahun = list(range(2000, 2017))
    indeks = pd.MultiIndex.from_product([tahun, kabkota, persen], names=["tahun", "kode_wilayah", "indikator"])
    df = indeks.to_frame(index=False).head(baris)
    df["nilai"] = [round(1 + (i * 37 % 9800) / 100, 2) for i in range(len(df))]
    df["satuan"] = "persen"
    return df


def tulis_xlsx(df: pd.DataFrame, path: Path) -> None:
    """Write a frame as a one-sheet XLSX (openpyxl write-only: as fast as a workbook gets)."""
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("Data")
    lembar.append(list(df.columns))
    for baris in df.itertuples(index=False):
        lembar.append(list(baris))
    buku.save(path)


def ukur_impor(db_path: Path, katalog: Katalog, berkas: Path, ulang: int) -> float:
    """Median seconds to check and commit one import file into a fresh copy of the database."""
    import shutil

    from benchmarks.data_nasional import BATAS_BENCH

    data = berkas.read_bytes()
    wilayah = impor.muat_wilayah(db_path)
    waktu = []
    with tempfile.TemporaryDirectory(dir=db_path.parent) as folder:
        for n in range(ulang):
            salinan = Path(folder) / f"salinan_{n}.duckdb"
            shutil.copy(db_path, salinan)
            mulai = time.perf_counter()
            hasil = impor.periksa_berkas(data, berkas.name, katalog, wilayah, batas=BATAS_BENCH)
            if hasil.masalah:
                raise RuntimeError(f"{berkas.name} ditolak: {hasil.masalah[0]}")
            impor.terapkan(salinan, hasil, katalog, pengguna="benchmark")
            waktu.append(time.perf_counter() - mulai)
            salinan.unlink()
    return statistics.median(waktu)
