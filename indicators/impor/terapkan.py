"""Importing real data into the store: preview, atomic commit, history and rollback.

The flow is read → check (:func:`periksa_berkas`, every problem at once) → :func:`pratinjau`
(new / changed / unchanged rows against what is stored, and the effect on totals and computed
predikat) → :func:`terapkan` (commit) and, later, :func:`batalkan` (rollback).

**All or nothing, also against SIGKILL.** DuckDB allows one writing process and a reader blocks a
writer, so an import never writes the live file. It goes through the store's write path
(:func:`indicators.io.store.salinan_kerja`): under the database's file lock (the one the builder
takes too) the database and its write-ahead log are copied to a temporary file beside it, the
whole import is applied there in one transaction, and the copy is CHECKPOINTed, closed, fsynced
and moved over the database with ``os.replace``. Readers see the old file or the new one; a
process killed at any point leaves the old file as it was (a stale temporary copy is removed by
the next import).

**New / changed / unchanged.** A row is unchanged when the stored row has the same value (score
or statistic and unit, or predikat) and is already real data; a different ``sumber`` or
``catatan`` alone does not rewrite it. A stored synthetic score is always "changed".

**History.** Every import is a row of ``log_impor`` (who, when, file name, SHA-256, counts) and
``riwayat_impor`` keeps the previous value of every key it added, changed or deleted. Real scores
for a (tahun, kode_wilayah, tahap) replace the synthetic example scores of that key entirely: the
synthetic rows are deleted and recorded too, so a rollback brings them back.

**Rollback order.** :func:`batalkan` restores exactly the values before an import. It refuses
(with a clear message naming them) while a later import still in force touched any of the same
keys: roll back the newest first. Keys no later import touched are never a conflict.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from indicators.analisis.skor import KUNCI, hitung_skor
from indicators.impor import perlindungan
from indicators.impor.masalah import ImporError, Masalah
from indicators.impor.periksa import JENIS, SPEK, HasilPeriksa, Jenis, periksa_berkas, sama_angka
from indicators.io import store
from indicators.katalog.model import Katalog
from indicators.katalog.perlindungan import katalog_perlindungan

__all__ = [
    "JENIS",
    "HasilBatal",
    "HasilImpor",
    "HasilPeriksa",
    "ImporError",
    "Jenis",
    "Masalah",
    "Pratinjau",
    "batalkan",
    "bawa_impor",
    "daftar_impor",
    "gabung_impor",
    "muat_wilayah",
    "periksa_berkas",
    "pratinjau",
    "sidik_db",
    "terapkan",
    "wilayah_impor",
]

log = logging.getLogger(__name__)

# Test hook: seconds to sleep inside the import transaction (tests kill the process there).
ENV_JEDA_UJI = "KLA_UJI_JEDA_IMPOR"

TABEL_DATA = ("skor_indikator", "statistik_indikator", "predikat_resmi", "perlindungan_anak", "penduduk_anak")
# table → (key columns, column stored in riwayat_impor.kunci, column stored in riwayat_impor.tahap).
# A perlindungan_anak key is kept as (tahun, bulan, kode_wilayah, kunci = '<tabel>/<kategori>'):
# see _kolom_riwayat and _kunci_riwayat.
_KUNCI_TABEL: dict[str, tuple[tuple[str, ...], str | None, str | None]] = {
    "skor_indikator": (("tahun", "kode_wilayah", "indikator", "tahap"), "indikator", "tahap"),
    "statistik_indikator": (("tahun", "kode_wilayah", "statistik"), "statistik", None),
    "predikat_resmi": (("tahun", "kode_wilayah"), None, None),
    "perlindungan_anak": (perlindungan.KUNCI, None, None),
    "penduduk_anak": (("kode_wilayah", "tahun"), None, None),
}
_VERSI_PERLINDUNGAN = 4  # the schema version that holds perlindungan_anak, penduduk_anak and verifikasi
_SISIP = {
    "sumber": "INSERT INTO sumber BY NAME SELECT * FROM data_masuk",
    "skor_indikator": "INSERT INTO skor_indikator BY NAME SELECT * FROM data_masuk",
    "statistik_indikator": "INSERT INTO statistik_indikator BY NAME SELECT * FROM data_masuk",
    "predikat_resmi": "INSERT INTO predikat_resmi BY NAME SELECT * FROM data_masuk",
    "perlindungan_anak": "INSERT INTO perlindungan_anak BY NAME SELECT * FROM data_masuk",
    "penduduk_anak": "INSERT INTO penduduk_anak BY NAME SELECT * FROM data_masuk",
    "log_impor": "INSERT INTO log_impor BY NAME SELECT * FROM data_masuk",
    "riwayat_impor": "INSERT INTO riwayat_impor BY NAME SELECT * FROM data_masuk",
}
_URL = re.compile(r"https?://\S+")


@dataclass
class Pratinjau:
    """What an import would do, computed against the stored data; nothing is written.

    Attributes:
        jenis: the kind of data.
        baris: one row per file row: ``baris``, the key columns, the old and new value
            (``nilai_lama``/``nilai`` or ``predikat_lama``/``predikat``), ``sintetis_lama`` and
            ``status`` (``baru``, ``berubah`` or ``sama``).
        dihapus: synthetic rows that real ones replace: the scores of the same region × cycle ×
            stage, or the child-protection counts of the same region × year.
        dampak: for scores, one row per affected (tahun, kode_wilayah, tahap) with the total,
            computed predikat, completeness and synthetic flag before (``_lama``) and after
            (``_baru``); for predikat, the official predikat that change; for child-protection
            counts, one row per region × year × table with the months reported, the row counts
            and the synthetic flag before and after
            (:func:`indicators.impor.perlindungan.dampak`); empty for statistics.
        jumlah: counts ``baru``, ``berubah``, ``sama``, ``dihapus``.
        sidik: fingerprint of the database file the preview was computed on (see :func:`sidik_db`).
    """

    jenis: Jenis
    baris: pd.DataFrame
    dihapus: pd.DataFrame
    dampak: pd.DataFrame
    jumlah: dict[str, int]
    sidik: str

    def baris_tampil(self) -> pd.DataFrame:
        """Return ``baris`` without the internal columns (those starting with ``_``), for display."""
        return self.baris[[k for k in self.baris.columns if not str(k).startswith("_")]]


@dataclass(frozen=True)
class HasilImpor:
    """A committed import: its id in ``log_impor`` and the preview it applied."""

    impor_id: int
    pratinjau: Pratinjau


@dataclass(frozen=True)
class HasilBatal:
    """A committed rollback: the import undone, the log row of the rollback, keys restored."""

    impor_id: int
    log_id: int
    jumlah_kunci: int


# --- helpers --------------------------------------------------------------------------------


def sidik_db(db_path: Path) -> str:
    """Return a fingerprint of the database file (inode, size, mtime): it changes on every commit."""
    st = db_path.stat()
    return f"{st.st_ino}-{st.st_size}-{st.st_mtime_ns}"


def muat_wilayah(db_path: Path) -> pd.DataFrame:
    """Return every region of the database (``kode_wilayah, nama, nama_singkat, tingkat, kode_bps, ...``)."""
    _pastikan_db(db_path)
    return store.kueri(db_path, "wilayah_semua")


def _pastikan_db(db_path: Path) -> int:
    versi = store.versi_database(db_path)
    if versi is None:
        raise ImporError(
            f"Database {db_path} tidak ada atau rusak; jalankan 'kla db build'.",
            f"Database {db_path} is missing or corrupt; run 'kla db build'.",
        )
    return versi


def _dengan_frame(con: duckdb.DuckDBPyConnection, nama: str, frame: pd.DataFrame, sql: str) -> pd.DataFrame:
    con.register(nama, frame)
    try:
        return con.execute(sql).df()
    finally:
        con.unregister(nama)


def _sisipkan(con: duckdb.DuckDBPyConnection, tabel: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("data_masuk", frame)
    try:
        con.execute(_SISIP[tabel])
    finally:
        con.unregister("data_masuk")


def _hapus(con: duckdb.DuckDBPyConnection, tabel: str, kunci: pd.DataFrame) -> None:
    if kunci.empty:
        return
    con.register("kunci_hapus", kunci)
    try:
        con.execute(store.muat_sql(f"impor_hapus_{tabel}"))
    finally:
        con.unregister("kunci_hapus")


def _nilai_json(v: object) -> object:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp | dt.datetime | dt.date):
        return v.isoformat()
    return v


def _ke_json(frame: pd.DataFrame) -> list[str]:
    """Each row as JSON with plain Python values (floats round-trip exactly)."""
    kolom = list(frame.columns)
    return [
        json.dumps({k: _nilai_json(v) for k, v in zip(kolom, baris, strict=True)}, ensure_ascii=False)
        for baris in zip(*(frame[k] for k in kolom), strict=True)
    ]


def _tabel_skor(frame: pd.DataFrame, katalog: Katalog) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*KUNCI, "total", "predikat_hitung", "lengkap", "sintetis", "jumlah_indikator"])
    skor = frame[["tahun", "kode_wilayah", "indikator", "tahap", "nilai", "sintetis"]].copy()
    skor["tahun"] = skor["tahun"].astype("int64")
    skor["sintetis"] = skor["sintetis"].astype(bool)
    return hitung_skor(skor, katalog)


# --- preview --------------------------------------------------------------------------------


def _bandingkan(con: duckdb.DuckDBPyConnection, hasil: HasilPeriksa, katalog: Katalog, sidik: str) -> Pratinjau:
    """Compare a checked file with the stored rows on an open connection (the preview; nothing is written)."""
    if hasil.jenis is None or not hasil.sah:
        raise ImporError(
            "Berkas belum lolos pemeriksaan; perbaiki semua masalah dulu.",
            "The file has not passed the checks; fix every problem first.",
        )
    jenis = hasil.jenis
    data = hasil.data.copy()
    data["tahun"] = data["tahun"].astype("int64")
    lama = _baris_tersimpan(con, jenis, data)
    gabung = _beri_status(jenis, data, lama)
    if jenis == "perlindungan":
        dihapus, dampak, langgar = perlindungan.dampak(data, lama, katalog_perlindungan())
        tolak = perlindungan.alasan_tolak(dampak, langgar, katalog_perlindungan())
        if tolak is not None:
            raise ImporError(*tolak)
    else:
        dihapus, dampak = _dampak(jenis, data, lama, gabung, katalog)
    tampil = _baris_pratinjau(jenis, gabung)
    jumlah = {s: int((tampil["status"] == s).sum()) for s in ("baru", "berubah", "sama")}
    jumlah["dihapus"] = len(dihapus)
    return Pratinjau(jenis, tampil, dihapus.reset_index(drop=True), dampak, jumlah, sidik)


def _baris_tersimpan(con: duckdb.DuckDBPyConnection, jenis: Jenis, data: pd.DataFrame) -> pd.DataFrame:
    """The stored rows the file touches, each also as JSON (``_json``) for the history.

    For scores: every stored row of each (tahun, kode_wilayah, tahap) in the file, since real
    scores replace the synthetic set of that key; otherwise the rows with the file's keys.
    """
    if jenis == "perlindungan":
        return _tersimpan_perlindungan(con, data)
    spek = SPEK[jenis]
    kunci = list(spek.kunci)
    kunci_kueri = data[["tahun", "kode_wilayah", "tahap"]].drop_duplicates() if jenis == "skor" else data[kunci]
    lama = _dengan_frame(con, "kunci_impor", kunci_kueri, store.muat_sql(f"impor_tersimpan_{spek.tabel}"))
    lama["tahun"] = lama["tahun"].astype("int64")
    lama["_json"] = _ke_json(lama.drop(columns=["_json"], errors="ignore"))
    return lama


def _tersimpan_perlindungan(con: duckdb.DuckDBPyConnection, data: pd.DataFrame) -> pd.DataFrame:
    """The stored counts and denominators of every region × year in the file, as long rows.

    Every month, table and category of those region-years (real counts replace the synthetic
    sample of a region-year entirely); each row keeps its own table's row as JSON for the history.
    """
    kunci = data[["tahun", "kode_wilayah"]].drop_duplicates()
    anak = _dengan_frame(con, "kunci_impor", kunci, store.muat_sql("impor_tersimpan_perlindungan_anak"))
    penduduk = _dengan_frame(con, "kunci_impor", kunci, store.muat_sql("impor_tersimpan_penduduk_anak"))
    anak["_json"] = _ke_json(anak)
    penduduk["_json"] = _ke_json(penduduk)
    return perlindungan.tersimpan_panjang(anak, penduduk)


def _beri_status(jenis: Jenis, data: pd.DataFrame, lama: pd.DataFrame) -> pd.DataFrame:
    """The file rows joined to the stored ones (``<column>_lama``), each with its ``status``.

    ``baru`` when nothing is stored under the key; ``sama`` when the stored row is real data
    with the same value (and unit, for statistics); ``berubah`` otherwise.
    """
    kunci = list(SPEK[jenis].kunci)
    lama_r = lama.rename(columns={c: f"{c}_lama" for c in lama.columns if c not in kunci})
    gabung = data.merge(lama_r, on=kunci, how="left", indicator="_asal", validate="one_to_one")
    ada = (gabung["_asal"] == "both").to_numpy()
    sintetis_lama = gabung["sintetis_lama"].fillna(False).astype(bool).to_numpy() if len(gabung) else np.array([])
    if jenis == "predikat":
        sama = ada & (gabung["predikat"] == gabung["predikat_lama"]).to_numpy()
    else:
        nilai = SPEK[jenis].kolom_nilai
        sama = ada & np.array(
            [
                a and sama_angka(float(x), float(y))
                for a, x, y in zip(ada, gabung[nilai], gabung[f"{nilai}_lama"], strict=True)
            ],
            dtype=bool,
        )
        if jenis == "statistik":
            sama &= (gabung["satuan"] == gabung["satuan_lama"]).to_numpy()
    sama &= ~sintetis_lama
    gabung["status"] = np.where(~ada, "baru", np.where(sama, "sama", "berubah"))
    gabung["sintetis_lama"] = np.where(ada, sintetis_lama, False)
    return gabung


def _dampak(
    jenis: Jenis, data: pd.DataFrame, lama: pd.DataFrame, gabung: pd.DataFrame, katalog: Katalog
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored rows the import deletes, and its effect (see :attr:`Pratinjau.dampak`)."""
    if jenis == "skor":
        return _dampak_skor(data, lama, katalog)
    if jenis == "predikat":
        berubah = gabung[gabung["status"] != "sama"]
        return lama.iloc[0:0], berubah[["tahun", "kode_wilayah", "predikat_lama", "predikat"]].reset_index(drop=True)
    return lama.iloc[0:0], pd.DataFrame()


def _dampak_skor(data: pd.DataFrame, lama: pd.DataFrame, katalog: Katalog) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The synthetic scores the file replaces, and the totals and predikat before and after.

    Synthetic rows of a (tahun, kode_wilayah, tahap) in the file that the file does not name are
    deleted with it; stored real rows it does not name stay.
    """
    kunci = list(SPEK["skor"].kunci)
    kunci_file = pd.MultiIndex.from_frame(data[kunci])
    di_file = pd.MultiIndex.from_frame(lama[kunci]).isin(kunci_file) if len(lama) else np.array([], dtype=bool)
    sintetis = lama["sintetis"].astype(bool).to_numpy()
    dihapus = lama[sintetis & ~di_file]
    sisa = lama[~sintetis & ~di_file]
    sesudah = pd.concat([sisa, data.assign(sintetis=False)], ignore_index=True)
    sebelum_t = _tabel_skor(lama, katalog)
    sesudah_t = _tabel_skor(sesudah, katalog)
    pilih = ["total", "predikat_hitung", "lengkap", "sintetis", "jumlah_indikator"]
    dampak = (
        data[KUNCI]
        .drop_duplicates()
        .merge(sebelum_t[[*KUNCI, *pilih]].rename(columns={c: f"{c}_lama" for c in pilih}), on=KUNCI, how="left")
        .merge(sesudah_t[[*KUNCI, *pilih]].rename(columns={c: f"{c}_baru" for c in pilih}), on=KUNCI, how="left")
        .sort_values(KUNCI, ignore_index=True)
    )
    return dihapus, dampak


def _baris_pratinjau(jenis: Jenis, gabung: pd.DataFrame) -> pd.DataFrame:
    """The preview rows: file row, key, old and new value, status, and the columns the commit needs.

    A child-protection row also names its sheet, and its count is ``nilai`` like a score's.
    """
    kunci = list(SPEK[jenis].kunci)
    if jenis == "perlindungan":
        gabung = gabung.rename(columns={"jumlah": "nilai", "jumlah_lama": "nilai_lama"})
        kunci = ["sheet", *kunci]
    nilai = ["predikat_lama", "predikat"] if jenis == "predikat" else ["nilai_lama", "nilai"]
    if jenis == "statistik":
        nilai += ["satuan_lama", "satuan"]
    tampil = gabung[["baris", *kunci, *nilai, "sintetis_lama", "status"]].copy()
    # Columns the commit needs (previous row as JSON, the file's source text and note).
    tampil["_json_lama"] = gabung["_json_lama"].to_numpy()
    tampil["_sumber"] = gabung["sumber"].to_numpy()
    tampil["_catatan"] = gabung["catatan"].to_numpy()
    return tampil


def pratinjau(db_path: Path, hasil: HasilPeriksa, katalog: Katalog) -> Pratinjau:
    """Compare a checked file with the stored data; nothing is written.

    Raises:
        ImporError: the file has problems, or the database is missing or unreadable.
    """
    _pastikan_db(db_path)
    sidik = sidik_db(db_path)
    try:
        with store.buka(db_path) as con:
            return _bandingkan(con, hasil, katalog, sidik)
    except duckdb.Error as exc:
        raise ImporError(
            f"Database tidak dapat dibaca untuk pratinjau ({type(exc).__name__}); coba lagi.",
            f"The database cannot be read for the preview ({type(exc).__name__}); try again.",
        ) from exc


# --- commit ---------------------------------------------------------------------------------


@contextmanager
def _salinan_kerja(db_path: Path, sidik: str | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Under the database's lock, yield a read-write connection to a fresh copy of the database.

    When the block ends without error the copy is checkpointed, fsynced and moved over the
    database (:func:`store.salinan_kerja`); on any error (or a kill) the database is untouched and
    the copy is removed. Refuses, under the lock, a missing database or one that changed since the
    preview ``sidik``.
    """

    def periksa() -> None:
        _pastikan_db(db_path)
        if sidik is not None and sidik_db(db_path) != sidik:
            raise ImporError(
                "Database berubah sejak pratinjau (ada impor atau pembangunan lain); ulangi pratinjau.",
                "The database changed since the preview (another import or build); preview again.",
            )

    with store.salinan_kerja(
        db_path, akhiran="impor", jeda=ENV_JEDA_UJI, tempat="impor", periksa=periksa, wal=True
    ) as salinan:
        yield salinan.con


def _sumber_impor(
    impor_id: int, teks: pd.Series, berkas: str, sha: str, pengguna: str
) -> tuple[pd.DataFrame, list[str]]:
    """One source row per distinct ``sumber`` text of the written rows; return rows and ids per row."""
    peta: dict[str, str] = {}
    baris: list[dict[str, object]] = []
    ids: list[str] = []
    for isi in teks:
        kunci = isi if isinstance(isi, str) else ""
        if kunci not in peta:
            sid = f"impor-{impor_id}-{len(peta) + 1}"
            peta[kunci] = sid
            sitasi = f"Impor #{impor_id}: berkas {berkas} (SHA-256 {sha[:12]}), diunggah oleh {pengguna}"
            if kunci:
                sitasi += f"; sumber: {kunci}"
            cocok = _URL.search(kunci)
            baris.append(
                {
                    "sumber_id": sid,
                    "sitasi": sitasi,
                    "url": cocok.group(0).rstrip(",;)") if cocok else None,
                    "jenis": "impor",
                    "lisensi": None,
                    "keyakinan": "tinggi",
                    "sintetis": False,
                }
            )
        ids.append(peta[kunci])
    return pd.DataFrame(baris), ids


def _baris_tulis(jenis: Jenis, tulis: pd.DataFrame, sumber_id: list[str]) -> pd.DataFrame:
    spek = SPEK[jenis]
    hasil = tulis[list(spek.kunci)].copy()
    if jenis == "predikat":
        hasil["predikat"] = tulis["predikat"].to_numpy()
        hasil["dasar"] = "impor"
        hasil["keyakinan"] = "tinggi"
    else:
        hasil["nilai"] = tulis["nilai"].astype(float).to_numpy()
    if jenis == "statistik":
        hasil["satuan"] = tulis["satuan"].to_numpy()
        hasil["keyakinan"] = "tinggi"
        hasil["terverifikasi"] = True
    hasil["sintetis"] = False
    hasil["sumber_id"] = sumber_id
    hasil["catatan"] = pd.Series(
        [v if isinstance(v, str) else None for v in tulis["_catatan"]], index=hasil.index, dtype=object
    )
    return hasil


def _kolom_riwayat(tabel: str, frame: pd.DataFrame) -> tuple[object, object, object]:
    """A table's keys as riwayat_impor keeps them: its ``kunci``, ``tahap`` and ``bulan`` columns."""
    n = len(frame)
    if tabel == "perlindungan_anak":
        kunci = [f"{t}/{k}" for t, k in zip(frame["tabel"], frame["kategori"], strict=True)]
        return kunci, [""] * n, frame["bulan"].astype("int64").to_numpy()
    _, kolom_kunci, kolom_tahap = _KUNCI_TABEL[tabel]
    return (
        frame[kolom_kunci].astype(str).to_numpy() if kolom_kunci else [""] * n,
        frame[kolom_tahap].astype(str).to_numpy() if kolom_tahap else [""] * n,
        [0] * n,
    )


def _riwayat(impor_id: int, tabel: str, frame: pd.DataFrame, aksi: str, json_lama: list[object]) -> pd.DataFrame:
    n = len(frame)
    kunci, tahap, bulan = _kolom_riwayat(tabel, frame)
    return pd.DataFrame(
        {
            "impor_id": [impor_id] * n,
            "tabel": [tabel] * n,
            "tahun": frame["tahun"].astype("int64").to_numpy(),
            "bulan": bulan,
            "kode_wilayah": frame["kode_wilayah"].astype(str).to_numpy(),
            "kunci": kunci,
            "tahap": tahap,
            "aksi": [aksi] * n,
            "baris_lama": pd.Series([v if isinstance(v, str) else None for v in json_lama], dtype=object),
        }
    )


def terapkan(
    db_path: Path,
    hasil: HasilPeriksa,
    katalog: Katalog,
    *,
    pengguna: str,
    sidik: str | None = None,
) -> HasilImpor:
    """Commit a checked file to the database, all or nothing, and record it in the history.

    Args:
        db_path: the database file.
        hasil: a file that passed :func:`periksa_berkas` (``hasil.sah``).
        katalog: the catalogue (for the totals in the preview).
        pengguna: who imports (recorded in ``log_impor``).
        sidik: the :attr:`Pratinjau.sidik` the user confirmed; when given, the commit refuses if
            the database changed since that preview.

    Raises:
        ImporError: the file has problems, the database is missing, or it changed since the preview.
    """
    if not pengguna.strip():
        raise ImporError("Nama pengguna wajib diisi.", "A user name is required.")
    if not hasil.sah:
        raise ImporError(
            "Berkas belum lolos pemeriksaan; perbaiki semua masalah dulu.",
            "The file has not passed the checks; fix every problem first.",
        )
    _pastikan_db(db_path)
    try:
        with _salinan_kerja(db_path, sidik) as con:
            prat = _bandingkan(con, hasil, katalog, sidik or "")
            impor_id = _tulis_impor(con, prat, hasil, pengguna)
    except duckdb.Error as exc:
        raise ImporError(
            f"Impor gagal dan dibatalkan seluruhnya; database tidak berubah ({type(exc).__name__}: {exc}).",
            f"The import failed and was cancelled entirely; the database is unchanged ({type(exc).__name__}: {exc}).",
        ) from exc
    return HasilImpor(impor_id, prat)


def _tulis_impor(con: duckdb.DuckDBPyConnection, prat: Pratinjau, hasil: HasilPeriksa, pengguna: str) -> int:
    """Write a previewed import in the open transaction; return its id.

    Records the log row, the import's sources and the history, then replaces the changed rows
    (and the synthetic scores the import deletes) with the file's rows; unchanged rows are left.
    """
    jenis = prat.jenis
    impor_id = int(con.execute(store.muat_sql("impor_id_baru")).fetchall()[0][0])
    tulis = prat.baris[prat.baris["status"] != "sama"]
    sumber, sid = _sumber_impor(impor_id, tulis["_sumber"], hasil.berkas, hasil.sha256, pengguna)
    _sisipkan(con, "log_impor", _log_impor(impor_id, prat, hasil, pengguna))
    _sisipkan(con, "sumber", sumber)
    if jenis == "perlindungan":
        _tulis_perlindungan(con, impor_id, prat, tulis, sid)
        return impor_id
    tabel = SPEK[jenis].tabel
    kunci = list(SPEK[jenis].kunci)
    berubah = tulis[tulis["status"] == "berubah"]
    _sisipkan(con, "riwayat_impor", _riwayat_impor(impor_id, tabel, tulis, prat.dihapus))
    hapus = pd.concat([berubah[kunci], prat.dihapus[kunci] if len(prat.dihapus) else None], ignore_index=True)
    _hapus(con, tabel, hapus)
    _sisipkan(con, tabel, _baris_tulis(jenis, tulis, sid))
    return impor_id


def _tulis_perlindungan(
    con: duckdb.DuckDBPyConnection, impor_id: int, prat: Pratinjau, tulis: pd.DataFrame, sid: list[str]
) -> None:
    """Write a child-protection import: counts to perlindungan_anak, denominators to penduduk_anak.

    Each table gets its own history rows (the previous row as that table's JSON), its changed and
    replaced rows deleted and the file's rows inserted.
    """
    tujuan = perlindungan.tabel_tujuan(tulis["tabel"])
    tujuan_hapus = (
        perlindungan.tabel_tujuan(prat.dihapus["tabel"]) if len(prat.dihapus) else pd.Series([], dtype=object)
    )
    baris = perlindungan.baris_tulis(tulis, sid)
    for tabel in (perlindungan.TABEL_DB, perlindungan.TABEL_PENDUDUK):
        bagian = tulis[(tujuan == tabel).to_numpy()]
        dihapus = prat.dihapus[(tujuan_hapus == tabel).to_numpy()] if len(prat.dihapus) else prat.dihapus
        _sisipkan(con, "riwayat_impor", _riwayat_impor(impor_id, tabel, bagian, dihapus))
        kunci = list(_KUNCI_TABEL[tabel][0])
        berubah = bagian[bagian["status"] == "berubah"]
        _hapus(con, tabel, pd.concat([berubah[kunci], dihapus[kunci]], ignore_index=True))
        _sisipkan(con, tabel, baris[tabel])


def _riwayat_impor(impor_id: int, tabel: str, tulis: pd.DataFrame, dihapus: pd.DataFrame) -> pd.DataFrame:
    """The history rows of an import: keys added, keys changed (with the old row), rows deleted."""
    baru = tulis[tulis["status"] == "baru"]
    berubah = tulis[tulis["status"] == "berubah"]
    return pd.concat(
        [
            _riwayat(impor_id, tabel, baru, "tambah", [None] * len(baru)),
            _riwayat(impor_id, tabel, berubah, "ubah", list(berubah["_json_lama"])),
            _riwayat(impor_id, tabel, dihapus, "hapus", list(dihapus["_json"]) if len(dihapus) else []),
        ],
        ignore_index=True,
    )


def _log_impor(impor_id: int, prat: Pratinjau, hasil: HasilPeriksa, pengguna: str) -> pd.DataFrame:
    """The ``log_impor`` row of a committed import: who, when, which file, and its counts."""
    return pd.DataFrame(
        [
            {
                "impor_id": impor_id,
                "waktu": dt.datetime.now().replace(microsecond=0),
                "pengguna": pengguna.strip(),
                "berkas": hasil.berkas,
                "sheet": hasil.sheet,
                "sha256": hasil.sha256,
                "jenis": prat.jenis,
                "jumlah_baris": len(prat.baris),
                "jumlah_baru": prat.jumlah["baru"],
                "jumlah_berubah": prat.jumlah["berubah"],
                "jumlah_sama": prat.jumlah["sama"],
                "jumlah_dihapus": prat.jumlah["dihapus"],
                "status": "berhasil",
                "pesan": None,
            }
        ]
    )


# --- history and rollback -------------------------------------------------------------------


def daftar_impor(db_path: Path, impor_id: int | None = None) -> pd.DataFrame:
    """Return the import log, newest first (empty on a database without import history)."""
    if (store.versi_database(db_path) or 0) < 2:
        return pd.DataFrame()
    return store.kueri(db_path, "impor_log", {"impor_id": impor_id})


def wilayah_impor(db_path: Path, impor_id: int) -> set[str]:
    """Return the region codes an import touched (empty for an unknown import or a rollback)."""
    if (store.versi_database(db_path) or 0) < 2:
        return set()
    riwayat = store.kueri(db_path, "impor_riwayat", {"impor_id": impor_id})
    return {str(k) for k in riwayat["kode_wilayah"]}


def batalkan(db_path: Path, impor_id: int, *, pengguna: str) -> HasilBatal:
    """Roll back one import: restore exactly the values before it (synthetic rows included).

    Atomic like :func:`terapkan`. The rollback is itself recorded in ``log_impor`` (jenis
    ``pembatalan``) and the import is marked ``dibatalkan``.

    Raises:
        ImporError: no such import, already rolled back, or a later import still in force touched
            the same keys (roll that one back first; the message names it).
    """
    _pastikan_db(db_path)
    try:
        with _salinan_kerja(db_path, None) as con:
            asal = _impor_untuk_dibatalkan(con, impor_id)
            riwayat = store.kueri_con(con, "impor_riwayat", {"impor_id": impor_id})
            _pulihkan(con, riwayat)
            # DuckDB checks foreign keys against rows deleted in the same transaction, so the
            # import's sources go in a second transaction; the copy is published once, after both.
            con.execute("COMMIT")
            con.execute("BEGIN TRANSACTION")
            log_id = _catat_pembatalan(con, impor_id, asal, len(riwayat), pengguna)
    except duckdb.Error as exc:
        raise ImporError(
            f"Pembatalan gagal; database tidak berubah ({type(exc).__name__}: {exc}).",
            f"The rollback failed; the database is unchanged ({type(exc).__name__}: {exc}).",
        ) from exc
    return HasilBatal(impor_id, log_id, len(riwayat))


def _impor_untuk_dibatalkan(con: duckdb.DuckDBPyConnection, impor_id: int) -> pd.Series:
    """The log row of the import to roll back.

    Raises:
        ImporError: no such import, already rolled back, or later imports still in force touched
            the same keys (named, newest first).
    """
    log_lama = store.kueri_con(con, "impor_log", {"impor_id": impor_id})
    if log_lama.empty or log_lama["jenis"].iloc[0] == "pembatalan":
        raise ImporError(f"Impor #{impor_id} tidak ada.", f"Import #{impor_id} does not exist.")
    if log_lama["status"].iloc[0] != "berhasil":
        raise ImporError(
            f"Impor #{impor_id} sudah dibatalkan sebelumnya.", f"Import #{impor_id} was already rolled back."
        )
    konflik = store.kueri_con(con, "impor_konflik", {"impor_id": impor_id})
    if not konflik.empty:
        daftar = ", ".join(f"#{i}" for i in konflik["impor_id"])
        raise ImporError(
            f"Impor #{impor_id} tidak dapat dibatalkan: impor yang lebih baru ({daftar}) mengubah data "
            f"yang sama. Batalkan dulu dari yang terbaru ({daftar}), lalu #{impor_id}.",
            f"Import #{impor_id} cannot be rolled back: later imports ({daftar}) changed the same data. "
            f"Roll those back first, newest first ({daftar}), then #{impor_id}.",
        )
    return log_lama.iloc[0]


def _kunci_riwayat(tabel: str, bagian: pd.DataFrame) -> pd.DataFrame:
    """The table's key columns of its history rows (``kunci``, ``tahap`` and ``bulan`` back under their names)."""
    kolom_kunci, nama_kunci, nama_tahap = _KUNCI_TABEL[tabel]
    kunci = pd.DataFrame(
        {
            "tahun": bagian["tahun"].astype("int64").to_numpy(),
            "kode_wilayah": bagian["kode_wilayah"].to_numpy(),
        }
    )
    if tabel == "perlindungan_anak":
        pasangan = [str(k).split("/", 1) for k in bagian["kunci"]]
        kunci["bulan"] = bagian["bulan"].astype("int64").to_numpy()
        kunci["tabel"] = [t for t, _ in pasangan]
        kunci["kategori"] = [k for _, k in pasangan]
    if nama_kunci:
        kunci[nama_kunci] = bagian["kunci"].to_numpy()
    if nama_tahap:
        kunci[nama_tahap] = bagian["tahap"].to_numpy()
    return kunci[list(kolom_kunci)]


def _pulihkan(con: duckdb.DuckDBPyConnection, riwayat: pd.DataFrame) -> None:
    """Put back what an import changed: delete every key it touched, insert the previous rows."""
    for tabel in TABEL_DATA:
        bagian = riwayat[riwayat["tabel"] == tabel]
        if bagian.empty:
            continue
        _hapus(con, tabel, _kunci_riwayat(tabel, bagian))
        lama = [json.loads(v) for v in bagian["baris_lama"] if isinstance(v, str)]
        if lama:
            _sisipkan(con, tabel, pd.DataFrame(lama))


def _catat_pembatalan(
    con: duckdb.DuckDBPyConnection, impor_id: int, asal: pd.Series, jumlah_baris: int, pengguna: str
) -> int:
    """Drop the import's sources, log the rollback and mark the import ``dibatalkan``; return the log id."""
    con.execute(store.muat_sql("impor_hapus_sumber_yatim"), {"awalan": f"impor-{impor_id}-"})
    log_id = int(con.execute(store.muat_sql("impor_id_baru")).fetchall()[0][0])
    _sisipkan(
        con,
        "log_impor",
        pd.DataFrame(
            [
                {
                    "impor_id": log_id,
                    "waktu": dt.datetime.now().replace(microsecond=0),
                    "pengguna": pengguna.strip() or "?",
                    "berkas": str(asal["berkas"]),
                    "sheet": asal["sheet"] if isinstance(asal["sheet"], str) else None,
                    "sha256": asal["sha256"] if isinstance(asal["sha256"], str) else None,
                    "jenis": "pembatalan",
                    "jumlah_baris": jumlah_baris,
                    "status": "berhasil",
                    "membatalkan": impor_id,
                    "pesan": f"membatalkan impor #{impor_id}",
                }
            ]
        ),
    )
    con.execute(store.muat_sql("impor_tandai_batal"), {"impor_id": impor_id, "oleh": log_id})
    return log_id


# --- carrying imports over a rebuild --------------------------------------------------------


def bawa_impor(db_lama: Path) -> dict[str, pd.DataFrame]:
    """Read what imports put into an existing database, to carry it over a rebuild.

    Returns frames for ``sumber`` (import sources), ``skor_indikator``, ``statistik_indikator``,
    ``predikat_resmi``, ``perlindungan_anak``, ``penduduk_anak`` (rows whose source is an
    import), ``verifikasi_perlindungan`` (every verification mark: a province editor set each one),
    ``log_impor`` and ``riwayat_impor``. A database from before a table existed gives no frame for it;
    a missing, unreadable or pre-history (schema < 2) database gives an empty dict.
    """
    versi = store.versi_database(db_lama) or 0
    if versi < 2:
        return {}
    nama_tabel = ["sumber", *TABEL_DATA, "verifikasi_perlindungan", "log_impor", "riwayat_impor"]
    if versi < _VERSI_PERLINDUNGAN:
        nama_tabel = [n for n in nama_tabel if n not in (*TABEL_DATA[3:], "verifikasi_perlindungan")]
    try:
        with store.buka(db_lama) as con:
            return {nama: store.kueri_con(con, f"impor_bawa_{nama}") for nama in nama_tabel}
    except duckdb.Error:
        log.warning("impor lama tidak dapat dibaca dari %s; dibangun tanpa impor", db_lama)
        return {}


def gabung_impor(tabel: dict[str, pd.DataFrame], bawaan: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Merge carried-over imports (:func:`bawa_impor`) into freshly built tables.

    Imported rows win over the fresh rows with the same key; the fresh synthetic scores of every
    (tahun, kode_wilayah, tahap) that has imported scores, and the fresh synthetic child-protection
    counts of every (tahun, kode_wilayah) that has imported counts, are dropped (as the commit
    did); the import sources, verification marks, log and history are added. Imported rows that
    no longer fit the fresh regions, indicators or cycles are dropped with a logged warning.
    """
    if not bawaan or all(df.empty for df in bawaan.values()):
        return tabel
    hasil = dict(tabel)
    wilayah = set(tabel["wilayah"]["kode_wilayah"]) if "wilayah" in tabel else None
    indikator = set(tabel["indikator"]["indikator"]) if "indikator" in tabel else None
    siklus = set(tabel["siklus_evaluasi"]["tahun"].astype(int)) if "siklus_evaluasi" in tabel else None
    for nama in TABEL_DATA:
        impor = bawaan.get(nama)
        if impor is None or impor.empty:
            continue
        sah = np.ones(len(impor), dtype=bool)
        if wilayah is not None:
            sah &= impor["kode_wilayah"].isin(wilayah).to_numpy()
        if indikator is not None and nama == "skor_indikator":
            sah &= impor["indikator"].isin(indikator).to_numpy()
        if siklus is not None and nama in ("skor_indikator", "predikat_resmi"):
            sah &= impor["tahun"].astype(int).isin(siklus).to_numpy()
        if nama == "perlindungan_anak":
            tabel_kat = {t: set(k.kategori) for t, k in katalog_perlindungan().tabel.items()}
            sah &= np.array(
                [g in tabel_kat.get(t, ()) for t, g in zip(impor["tabel"], impor["kategori"], strict=True)], dtype=bool
            )
        if not sah.all():
            log.warning("%d baris impor %s tidak cocok lagi dengan katalog/wilayah dan dilewati", (~sah).sum(), nama)
        impor = impor[sah]
        segar = tabel.get(nama, impor.iloc[0:0])
        kolom_kunci = list(_KUNCI_TABEL[nama][0])
        buang = pd.MultiIndex.from_frame(segar[kolom_kunci]).isin(pd.MultiIndex.from_frame(impor[kolom_kunci]))
        grup_kunci = {"skor_indikator": KUNCI, "perlindungan_anak": ["tahun", "kode_wilayah"]}.get(nama)
        if grup_kunci is not None and len(segar):
            grup = pd.MultiIndex.from_frame(segar[grup_kunci]).isin(pd.MultiIndex.from_frame(impor[grup_kunci]))
            buang |= grup & segar["sintetis"].astype(bool).to_numpy()
        hasil[nama] = pd.concat([segar[~buang], impor], ignore_index=True)
    verifikasi = bawaan.get("verifikasi_perlindungan")
    if verifikasi is not None and not verifikasi.empty:
        verifikasi = verifikasi[verifikasi["kode_wilayah"].isin(wilayah)] if wilayah is not None else verifikasi
        segar = tabel.get("verifikasi_perlindungan", verifikasi.iloc[0:0])
        kunci_v = ["kode_wilayah", "tahun"]
        buang = pd.MultiIndex.from_frame(segar[kunci_v]).isin(pd.MultiIndex.from_frame(verifikasi[kunci_v]))
        hasil["verifikasi_perlindungan"] = pd.concat([segar[~buang], verifikasi], ignore_index=True)
    sumber_impor = bawaan.get("sumber")
    if sumber_impor is not None and not sumber_impor.empty:
        segar = tabel.get("sumber", sumber_impor.iloc[0:0])
        baru = sumber_impor[~sumber_impor["sumber_id"].isin(set(segar["sumber_id"]))]
        hasil["sumber"] = pd.concat([segar, baru], ignore_index=True)
    for nama in ("log_impor", "riwayat_impor"):
        if nama in bawaan and not bawaan[nama].empty:
            hasil[nama] = bawaan[nama]
    return hasil
