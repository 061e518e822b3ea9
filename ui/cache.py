"""Every Streamlit cache of the dashboard lives here, over Streamlit-free core functions.

Data caches are keyed on the database file's modification time, so a rebuilt or newly
imported database is picked up without restarting the server. The figure/table memo
(ui/tetap.py) keeps its results here too (:func:`hasil_tetap`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import pickle
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd
import streamlit as st

from indicators.analisis import layanan, metodologi, perbandingan, profil, rekap, ringkasan, ukuran
from indicators.bangun import database
from indicators.ekspor import perlindungan as ekspor_perlindungan
from indicators.format import Bahasa
from indicators.gugus import (
    kalender as gugus_kalender,
    layanan as gugus_layanan,
    mitra as gugus_mitra,
    pembinaan as gugus_pembinaan,
    regulasi as gugus_regulasi,
    simpan,
)
from indicators.impor import terapkan, verifikasi
from indicators.io import store
from indicators.katalog.data_dukung import KatalogDataDukung, data_dukung_bawaan
from indicators.katalog.model import Katalog, katalog_bawaan
from indicators.lokasi import DATA_DIR, STATIC_DIR, db_bawaan
from ui import widgets

README_BATAS = DATA_DIR / "README-batas-wilayah.md"
T = TypeVar("T")
U = TypeVar("U")
V = TypeVar("V")


# Checked once per file version: opening the file to read its schema version costs ~20 ms, and
# even a cached call's hashing is a tenth of a small page's rerun: a plain set of checked versions.
_SIAP: set[tuple[str, int]] = set()
_KABAR = "kabar_database"  # session state: a damaged file this session's visit moved aside, told on every page


def siapkan_database() -> Path:
    """Return the database path, ready to read (see :func:`indicators.bangun.database.siapkan_database`).

    It builds only when no file exists and migrates an older schema in place. A file held by
    another program, or unreadable, is left as it is and raises ``database.DatabaseTidakSiap``
    (app.py says what to do and offers a retry). A damaged file is moved aside and the last kept
    version restored; :func:`kabar_database` then tells this session what happened.
    """
    db_path = db_bawaan()
    kunci = (str(db_path), db_path.stat().st_mtime_ns if db_path.is_file() else -1)
    if kunci not in _SIAP:
        hasil = database.siapkan_database(db_path, static_dir=STATIC_DIR, bersama=True)
        if hasil.jenis in database.TIDAK_SIAP:
            raise database.DatabaseTidakSiap(hasil)
        if hasil.jenis != "siap":
            st.cache_data.clear()
            kunci = (str(db_path), db_path.stat().st_mtime_ns)
        if hasil.rusak is not None:
            st.session_state[_KABAR] = hasil
        _SIAP.add(kunci)
    return db_path


def kabar_database() -> database.Persiapan | None:
    """What this session's visit found wrong with the database file and did about it, or None."""
    kabar = st.session_state.get(_KABAR)
    return kabar if isinstance(kabar, database.Persiapan) else None


def _versi(db_path: Path) -> int:
    return db_path.stat().st_mtime_ns


@st.cache_resource
def katalog() -> Katalog:
    """The indicator catalogue (read-only, shared by all sessions)."""
    return katalog_bawaan()


@st.cache_data(show_spinner=False)
def _provinsi(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "provinsi_dengan_data")


def provinsi_dengan_data(db_path: Path) -> pd.DataFrame:
    """Provinces with any data, with their latest cycle."""
    return _provinsi(str(db_path), _versi(db_path))


@st.cache_resource(show_spinner=False, max_entries=128)
def _siklus(db: str, versi_db: int, kode_provinsi: str) -> pd.DataFrame:
    return store.kueri(Path(db), "siklus_dengan_data", {"kode_provinsi": kode_provinsi})


def siklus_dengan_data(db_path: Path, kode_provinsi: str) -> pd.DataFrame:
    """Evaluation cycles with data for a province (read-only, shared)."""
    kunci = (str(db_path), _versi(db_path), kode_provinsi)
    return tandai(_siklus(*kunci), "siklus", *kunci)


@st.cache_resource(show_spinner=False, max_entries=512)
def _ringkasan(db: str, versi_db: int, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    if kode_provinsi == "00":
        return store.kueri(Path(db), "ringkasan_kabkota", {"kode_provinsi": "00", "tahun": tahun})
    # A province's rows are the country's cut: the query sums every kab/kota's scores of the cycle
    # whichever province it asks for, so one read per cycle serves all of them (a province switch
    # on a national server read it again: 4-5 ms, twice per new province and cycle).
    nasional = _ringkasan(db, versi_db, "00", tahun)
    return ringkasan.kabkota_provinsi(nasional, _wilayah(db, versi_db), kode_provinsi)


def ringkasan_kabkota(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    """One row per kab/kota of a province for one cycle: official predikat and final total (read-only, shared)."""
    kunci = (str(db_path), _versi(db_path), kode_provinsi, tahun)
    return tandai(_ringkasan(*kunci), "ringkasan_kabkota", *kunci)


# --- shared data for every page (keyed on small arguments plus the database version) -------------

# The frames a page reads on every rerun are resources, not data: st.cache_data would hand each
# rerun its own copy (a pickle round trip), and ui.tetap would then hash that copy's content before
# every figure it feeds. Shared and named by their key instead (:func:`tandai`); pages only filter
# them, and every page test checks that none was changed in place (:func:`bersama_berubah`).


@st.cache_resource(show_spinner=False, max_entries=8)
def _wilayah(db: str, versi_db: int) -> pd.DataFrame:
    with store.buka(Path(db)) as con:
        return store.kueri_con(con, "wilayah_semua")


def wilayah(db_path: Path) -> pd.DataFrame:
    """Every region (nation, provinces, kab/kota, kecamatan) with code, name, level and parent (read-only, shared)."""
    kunci = (str(db_path), _versi(db_path))
    return tandai(_wilayah(*kunci), "wilayah", *kunci)


@st.cache_resource(show_spinner=False, max_entries=8)
def _susunan_kabkota(db: str, versi_db: int) -> widgets.SusunanKabkota:
    return widgets.susunan_kabkota(wilayah(Path(db)))


def susunan_kabkota(db_path: Path) -> widgets.SusunanKabkota:
    """Provinces and their kab/kota for the pickers (read-only, shared)."""
    return _susunan_kabkota(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _wilayah_kabkota(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "wilayah_kabkota")


@st.cache_resource(show_spinner=False, max_entries=512)
def _tabel_skor(db: str, versi_db: int, tahun: int, tahap: str, kode_provinsi: str | None) -> pd.DataFrame:
    if kode_provinsi is None:
        return layanan.tabel_skor(Path(db), katalog(), tahun=tahun, tahap=tahap)
    # A province's table is the national one cut: scoring once serves every province (and the
    # pages that show both, like Profil, score once after each new database version).
    nasional = _tabel_skor(db, versi_db, tahun, tahap, None)
    return layanan.batasi_provinsi(nasional, _wilayah_kabkota(db, versi_db), kode_provinsi, tahun)


def tabel_skor(db_path: Path, tahun: int, tahap: str = "final", kode_provinsi: str | None = None) -> pd.DataFrame:
    """Scores of every kab/kota for one cycle and stage (see indicators.layanan.tabel_skor; read-only, shared)."""
    kunci = (str(db_path), _versi(db_path), tahun, tahap, kode_provinsi)
    return tandai(_tabel_skor(*kunci), "tabel_skor", *kunci)


@st.cache_data(show_spinner=False)
def _skor_semua(db: str, versi_db: int, tahap: str) -> pd.DataFrame:
    return layanan.skor_semua_siklus(Path(db), katalog(), tahap=tahap)


def skor_semua_siklus(db_path: Path, tahap: str = "final") -> pd.DataFrame:
    """Scores of every kab/kota in every cycle for one stage, with ranks and change."""
    return _skor_semua(str(db_path), _versi(db_path), tahap)


@st.cache_resource(show_spinner=False, max_entries=8)
def _predikat_resmi(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "predikat_resmi", {"tahun": None})


def predikat_resmi(db_path: Path) -> pd.DataFrame:
    """Official predikat of every region and cycle (read-only, shared)."""
    kunci = (str(db_path), _versi(db_path))
    return tandai(_predikat_resmi(*kunci), "predikat_resmi", *kunci)


@st.cache_resource(show_spinner=False, max_entries=256)
def _skor_wilayah(db: str, versi_db: int, kode_wilayah: str) -> pd.DataFrame:
    return store.kueri(Path(db), "skor_wilayah", {"kode_wilayah": kode_wilayah})


def skor_wilayah(db_path: Path, kode_wilayah: str) -> pd.DataFrame:
    """Every per-indicator score of one region, all cycles and stages (read-only, shared)."""
    kunci = (str(db_path), _versi(db_path), kode_wilayah)
    return tandai(_skor_wilayah(*kunci), "skor_wilayah", *kunci)


@st.cache_resource(show_spinner=False, max_entries=256)
def _statistik(db: str, versi_db: int, kode_statistik: str) -> pd.DataFrame:
    return store.kueri(Path(db), "statistik_indikator", {"statistik": kode_statistik})


def statistik(db_path: Path, kode_statistik: str) -> pd.DataFrame:
    """One raw statistic for kab/kota and provinces, all years (read-only, shared).

    Shared, not copied per call: a copy (``st.cache_data`` unpickles one per call) cost each rerun
    of the national Peta 3 ms, and hashing the copy for its figure 5 ms more.
    """
    kunci = (str(db_path), _versi(db_path), kode_statistik)
    return tandai(_statistik(*kunci), "statistik", *kunci)


@st.cache_data(show_spinner=False)
def _tetangga(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "tetangga")


def tetangga(db_path: Path) -> pd.DataFrame:
    """Stored neighbour pairs (shared border) of every kab/kota."""
    return _tetangga(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _rekap(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "rekap_predikat")


def rekap_predikat(db_path: Path) -> pd.DataFrame:
    """Reported counts per predikat (national and Jawa Tengah), with sources."""
    return _rekap(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _rekap_pilihan(db: str, versi_db: int) -> pd.DataFrame:
    return rekap.pilih_rekap(rekap_predikat(Path(db)))


@st.cache_data(show_spinner=False)
def _rekap_konflik(db: str, versi_db: int) -> pd.DataFrame:
    return rekap.konflik_rekap(rekap_predikat(Path(db)))


def rekap_konflik(db_path: Path) -> pd.DataFrame:
    """Recap counts on which sources disagree (rekap.konflik_rekap), once per data version."""
    return _rekap_konflik(str(db_path), _versi(db_path))


def rekap_pilihan(db_path: Path) -> pd.DataFrame:
    """One reported count per (cycle, scope, predikat), chosen by the declared rule (rekap.pilih_rekap).

    Choosing takes about 3 ms; the national overview needs it three times a run.
    """
    return _rekap_pilihan(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _provila(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "penghargaan_provinsi")


def penghargaan_provinsi(db_path: Path) -> pd.DataFrame:
    """Provincial awards (Provila) per year, with sources."""
    return _provila(str(db_path), _versi(db_path))


@st.cache_resource(show_spinner=False, max_entries=512)
def _ringkasan_predikat(
    db: str, versi_db: int, kode_provinsi: str, tahun: int, urutan: tuple[str, ...]
) -> pd.DataFrame | None:
    # From the queries the page has already cached: after a data change the overview read these
    # five again (12 queries on a cold national page, now 7).
    path = Path(db)
    sumber = rekap.SumberRingkasan(
        wilayah=wilayah(path),
        rekap=rekap_pilihan(path),
        siklus=siklus_dengan_data(path, kode_provinsi),
        kabkota=functools.partial(ringkasan_kabkota, path, kode_provinsi),
    )
    return rekap.ringkasan_bila_ada(sumber, kode_provinsi, tahun, list(urutan))


def ringkasan_predikat(db_path: Path, kode_provinsi: str, tahun: int) -> pd.DataFrame | None:
    """Counts per predikat band with basis, coverage and change (indicators.analisis.rekap), or None.

    Read-only and shared by every session.
    """
    kunci = (str(db_path), _versi(db_path), kode_provinsi, tahun, tuple(katalog().pita.urutan()))
    hasil = _ringkasan_predikat(*kunci)
    return None if hasil is None else tandai(hasil, "ringkasan_predikat", *kunci)


@st.cache_data(show_spinner=False)
def _asal_total(db: str, versi_db: int, kode_wilayah: str, tahun: int) -> profil.AsalTotal:
    return profil.asal_total(Path(db), kode_wilayah, tahun)


def asal_total(db_path: Path, kode_wilayah: str, tahun: int) -> profil.AsalTotal:
    """Published total and the synthetic band's status of one region-year (Profil)."""
    return _asal_total(str(db_path), _versi(db_path), kode_wilayah, tahun)


# --- per-indicator scores, stages and statistics coverage (Peta, Perbandingan, Indikator) --------


# A resource, not data: every cycle of a national database is ~100 000 rows, and st.cache_data would
# copy it (pickle round trip) on every rerun. Callers only filter it; they never change it.
@st.cache_resource(show_spinner=False, max_entries=16)
def _skor_indikator(db: str, versi_db: int, tahun: int | None, tahap: str) -> pd.DataFrame:
    return store.kueri(Path(db), "skor_indikator", {"tahun": tahun, "tahap": tahap})


def skor_indikator(db_path: Path, tahun: int | None, tahap: str = "final") -> pd.DataFrame:
    """Per-indicator scores of every region for one cycle (``None``: every cycle) and stage (read-only).

    Columns: ``tahun, kode_wilayah, indikator, tahap, nilai, sintetis``.
    """
    kunci = (str(db_path), _versi(db_path), tahun, tahap)
    return tandai(_skor_indikator(*kunci), "skor_indikator", *kunci)


@st.cache_resource(show_spinner=False, max_entries=16)
def _skor_indikator_provinsi(db: str, versi_db: int, kode_provinsi: str, tahap: str) -> pd.DataFrame:
    semua = skor_indikator(Path(db), None, tahap)
    kabkota = susunan_kabkota(Path(db)).kabkota.get(kode_provinsi, {})
    return semua[semua["kode_wilayah"].isin(list(kabkota))].reset_index(drop=True)


def skor_indikator_provinsi(db_path: Path, kode_provinsi: str, tahap: str = "final") -> pd.DataFrame:
    """Every cycle's per-indicator scores of one province's kab/kota for one stage (read-only).

    A page about one province filters this instead of the national table (360 000 rows at
    national scale) on every rerun. Columns as :func:`skor_indikator`.
    """
    kunci = (str(db_path), _versi(db_path), kode_provinsi, tahap)
    return tandai(_skor_indikator_provinsi(*kunci), "skor_indikator_provinsi", *kunci)


@st.cache_data(show_spinner=False)
def _seri_indikator_semua(db: str, versi_db: int, indikator: str, tahap: str) -> pd.DataFrame:
    data = store.kueri(Path(db), "skor_indikator", {"tahun": None, "tahap": tahap})
    return perbandingan.seri_indikator_wilayah(data, indikator, tahap, katalog())


def seri_indikator_semua(db_path: Path, indikator: str, tahap: str = "final") -> pd.DataFrame:
    """One KLA24 indicator as % of its maximum for every kab/kota and cycle of one stage.

    Used for the province average of an indicator. Columns: ``perbandingan.KOLOM_SERI``.
    """
    return _seri_indikator_semua(str(db_path), _versi(db_path), indikator, tahap)


@st.cache_data(show_spinner=False)
def _tahap_per_tahun(db: str, versi_db: int) -> pd.DataFrame:
    return store.kueri(Path(db), "tahap_per_tahun")


def tahap_per_tahun(db_path: Path) -> pd.DataFrame:
    """Which evaluation stages have scores in which cycle (``tahun, tahap``)."""
    return _tahap_per_tahun(str(db_path), _versi(db_path))


@st.cache_resource(show_spinner=False, max_entries=8)
def _ketersediaan_statistik(db: str, versi_db: int) -> pd.DataFrame:
    # Counted in DuckDB: fetching every statistic's rows to count them took ~0,5 s nationally
    # after each new database version (the Peta page's wait after an import).
    jumlah = store.kueri(Path(db), "ketersediaan_statistik", {"statistik": sorted(katalog().statistik)})
    return ukuran.rapikan_ketersediaan(jumlah)


def ketersediaan_statistik(db_path: Path) -> pd.DataFrame:
    """Which raw statistic has rows for which year, level and province.

    Columns: ``statistik, tahun, tingkat, kode_provinsi, jumlah`` (read-only, shared: read on
    every rerun of Peta).
    """
    kunci = (str(db_path), _versi(db_path))
    return tandai(_ketersediaan_statistik(*kunci), "ketersediaan_statistik", *kunci)


# --- sources and coverage (Data & Metodologi) ----------------------------------------------------


@st.cache_data(show_spinner=False)
def _sumber(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_sumber(Path(db))


def sumber(db_path: Path) -> pd.DataFrame:
    """Every source with kind, licence, confidence, synthetic flag and the tables citing it."""
    return _sumber(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _cakupan_statistik(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_cakupan_statistik(Path(db))


def cakupan_statistik(db_path: Path) -> pd.DataFrame:
    """Raw-statistic rows per statistic × year × level (see indicators.analisis.metodologi)."""
    return _cakupan_statistik(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _cakupan_skor(db: str, versi_db: int) -> pd.DataFrame:
    return metodologi.muat_cakupan_skor(Path(db))


def cakupan_skor(db_path: Path) -> pd.DataFrame:
    """Per-indicator score coverage per cycle × stage (see indicators.analisis.metodologi)."""
    return _cakupan_skor(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _atribusi(path: str, versi: int) -> metodologi.Atribusi:
    return metodologi.baca_atribusi_batas(Path(path))


def atribusi_batas() -> metodologi.Atribusi:
    """The boundaries' attribution line and MIT licence, read from data/README-batas-wilayah.md."""
    return _atribusi(str(README_BATAS), README_BATAS.stat().st_mtime_ns)


# --- accounts and imports (Unggah Data) ----------------------------------------------------------


@st.cache_data(show_spinner=False)
def _riwayat_impor(db: str, versi_db: int) -> pd.DataFrame:
    return terapkan.daftar_impor(Path(db))


def riwayat_impor(db_path: Path) -> pd.DataFrame:
    """The import log, newest first (see indicators.impor.daftar_impor); new after every commit."""
    return _riwayat_impor(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False)
def _wilayah_impor(db: str, versi_db: int, impor_id: int) -> set[str]:
    return terapkan.wilayah_impor(Path(db), impor_id)


def wilayah_impor(db_path: Path, impor_id: int) -> set[str]:
    """Region codes one import touched (for the rollback permission of an editor)."""
    return _wilayah_impor(str(db_path), _versi(db_path), impor_id)


# --- Gugus Tugas workspace (keyed on the workspace file's mtime as well as the database's) ------


@st.cache_resource
def data_dukung() -> KatalogDataDukung:
    """The evidence checklist catalogue (read-only, shared by all sessions)."""
    return data_dukung_bawaan()


# A resource: the workspace is a frozen dataclass the page and the export only read.
@st.cache_resource(show_spinner=False, max_entries=64)
def _ruang_kerja(
    db: str, versi_db: int, versi_gugus: int, kode_wilayah: str, hari_ini: str
) -> gugus_layanan.RuangKerja:
    return gugus_layanan.ruang_kerja(Path(db), katalog(), data_dukung(), kode_wilayah, dt.date.fromisoformat(hari_ini))


def ruang_kerja(db_path: Path, kode_wilayah: str, hari_ini: dt.date) -> gugus_layanan.RuangKerja:
    """One region's Gugus Tugas workspace on a day (read-only; see indicators.gugus_layanan.ruang_kerja)."""
    versi_gugus = simpan.versi_berkas(simpan.path_gugus(db_path))
    kunci = (str(db_path), _versi(db_path), versi_gugus, kode_wilayah, hari_ini.isoformat())
    return tandai(_ruang_kerja(*kunci), "ruang_kerja", *kunci)


@st.cache_data(show_spinner=False)
def _log_gugus(path: str, versi_gugus: int, kode_wilayah: str) -> pd.DataFrame:
    return simpan.baca_log(Path(path), kode_wilayah)


def log_gugus(db_path: Path, kode_wilayah: str) -> pd.DataFrame:
    """The change history of one region's workspace, newest first."""
    path = simpan.path_gugus(db_path)
    return _log_gugus(str(path), simpan.versi_berkas(path), kode_wilayah)


# The regulation register (the committed seed and the workspace): keyed on both files' mtimes.
def _kunci_regulasi(db_path: Path) -> tuple[str, int, int]:
    path = simpan.path_gugus(db_path)
    return str(path), simpan.versi_berkas(path), simpan.versi_berkas(gugus_regulasi.SEED_PATH)


@st.cache_resource(show_spinner=False, max_entries=256)
def _register_regulasi(path: str, versi_gugus: int, versi_seed: int, kode: str, hari_ini: str) -> pd.DataFrame:
    daftar = gugus_regulasi.daftar_regulasi(Path(path), kode)
    return gugus_regulasi.tabel_register(daftar, dt.date.fromisoformat(hari_ini))


def register_regulasi(db_path: Path, kode_wilayah: str, hari_ini: dt.date) -> pd.DataFrame:
    """One region's regulation register, each entry with its state on ``hari_ini`` (see tabel_register).

    Read-only and shared by every session, like the other frames a page reads on every rerun.
    """
    kunci = (*_kunci_regulasi(db_path), kode_wilayah, hari_ini.isoformat())
    return tandai(_register_regulasi(*kunci), "register_regulasi", *kunci)


@st.cache_data(show_spinner=False)
def _ringkasan_regulasi(path: str, versi_gugus: int, versi_seed: int, kode: tuple[str, ...], hari: str) -> pd.DataFrame:
    return gugus_regulasi.ringkasan_regulasi(Path(path), kode, dt.date.fromisoformat(hari))


def ringkasan_regulasi(db_path: Path, kode_wilayah: tuple[str, ...], hari_ini: dt.date) -> pd.DataFrame:
    """Regulation counts per region (NA for a region without a register; see ringkasan_regulasi)."""
    return _ringkasan_regulasi(*_kunci_regulasi(db_path), kode_wilayah, hari_ini.isoformat())


@st.cache_data(show_spinner=False)
def _terlambat_regulasi(path: str, versi_gugus: int, versi_seed: int, kode: tuple[str, ...], hari: str) -> pd.DataFrame:
    return gugus_regulasi.butir_terlambat_regulasi(Path(path), kode, dt.date.fromisoformat(hari))


def terlambat_regulasi(db_path: Path, kode_wilayah: tuple[str, ...], hari_ini: dt.date) -> pd.DataFrame:
    """The overdue and stalled regulation entries of these regions, with their reasons."""
    return _terlambat_regulasi(*_kunci_regulasi(db_path), kode_wilayah, hari_ini.isoformat())


# --- shared objects, fingerprinted once by content, and the store of the figure/table memo (ui/tetap.py)


# Objects shared by every session (st.cache_resource results, read-only by contract) are marked
# here, so ui.tetap hashes their content once, the first time a builder takes them, and not on every
# rerun (hashing the inputs was up to half of a warm rerun). By content, not by the key that made
# them: after a data change every key is new, but an object whose rows did not change (another
# province's, or the same after an import was rolled back) gets the same fingerprint, and what was
# built from it is reused instead of built again on every server process.
_ASAL: dict[int, tuple[weakref.ref[Any], str]] = {}
_SIDIK: dict[int, str] = {}


# The tests set KLA_PERIKSA_BERSAMA=1 (tests/conftest.py): each shared frame's content is then recorded
# when it is first named, and every page test asks :func:`bersama_berubah` after each run. A page that
# changed a shared frame in place would change it for every session, so that must fail a test.
_PERIKSA_BERSAMA = os.environ.get("KLA_PERIKSA_BERSAMA") == "1"
_ISI_AWAL: dict[int, str] = {}


def tandai(objek: T, *kunci: object) -> T:
    """Mark a shared, read-only object and the cache key that produced it; return the object."""
    nomor = id(objek)
    asal = _ASAL.get(nomor)
    if asal is None or asal[0]() is not objek:
        _SIDIK.pop(nomor, None)
        _ASAL[nomor] = (weakref.ref(objek, functools.partial(_lupakan, nomor)), repr(kunci))
        if _PERIKSA_BERSAMA:
            _ISI_AWAL[nomor] = _isi(objek)
    return objek


def _lupakan(nomor: int, _ref: object) -> None:
    _ASAL.pop(nomor, None)  # the object is gone; its id may be reused
    _SIDIK.pop(nomor, None)
    _ISI_AWAL.pop(nomor, None)


def _isi(objek: object) -> str:
    # Columns, types, index and values; only ever computed with KLA_PERIKSA_BERSAMA=1 (tests).
    # Containers by their parts: a frame's pickle changes when pandas merges its blocks, its content does not.
    if dataclasses.is_dataclass(objek) and not isinstance(objek, type):
        return repr([_isi(getattr(objek, f.name)) for f in dataclasses.fields(objek)])
    if isinstance(objek, dict):
        return repr([(repr(k), _isi(v)) for k, v in objek.items()])
    if isinstance(objek, list | tuple):
        return repr([_isi(x) for x in objek])
    if isinstance(objek, pd.DataFrame | pd.Series):
        try:
            nilai = pd.util.hash_pandas_object(objek, index=True).to_numpy().tobytes()
        except TypeError:  # list cells
            nilai = pickle.dumps(objek, protocol=pickle.HIGHEST_PROTOCOL)
        kolom = list(objek.columns) if isinstance(objek, pd.DataFrame) else [objek.name]
        jenis = list(objek.dtypes) if isinstance(objek, pd.DataFrame) else [objek.dtype]
        return f"{kolom}{jenis}{hashlib.md5(nilai, usedforsecurity=False).hexdigest()}"
    return hashlib.md5(pickle.dumps(objek, protocol=pickle.HIGHEST_PROTOCOL), usedforsecurity=False).hexdigest()


def bersama_berubah() -> list[str]:
    """The keys of shared objects whose content changed since they were named (KLA_PERIKSA_BERSAMA=1).

    Empty when nothing changed, or when the check is off.
    """
    berubah = []
    for nomor, awal in list(_ISI_AWAL.items()):
        asal = _ASAL.get(nomor)
        objek = asal[0]() if asal is not None else None
        if objek is not None and _isi(objek) != awal:
            berubah.append(asal[1] if asal is not None else str(nomor))
    return berubah


def sidik_bersama(objek: U, hitung: Callable[[U], str]) -> str | None:
    """A shared object's content fingerprint, made by ``hitung`` once; None for any other object.

    Shared objects are read-only (:func:`bersama_berubah` checks it in the tests), so their
    fingerprint never goes stale. Two threads may both compute it once; they get the same text.
    """
    nomor = id(objek)
    asal = _ASAL.get(nomor)
    if asal is None or asal[0]() is not objek:
        return None
    sidik = _SIDIK.get(nomor)
    if sidik is None:
        sidik = _SIDIK[nomor] = hitung(objek)
    return sidik


# Objects derived from another object (a figure's screen copy, ui/layar.py), kept while it lives.
_TURUNAN: dict[int, tuple[weakref.ref[Any], Any]] = {}


def turunan(objek: U, buat: Callable[[U], V]) -> V:
    """``buat(objek)``, made once per object while it lives; ``objek`` must be read-only.

    A figure from :func:`ui.tetap.tetap` is the same object on every rerun that does not change
    it, so what is derived from it is made once; a figure made anew on each rerun pays each time,
    and its entry goes with it. Two threads may both make it once; each gets a correct result.
    """
    nomor = id(objek)
    ada = _TURUNAN.get(nomor)
    if ada is not None and ada[0]() is objek:
        return cast(V, ada[1])
    hasil = buat(objek)
    _TURUNAN[nomor] = (weakref.ref(objek, functools.partial(_lupakan_turunan, nomor)), hasil)
    return hasil


def _lupakan_turunan(nomor: int, ref: weakref.ref[Any]) -> None:
    ada = _TURUNAN.get(nomor)
    if ada is not None and ada[0] is ref:  # not a newer object that took the same id
        del _TURUNAN[nomor]


@st.cache_resource(show_spinner=False, max_entries=1024)
def hasil_tetap(nama: str, sidik: str, _hitung: Callable[[], Any]) -> Any:
    """The store behind :func:`ui.tetap.tetap`: one result per builder name and input fingerprint.

    ``_hitung`` computes the result on a miss; its leading underscore keeps Streamlit from hashing
    it (``sidik`` already names the inputs, see ui/tetap.py).
    """
    return _hitung()


@st.cache_resource(show_spinner=False, max_entries=8)
def _nama_wilayah(db: str, versi_db: int) -> dict[str, str]:
    semua = wilayah(Path(db))
    return dict(zip(semua["kode_wilayah"], semua["nama"], strict=True))


def nama_wilayah(db_path: Path) -> dict[str, str]:
    """Region code → name for every region (read-only, shared)."""
    return _nama_wilayah(str(db_path), _versi(db_path))


@st.cache_data(show_spinner=False, max_entries=256)
def _statistik_terakhir(
    db: str, versi_db: int, kode_wilayah: str, tahun: int, kode: tuple[str, ...]
) -> dict[str, tuple[float, int]]:
    with store.buka(Path(db)) as con:
        bagian = [store.kueri_con(con, "statistik_indikator", {"statistik": k}) for k in kode]
    return profil.statistik_terakhir(pd.concat(bagian), kode_wilayah, tahun) if bagian else {}


def statistik_terakhir(
    db_path: Path, kode_wilayah: str, tahun: int, kode: tuple[str, ...]
) -> dict[str, tuple[float, int]]:
    """The latest value up to ``tahun`` of each raw statistic in ``kode`` for one region (what-if inputs)."""
    return _statistik_terakhir(str(db_path), _versi(db_path), kode_wilayah, tahun, kode)


@st.cache_data(show_spinner=False, max_entries=256)
def _kelompok_preset(db: str, versi_db: int, kode_wilayah: str) -> dict[str, list[str]]:
    db_path = Path(db)
    wilayah_semua = wilayah(db_path)
    ada = set(skor_semua_siklus(db_path)["kode_wilayah"])
    kabkota = wilayah_semua[wilayah_semua["kode_wilayah"].isin(ada)].sort_values("kode_wilayah")
    nama = dict(zip(kabkota["kode_wilayah"], kabkota["nama"], strict=True))
    hasil = perbandingan.kelompok_preset(kode_wilayah, wilayah_semua, tetangga(db_path), predikat_resmi(db_path), nama)
    return {str(k): list(v) for k, v in hasil.items()}


def kelompok_preset(db_path: Path, kode_wilayah: str) -> dict[perbandingan.Sebaya, list[str]]:
    """Preset peer groups of a kab/kota (see indicators.perbandingan.kelompok_preset), per database version."""
    return cast(dict[perbandingan.Sebaya, list[str]], _kelompok_preset(str(db_path), _versi(db_path), kode_wilayah))


# --- Pembinaan & pengawasan and the evaluation calendar (keyed on the workspace and seed files too) ---


# A resource: the province's view is a frozen dataclass the page and the exports only read.
@st.cache_resource(show_spinner=False, max_entries=16)
def _pembinaan(
    db: str, versi_db: int, versi_gugus: int, versi_seed: int, kode_provinsi: str, hari_ini: str
) -> gugus_pembinaan.Pembinaan:
    hari = dt.date.fromisoformat(hari_ini)
    return gugus_pembinaan.tabel_pembinaan(Path(db), katalog(), data_dukung(), kode_provinsi, hari)


def pembinaan(db_path: Path, kode_provinsi: str, hari_ini: dt.date) -> gugus_pembinaan.Pembinaan:
    """The province's supervision view on a day (read-only; see indicators.gugus.pembinaan.tabel_pembinaan)."""
    versi_gugus = simpan.versi_berkas(simpan.path_gugus(db_path))
    versi_seed = simpan.versi_berkas(gugus_regulasi.SEED_PATH)  # the seeded regulation registers count too
    kunci = (str(db_path), _versi(db_path), versi_gugus, versi_seed, kode_provinsi, hari_ini.isoformat())
    return tandai(_pembinaan(*kunci), "pembinaan", *kunci)


@st.cache_data(show_spinner=False)
def _kalender(path_gugus: str, versi_gugus: int, versi_csv: int, kode_provinsi: str) -> pd.DataFrame:
    dasar = gugus_kalender.muat_kalender()
    return gugus_kalender.gabung_kalender(dasar, gugus_kalender.baca_kalender_provinsi(Path(path_gugus), kode_provinsi))


def kalender_evaluasi(db_path: Path, kode_provinsi: str) -> pd.DataFrame:
    """The evaluation calendar with the province's own dates (see indicators.gugus.kalender)."""
    path = simpan.path_gugus(db_path)
    versi_csv = simpan.versi_berkas(gugus_kalender.PATH_KALENDER)
    return _kalender(str(path), simpan.versi_berkas(path), versi_csv, kode_provinsi)


# --- Perlindungan Anak: the partners register (workspace) and the verification marks (database) ---


@st.cache_data(show_spinner=False)
def _mitra_perlindungan(path: str, versi_gugus: int, kode_wilayah: str, hari_ini: str, peringatan: int) -> pd.DataFrame:
    hari = dt.date.fromisoformat(hari_ini)
    return gugus_mitra.baca_mitra(Path(path), kode_wilayah, hari_ini=hari, peringatan=peringatan)


def mitra_perlindungan(db_path: Path, kode_wilayah: str, hari_ini: dt.date) -> pd.DataFrame:
    """The partners (MoU / PKS) of a region or province with their status on a day (see indicators.gugus.mitra)."""
    path = simpan.path_gugus(db_path)
    peringatan = gugus_mitra.hari_peringatan()
    return _mitra_perlindungan(str(path), simpan.versi_berkas(path), kode_wilayah, hari_ini.isoformat(), peringatan)


@st.cache_data(show_spinner=False)
def _verifikasi_perlindungan(db: str, versi_db: int, kode_provinsi: str) -> pd.DataFrame:
    return verifikasi.baca_verifikasi(Path(db), kode_provinsi)


def verifikasi_perlindungan(db_path: Path, kode_provinsi: str) -> pd.DataFrame:
    """The verification marks of a province's child-protection figures (see indicators.impor.verifikasi)."""
    return _verifikasi_perlindungan(str(db_path), _versi(db_path), kode_provinsi)


# --- Perlindungan Anak: what the page shows, disclosure-controlled for the viewer's scope ----------
# The scope (``terbuka``) is part of every key: a public visitor never gets an editor's entry.


@st.cache_data(show_spinner=False)
def _tahun_perlindungan(db: str, versi_db: int, kode_provinsi: str) -> list[int]:
    return ekspor_perlindungan.tahun_tersedia(Path(db), kode_provinsi)


def tahun_perlindungan(db_path: Path, kode_provinsi: str) -> list[int]:
    """The years with Perlindungan Anak data for a province."""
    return _tahun_perlindungan(str(db_path), _versi(db_path), kode_provinsi)


@st.cache_data(show_spinner=False, max_entries=64)
def _isi_perlindungan(
    db: str, versi_db: int, kode_provinsi: str, tahun: int, kode_wilayah: str, terbuka: tuple[str, ...],
    bahasa: Bahasa, hari_ini: str,
) -> ekspor_perlindungan.IsiPerlindungan:  # fmt: skip
    return ekspor_perlindungan.muat(
        Path(db), kode_provinsi, tahun, kode_wilayah, terbuka=terbuka, bahasa=bahasa,
        hari_ini=dt.date.fromisoformat(hari_ini),
    )  # fmt: skip


def isi_perlindungan(
    db_path: Path, kode_provinsi: str, tahun: int, kode_wilayah: str, terbuka: tuple[str, ...], bahasa: Bahasa
) -> ekspor_perlindungan.IsiPerlindungan:
    """One year of a province and one kab/kota as the viewer with scope ``terbuka`` may see it.

    Keyed on today too: the current year's "belum terverifikasi" and its expected months follow the date.
    """
    kunci = (str(db_path), _versi(db_path), kode_provinsi, tahun, kode_wilayah, tuple(sorted(terbuka)), bahasa)
    return _isi_perlindungan(*kunci, dt.date.today().isoformat())
