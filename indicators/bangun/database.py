"""Build the DuckDB store from the committed sources, atomically and idempotently; keep it safe.

The write path is the store's (:mod:`indicators.io.store`): under the database's file lock
(:func:`store.kunci`, shared with the import), the builder writes a new file next to the target,
CHECKPOINTs and closes it, and publishes it with :func:`store.terbitkan` (fsync, ``os.replace``,
fsync of the folder), keeping the file it replaces as a version. Readers (the dashboard) either
see the old database or the new one, never half of one, and a killed build leaves the old file
untouched.

:func:`siapkan_database` is what the dashboard runs before a page: it builds only when no file
exists, migrates an older schema in place, leaves a file locked by another program alone, and
moves a damaged file aside before restoring the last kept version (:func:`pulihkan_database` is
the same restore for ``kla db restore``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from indicators.bangun import geo, perlindungan, sintetis, tambahan
from indicators.impor import terapkan
from indicators.io import store
from indicators.katalog.model import KATALOG_DIR, Katalog, muat_katalog
from indicators.lokasi import DATA_DIR, STATIC_DIR

KODE_INDONESIA = "00"
_KEYAKINAN = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
_URUT_KEYAKINAN = {"rendah": 0, "sedang": 1, "tinggi": 2}
_URL = re.compile(r"https?://\S+")

# One constant statement per table (never built from strings): the frame registered as
# ``data_masuk`` is inserted by column name.
_SISIP = {
    "sumber": "INSERT INTO sumber BY NAME SELECT * FROM data_masuk",
    "wilayah": "INSERT INTO wilayah BY NAME SELECT * FROM data_masuk",
    "tetangga": "INSERT INTO tetangga BY NAME SELECT * FROM data_masuk",
    "skema_indikator": "INSERT INTO skema_indikator BY NAME SELECT * FROM data_masuk",
    "kelompok_indikator": "INSERT INTO kelompok_indikator BY NAME SELECT * FROM data_masuk",
    "indikator": "INSERT INTO indikator BY NAME SELECT * FROM data_masuk",
    "siklus_evaluasi": "INSERT INTO siklus_evaluasi BY NAME SELECT * FROM data_masuk",
    "pita_predikat": "INSERT INTO pita_predikat BY NAME SELECT * FROM data_masuk",
    "predikat_resmi": "INSERT INTO predikat_resmi BY NAME SELECT * FROM data_masuk",
    "statistik_indikator": "INSERT INTO statistik_indikator BY NAME SELECT * FROM data_masuk",
    "skor_dilaporkan": "INSERT INTO skor_dilaporkan BY NAME SELECT * FROM data_masuk",
    "rekap_predikat": "INSERT INTO rekap_predikat BY NAME SELECT * FROM data_masuk",
    "penghargaan_provinsi": "INSERT INTO penghargaan_provinsi BY NAME SELECT * FROM data_masuk",
    "fakta_predikat": "INSERT INTO fakta_predikat BY NAME SELECT * FROM data_masuk",
    "skor_indikator": "INSERT INTO skor_indikator BY NAME SELECT * FROM data_masuk",
    "pita_sintetis": "INSERT INTO pita_sintetis BY NAME SELECT * FROM data_masuk",
    "perlindungan_anak": "INSERT INTO perlindungan_anak BY NAME SELECT * FROM data_masuk",
    "penduduk_anak": "INSERT INTO penduduk_anak BY NAME SELECT * FROM data_masuk",
    # carried over from the previous file by a rebuild (see bangun_database)
    "log_impor": "INSERT INTO log_impor BY NAME SELECT * FROM data_masuk",
    "riwayat_impor": "INSERT INTO riwayat_impor BY NAME SELECT * FROM data_masuk",
    "verifikasi_perlindungan": "INSERT INTO verifikasi_perlindungan BY NAME SELECT * FROM data_masuk",
}


class DataSumberError(ValueError):
    """A committed source file has a bad row; the message names file, row, column and value."""


@dataclass(frozen=True)
class HasilBangun:
    """What a build produced: where the imports came from, and where a damaged file was moved."""

    db_path: Path
    detik: float
    jumlah_baris: dict[str, int]
    asal_impor: Path | None = None
    rusak: Path | None = None


JenisPersiapan = Literal["siap", "dibangun", "dimigrasi", "dipulihkan", "dibangun_ulang", "terkunci", "tak_terbuka"]
TIDAK_SIAP: frozenset[str] = frozenset({"terkunci", "tak_terbuka"})
"""The states in which the file cannot be used now and was left exactly as it was."""
ENV_JEDA_MIGRASI = "KLA_UJI_JEDA_MIGRASI"  # test pause inside the migration's write (store.jeda_uji)


@dataclass(frozen=True)
class Persiapan:
    """What :func:`siapkan_database` found and did.

    ``jenis``: ``siap`` (nothing to do), ``dibangun`` (no file: built from the sources),
    ``dimigrasi`` (older schema brought up to date in place), ``dipulihkan`` (damaged file moved
    to ``rusak``, kept version ``versi`` restored), ``dibangun_ulang`` (damaged file moved to
    ``rusak``, no kept version: built from the sources), or, with the file untouched,
    ``terkunci`` (another program holds it) and ``tak_terbuka`` (unreadable for another reason;
    ``galat`` says why).
    """

    jenis: JenisPersiapan
    db_path: Path
    rusak: Path | None = None
    versi: Path | None = None
    galat: str = ""


class DatabaseTidakSiap(Exception):
    """The database file cannot be used now (locked by another program, or unreadable); nothing was changed."""

    def __init__(self, persiapan: Persiapan) -> None:
        super().__init__(f"{persiapan.db_path}: {persiapan.jenis}: {persiapan.galat}")
        self.persiapan = persiapan


def _tidak_siap(db_path: Path, keadaan: store.KeadaanBerkas) -> Persiapan:
    """The file cannot be used now and is left alone: held by another program, or unreadable."""
    return Persiapan("terkunci" if keadaan.jenis == "terkunci" else "tak_terbuka", db_path, galat=keadaan.galat)


class TidakAdaVersi(ValueError):
    """``kla db restore`` found no kept version to restore, or the one named is not usable."""


def _baca_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _id_sumber(sitasi: str) -> str:
    return "src-" + hashlib.sha1(sitasi.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


class _Sumber:
    """Collects distinct citations and hands out stable ids."""

    def __init__(self) -> None:
        self.baris: dict[str, dict[str, object]] = {}

    def tambah(
        self,
        sitasi: str,
        jenis: str,
        *,
        lisensi: str | None = None,
        sumber_id: str | None = None,
        sintetis_: bool = False,
        keyakinan: str | None = None,
    ) -> str:
        sitasi = sitasi.strip() or "sumber tidak tercatat (source not recorded)"
        sid = sumber_id or _id_sumber(sitasi)
        if sid not in self.baris:
            cocok = _URL.search(sitasi)
            url = cocok.group(0).rstrip(",;)") if cocok else None
            self.baris[sid] = {
                "sumber_id": sid,
                "sitasi": sitasi,
                "url": url,
                "jenis": jenis,
                "lisensi": lisensi,
                "keyakinan": keyakinan,
                "sintetis": sintetis_,
            }
        elif keyakinan is not None:
            lama = self.baris[sid]["keyakinan"]
            if lama is None or _URUT_KEYAKINAN[keyakinan] < _URUT_KEYAKINAN[str(lama)]:
                self.baris[sid]["keyakinan"] = keyakinan
        return sid

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.baris.values()))


def _angka(path: Path, nomor_baris: int, kolom: str, teks: str) -> float:
    try:
        return float(teks)
    except ValueError:
        raise DataSumberError(
            f"{path.name}, baris {nomor_baris}, kolom '{kolom}': nilai '{teks}' bukan angka "
            f"(value is not a number; expected e.g. 12.5)"
        ) from None


def _periksa_kode(path: Path, df: pd.DataFrame, dikenal: set[str]) -> None:
    for posisi, kode in enumerate(df["kode_wilayah"], start=2):
        if kode not in dikenal:
            raise DataSumberError(
                f"{path.name}, baris {posisi}, kolom 'kode_wilayah': kode '{kode}' tidak dikenal "
                f"(unknown region code; expected a Kemendagri code such as 33.75)"
            )


def _wilayah_kemendagri(data_dir: Path, sumber_id: str) -> pd.DataFrame:
    """The province and kab/kota rows: Kemendagri codes and names, BPS codes, area, population."""
    kode = _baca_csv(data_dir / "wilayah" / "kode_wilayah_kabkota.csv")
    jateng = _baca_csv(data_dir / "kla" / "wilayah_jateng.csv").set_index("kode_wilayah")
    penduduk = pd.to_numeric(jateng["penduduk_kepmendagri_2025"]).astype("Int64")
    tingkat = kode["jenis"].map({"provinsi": "provinsi", "kabupaten": "kabkota", "kota": "kabkota"})
    return pd.DataFrame(
        {
            "kode_wilayah": kode["kode_kemendagri"],
            "kode_bps": kode["kode_bps"].replace("", None),
            "nama": kode["nama"],
            "nama_singkat": kode["nama_singkat"],
            "jenis": kode["jenis"],
            "tingkat": tingkat,
            "kode_induk": kode["kode_provinsi"].where(kode["jenis"] != "provinsi", KODE_INDONESIA),
            "kode_provinsi": kode["kode_provinsi"],
            "luas_km2": pd.to_numeric(kode["luas_km2_big"], errors="coerce"),
            "penduduk": kode["kode_kemendagri"].map(penduduk),
            "sumber_id": sumber_id,
        }
    )


def _wilayah_kecamatan(data_dir: Path, sumber_id: str) -> pd.DataFrame:
    """The kecamatan rows of Jawa Tengah, from the boundary layer (no area or population)."""
    kec = geo.baca_batas("jawa_tengah_kecamatan", data_dir)
    return pd.DataFrame(
        {
            "kode_wilayah": kec["kode_wilayah"],
            "kode_bps": kec["kode_bps"],
            "nama": kec["nama"],
            "nama_singkat": kec["nama"],
            "jenis": "kecamatan",
            "tingkat": "kecamatan",
            "kode_induk": kec["kode_kemendagri_kabkota"],
            "kode_provinsi": kec["kode_kemendagri_kabkota"].str.slice(0, 2),
            "luas_km2": None,
            "penduduk": None,
            "sumber_id": sumber_id,
        }
    )


def _wilayah_indonesia(sumber_id: str) -> pd.DataFrame:
    """The one national row (code ``00``), parent of every province."""
    return pd.DataFrame(
        [
            {
                "kode_wilayah": KODE_INDONESIA,
                "kode_bps": None,
                "nama": "Indonesia",
                "nama_singkat": "Indonesia",
                "jenis": "negara",
                "tingkat": "nasional",
                "kode_induk": None,
                "kode_provinsi": KODE_INDONESIA,
                "luas_km2": None,
                "penduduk": None,
                "sumber_id": sumber_id,
            }
        ]
    )


def _wilayah(data_dir: Path, sumber: _Sumber) -> pd.DataFrame:
    """Every region: Indonesia, the provinces and kab/kota, then the kecamatan of Jawa Tengah."""
    lisensi = "MIT (cahyadsn/wilayah, cahyadsn/wilayah_boundaries); kode BPS: BPS"
    sid_kode = sumber.tambah(
        "Kode & nama wilayah: Kepmendagri No. 300.2.2-2138/2025 via cahyadsn/wilayah (MIT); luas: BIG (2024); "
        "kode BPS: BPS, sig.bps.go.id bridging kode (2020)",
        "kode_wilayah",
        lisensi=lisensi,
        keyakinan="tinggi",
    )
    sid_batas = sumber.tambah(
        "Batas wilayah kecamatan Jawa Tengah: cahyadsn/wilayah_boundaries (MIT)",
        "batas_wilayah",
        lisensi="MIT",
        keyakinan="tinggi",
    )
    return pd.concat(
        [
            _wilayah_indonesia(sid_kode),
            _wilayah_kemendagri(data_dir, sid_kode),
            _wilayah_kecamatan(data_dir, sid_batas),
        ],
        ignore_index=True,
    )


def _tabel_skema(katalog: Katalog) -> pd.DataFrame:
    """One row per evaluation scheme (KLA 2024, ...)."""
    return pd.DataFrame(
        [
            {
                "kode_skema": s.kode,
                "nama": s.nama,
                "nama_en": s.nama_en,
                "tahun_mulai": s.tahun_mulai,
                "tahun_selesai": s.tahun_selesai,
                "nilai_total": s.nilai_total,
                "catatan_nilai_maks": s.catatan_nilai_maks,
            }
            for s in katalog.skema.values()
        ]
    )


def _tabel_kelompok(katalog: Katalog) -> pd.DataFrame:
    """One row per indicator group (klaster) of every scheme, with its maximum score."""
    return pd.DataFrame(
        [
            {
                "kode_skema": s.kode,
                "kode_kelompok": k.kode,
                "nama": k.nama,
                "nama_en": k.nama_en,
                "urutan": k.urutan,
                "nilai_maks": s.nilai_maks_kelompok()[k.kode],
            }
            for s in katalog.skema.values()
            for k in s.kelompok
        ]
    )


def tabel_indikator_katalog(katalog: Katalog) -> pd.DataFrame:
    """One row per indicator of every scheme (the maximum scores are the project's assumption)."""
    return pd.DataFrame(
        [
            {
                "indikator": i.id,
                "kode_skema": s.kode,
                "nomor": i.nomor,
                "kode_kelompok": i.kelompok,
                "label": i.label.teks,
                "nama": i.nama.teks,
                "nama_en": i.nama_en,
                "satuan": i.satuan,
                "arah": i.arah,
                "nilai_maks": i.nilai_maks,
                "nilai_maks_asumsi": True,
            }
            for s in katalog.skema.values()
            for i in s.indikator
        ]
    )


def _tabel_siklus(katalog: Katalog) -> pd.DataFrame:
    """One row per evaluation cycle: year, scheme, award date and place."""
    return pd.DataFrame(
        [
            {
                "tahun": c.tahun,
                "kode_skema": c.skema,
                "tanggal_penganugerahan": pd.to_datetime(c.tanggal_penganugerahan).date()
                if c.tanggal_penganugerahan
                else None,
                "tempat": c.tempat,
            }
            for c in katalog.siklus
        ]
    )


def katalog_ke_tabel(katalog: Katalog) -> dict[str, pd.DataFrame]:
    """Return the catalogue as database tables (schemes, groups, indicators, cycles, bands)."""
    return {
        "skema_indikator": _tabel_skema(katalog),
        "kelompok_indikator": _tabel_kelompok(katalog),
        "indikator": tabel_indikator_katalog(katalog),
        "siklus_evaluasi": _tabel_siklus(katalog),
        "pita_predikat": pd.DataFrame([p.model_dump() for p in katalog.pita.pita]),
    }


def _predikat(data_dir: Path, sumber: _Sumber, dikenal: set[str], tahun_siklus: set[int]) -> pd.DataFrame:
    path = data_dir / "kla" / "kla_predikat.csv"
    df = _baca_csv(path)
    _periksa_kode(path, df, dikenal)
    sah = {"Pratama", "Madya", "Nindya", "Utama", "KLA", "Tidak ada"}
    for posisi, (tahun, predikat) in enumerate(zip(df["tahun"], df["predikat"], strict=True), start=2):
        if predikat not in sah:
            raise DataSumberError(
                f"{path.name}, baris {posisi}, kolom 'predikat': '{predikat}' tidak dikenal "
                f"(expected one of {', '.join(sorted(sah))})"
            )
        if int(tahun) not in tahun_siklus:
            raise DataSumberError(
                f"{path.name}, baris {posisi}, kolom 'tahun': {tahun} bukan tahun siklus evaluasi "
                f"(expected one of {sorted(tahun_siklus)})"
            )
    jateng = pd.DataFrame(
        {
            "tahun": df["tahun"].astype(int),
            "kode_wilayah": df["kode_wilayah"],
            "predikat": df["predikat"],
            "dasar": df["basis"],
            "keyakinan": df["confidence"].map(_KEYAKINAN),
            "sintetis": False,
            "sumber_id": [
                sumber.tambah(s, "berita_resmi", keyakinan=_KEYAKINAN[c])
                for s, c in zip(df["source"], df["confidence"], strict=True)
            ],
            "catatan": df["note"].replace("", None),
        }
    )
    # data/kla/tambahan: corrections and the national list (merge rule in indicators/bangun/tambahan.py).
    return tambahan.gabung_predikat(jateng, _konteks_tambahan(data_dir, sumber, dikenal, tahun_siklus))


def _statistik(data_dir: Path, sumber: _Sumber, dikenal: set[str], katalog: Katalog) -> pd.DataFrame:
    bagian = []
    for nama_berkas, terverifikasi in (
        ("indikator_kabkota.csv", True),
        ("kekerasan_anak_kabkota_unverified.csv", False),
    ):
        path = data_dir / "kla" / nama_berkas
        df = _baca_csv(path)
        df["kode_wilayah"] = df["kode_wilayah"].replace("", KODE_INDONESIA)
        _periksa_kode(path, df, dikenal)
        for posisi, kode_stat in enumerate(df["indikator"], start=2):
            if kode_stat not in katalog.statistik:
                raise DataSumberError(
                    f"{path.name}, baris {posisi}, kolom 'indikator': '{kode_stat}' tidak ada di "
                    f"katalog statistik (not in indicators/katalog/statistik.yaml)"
                )
        nilai = [_angka(path, i, "nilai", v) for i, v in enumerate(df["nilai"], start=2)]
        catatan = df["note"].replace("", None)
        if not terverifikasi:
            catatan = catatan.fillna("").radd("BELUM TERVERIFIKASI (unverified), bukan data resmi. ").str.strip()
        bagian.append(
            pd.DataFrame(
                {
                    "tahun": df["tahun"].astype(int),
                    "kode_wilayah": df["kode_wilayah"],
                    "statistik": df["indikator"],
                    "nilai": nilai,
                    "satuan": df["satuan"],
                    "keyakinan": df["confidence"].map(_KEYAKINAN),
                    "terverifikasi": terverifikasi,
                    "sintetis": False,
                    "sumber_id": [
                        sumber.tambah(s, "berita_resmi", keyakinan=_KEYAKINAN[c])
                        for s, c in zip(df["source"], df["confidence"], strict=True)
                    ],
                    "catatan": catatan,
                }
            )
        )
    return pd.concat(bagian, ignore_index=True)


def _konteks_tambahan(
    data_dir: Path, sumber: _Sumber, dikenal: set[str], tahun_siklus: set[int] | None = None
) -> tambahan.Konteks:
    """Lend the loaders of data/kla/tambahan this builder's citations, code check and error type."""
    return tambahan.Konteks(
        data_dir=data_dir,
        sumber=sumber.tambah,
        periksa_kode=lambda path, df: _periksa_kode(path, df, dikenal),
        galat=DataSumberError,
        tahun_siklus=frozenset(tahun_siklus or ()),
    )


def _data_kecil(data_dir: Path, sumber: _Sumber, dikenal: set[str]) -> dict[str, pd.DataFrame]:
    path_skor = data_dir / "kla" / "kla_skor.csv"
    skor = _baca_csv(path_skor)
    _periksa_kode(path_skor, skor, dikenal)
    path_rekap = data_dir / "kla" / "kla_rekap_jumlah.csv"
    rekap = _baca_csv(path_rekap)
    provila = _baca_csv(data_dir / "kla" / "provila_jateng.csv")
    kecil = {
        "skor_dilaporkan": pd.DataFrame(
            {
                "tahun": skor["tahun"].astype(int),
                "kode_wilayah": skor["kode_wilayah"],
                "jenis_skor": skor["jenis_skor"],
                "nilai": [_angka(path_skor, i, "nilai", v) for i, v in enumerate(skor["nilai"], start=2)],
                "sumber_id": [sumber.tambah(s, "berita_resmi") for s in skor["source"]],
                "catatan": skor["note"].replace("", None),
            }
        ),
        "rekap_predikat": pd.DataFrame(
            {
                "tahun": rekap["tahun"].astype(int),
                "cakupan": rekap["cakupan"],
                "predikat": rekap["predikat"],
                "jumlah": [int(_angka(path_rekap, i, "jumlah", v)) for i, v in enumerate(rekap["jumlah"], start=2)],
                "sumber_id": [sumber.tambah(s, "berita_resmi") for s in rekap["source"]],
                "catatan": rekap["note"].replace("", None),
            }
        ),
        "penghargaan_provinsi": pd.DataFrame(
            {
                "tahun": provila["tahun"].astype(int),
                "kode_wilayah": "33",
                "penghargaan": provila["penghargaan"],
                "keyakinan": provila["confidence"].map(_KEYAKINAN),
                "sumber_id": [
                    sumber.tambah(s, "berita_resmi", keyakinan=_KEYAKINAN[c])
                    for s, c in zip(provila["source"], provila["confidence"], strict=True)
                ],
                "catatan": provila["note"].replace("", None),
            }
        ),
    }
    # data/kla/tambahan: more recap rows, every province's Provila, and fakta_predikat.
    return tambahan.gabung_data_kecil(kecil, _konteks_tambahan(data_dir, sumber, dikenal))


def _skor_sintetis(
    katalog: Katalog, wilayah: pd.DataFrame, tabel: dict[str, pd.DataFrame], sumber: _Sumber
) -> dict[str, pd.DataFrame]:
    """The synthetic ``skor_indikator`` of Jawa Tengah and its ``pita_sintetis``, obeying every fact in ``tabel``."""
    sid = sumber.tambah(
        "Data contoh sintetis Dasbor KLA: skor per indikator dibangkitkan deterministik "
        "(indicators/bangun/sintetis.py), disesuaikan dengan semua fakta yang diketahui: total final yang "
        "dipublikasikan, predikat resmi, pernyataan predikat, dan rekap resmi. Bukan skor resmi.",
        "sintetis",
        lisensi="MIT (Dasbor KLA)",
        sumber_id=sintetis.SUMBER_SINTETIS,
        sintetis_=True,
    )
    jateng = sorted(wilayah.loc[(wilayah["tingkat"] == "kabkota") & (wilayah["kode_provinsi"] == "33"), "kode_wilayah"])
    fakta = tambahan.fakta_sintetis(tabel, sumber.frame(), wilayah, "33")
    try:
        hasil = sintetis.buat_skor_sintetis(katalog, jateng, fakta)
    except sintetis.FaktaBertentangan as exc:
        raise DataSumberError(str(exc)) from exc
    skor = hasil.skor.assign(sintetis=True, sumber_id=sid, catatan="data contoh (sintetis)")
    return {"skor_indikator": skor, "pita_sintetis": hasil.pita}


def _sisipkan(con: duckdb.DuckDBPyConnection, tabel: str, df: pd.DataFrame) -> None:
    con.register("data_masuk", df)
    try:
        con.execute(_SISIP[tabel])
    finally:
        con.unregister("data_masuk")


def tulis_database(db_path: Path, tabel: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Write a fresh database with the current schema and ``tabel``, then publish it atomically.

    ``tabel`` maps table names to frames (any subset of the schema's tables; columns by name).
    A new file is written beside ``db_path``, checkpointed, closed and published with
    :func:`store.terbitkan`: a reader sees the old file or the new one, and a failure leaves the
    old one untouched; the file replaced is kept as a version (:data:`store.SIMPAN_VERSI`). The
    caller holds :func:`store.kunci` when other writers may run. Returns row counts.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    sementara = db_path.with_name(f"{db_path.name}.baru-{os.getpid()}")
    sementara.unlink(missing_ok=True)
    try:
        with store.buka(sementara, read_only=False) as con:
            store.terapkan_migrasi(con)
            con.execute("BEGIN TRANSACTION")
            for nama in _SISIP:  # in dependency order (sources and regions first)
                if nama in tabel:
                    _sisipkan(con, nama, tabel[nama])
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        store.terbitkan(sementara, db_path, simpan=store.SIMPAN_VERSI)
    finally:
        sementara.unlink(missing_ok=True)
    return {nama: len(df) for nama, df in tabel.items()}


def _tabel_sumber(data_dir: Path, katalog_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table the committed sources give (raises KatalogError or DataSumberError, naming the entry)."""
    katalog = muat_katalog(katalog_dir)
    sumber = _Sumber()
    wilayah = _wilayah(data_dir, sumber)
    dikenal = set(wilayah["kode_wilayah"])
    kabkota = geo.baca_batas("indonesia_kabkota", data_dir)
    tetangga = geo.hitung_tetangga(kabkota)
    tabel = {"wilayah": wilayah, "tetangga": tetangga, **katalog_ke_tabel(katalog)}
    tabel["predikat_resmi"] = _predikat(data_dir, sumber, dikenal, {c.tahun for c in katalog.siklus})
    tabel["statistik_indikator"] = _statistik(data_dir, sumber, dikenal, katalog)
    tabel.update(_data_kecil(data_dir, sumber, dikenal))
    tabel.update(_skor_sintetis(katalog, wilayah, tabel, sumber))
    # Perlindungan Anak: real provincial figures and the synthetic per-kab/kota sample (issue 14).
    tabel.update(perlindungan.tabel_perlindungan(_konteks_tambahan(data_dir, sumber, dikenal), wilayah))
    return {"sumber": sumber.frame(), **tabel}


def _asal_impor(db_path: Path) -> tuple[Path | None, Path | None]:
    """Under the lock: where a build takes the imports from, and where a damaged file was moved.

    The file itself when it is readable (the build keeps it as a version). A damaged file is moved
    aside first; then, as for a missing file, the imports come from the newest kept version.
    A file held by another program, or unreadable, is refused with :class:`DatabaseTidakSiap`.
    """
    keadaan = store.periksa_database(db_path)
    if keadaan.jenis in TIDAK_SIAP:
        raise DatabaseTidakSiap(_tidak_siap(db_path, keadaan))
    if keadaan.jenis == "siap":
        return db_path, None
    rusak = store.karantina(db_path, keadaan.galat) if keadaan.jenis == "rusak" else None
    return store.versi_baik_terakhir(db_path), rusak


def _tulis_dari_sumber(
    db_path: Path, tabel: dict[str, pd.DataFrame], asal_impor: Path | None, data_dir: Path, static_dir: Path | None
) -> dict[str, int]:
    """Under the lock: carry the imports of ``asal_impor`` into ``tabel``, publish, write the web layers."""
    # Real data that officials imported is not in the committed sources: a rebuild (new
    # sources, a new schema) carries it over with its history, so rollback still works.
    bawaan = terapkan.bawa_impor(asal_impor) if asal_impor is not None else {}
    jumlah = tulis_database(db_path, terapkan.gabung_impor(tabel, bawaan))
    if static_dir is not None:
        geo.tulis_lapisan_web(data_dir, static_dir)
    asal = asal_impor.name if asal_impor is not None else "-"
    store.catat_peristiwa(
        db_path, f"dibangun (built) dari sumber yang di-commit; impor dibawa dari {asal}", tingkat=logging.INFO
    )
    return jumlah


def bangun_database(
    db_path: Path,
    *,
    data_dir: Path = DATA_DIR,
    katalog_dir: Path = KATALOG_DIR,
    static_dir: Path | None = STATIC_DIR,
) -> HasilBangun:
    """Rebuild the database at ``db_path`` from the committed sources and swap it in atomically.

    Imports already in ``db_path`` (rows, log and history) are carried over, and the file replaced
    is kept as a version, so rebuilding never loses data that officials entered. A damaged file is
    moved aside to ``<name>.rusak-<time>`` (never overwritten) and the imports come from the newest
    kept version; a file held by another program is refused (:class:`DatabaseTidakSiap`).
    Also writes the browser boundary layers to ``static_dir/geo`` (skip with ``static_dir=None``).
    Raises KatalogError or DataSumberError, naming the file and entry, before touching ``db_path``.
    """
    mulai = time.perf_counter()
    tabel = _tabel_sumber(data_dir, katalog_dir)
    with store.kunci(db_path):
        asal_impor, rusak = _asal_impor(db_path)
        jumlah = _tulis_dari_sumber(db_path, tabel, asal_impor, data_dir, static_dir)
    return HasilBangun(db_path, time.perf_counter() - mulai, jumlah, asal_impor=asal_impor, rusak=rusak)


def lapisan_web_lengkap(static_dir: Path = STATIC_DIR) -> bool:
    """Return whether every browser boundary layer exists."""
    return all((static_dir / "geo" / f"{nama}.geojson").is_file() for nama in geo.LAPISAN_WEB)


def migrasikan_database(db_path: Path) -> bool:
    """Bring an older schema up to date in place, through the one write path; return whether it ran.

    Lock, copy, apply the migrations, publish (:func:`store.salinan_kerja`), with the old file kept
    as a version: never a rebuild, so every row stays. A file another process already migrated
    is left alone; one that is not readable now raises :class:`DatabaseTidakSiap`.
    """
    sebelum: list[int] = []

    def periksa() -> None:  # under the lock, before the copy: the file as the lock leaves it
        keadaan = store.periksa_database(db_path)
        if keadaan.jenis != "siap":
            raise DatabaseTidakSiap(_tidak_siap(db_path, keadaan))
        sebelum.append(keadaan.versi or 0)

    with store.salinan_kerja(
        db_path, akhiran="migrasi", jeda=ENV_JEDA_MIGRASI, tempat="migrasi", periksa=periksa, wal=True
    ) as salinan:
        salinan.terbit = sebelum[0] < store.versi_terbaru()
    if salinan.terbit:
        store.catat_peristiwa(
            db_path, f"dimigrasi (migrated): skema {sebelum[0]} → {store.versi_terbaru()}", tingkat=logging.INFO
        )
    return salinan.terbit


def _ganti_hilang_atau_rusak(db_path: Path, static_dir: Path) -> Persiapan:
    """Under the lock: build a missing file, or move a damaged one aside and restore or rebuild it."""
    keadaan = store.periksa_database(db_path)  # again: another process may have done it meanwhile
    if keadaan.jenis in TIDAK_SIAP:
        return _tidak_siap(db_path, keadaan)
    if keadaan.jenis == "siap":
        return Persiapan("siap", db_path)
    rusak = store.karantina(db_path, keadaan.galat) if keadaan.jenis == "rusak" else None
    versi = store.versi_baik_terakhir(db_path)
    if rusak is not None and versi is not None:
        store.pulihkan(db_path, versi)
        return Persiapan("dipulihkan", db_path, rusak=rusak, versi=versi)
    _tulis_dari_sumber(db_path, _tabel_sumber(DATA_DIR, KATALOG_DIR), versi, DATA_DIR, static_dir)
    return Persiapan("dibangun" if rusak is None else "dibangun_ulang", db_path, rusak=rusak)


def siapkan_database(db_path: Path, *, static_dir: Path = STATIC_DIR, bersama: bool = False) -> Persiapan:
    """Make the database ready to read, never overwriting one; say what was found and done.

    - no file: build it from the sources (imports carried over from a kept version, if any);
    - held read-write by another program, or unreadable: change nothing (``terkunci``,
      ``tak_terbuka``); the caller tells the reader and retries later;
    - damaged (unreadable header, truncated, not a KLA database): move it aside to
      ``<name>.rusak-<time>``, then restore the newest kept version, or build when there is none;
    - an older schema: migrate it in place (:func:`migrasikan_database`);
    - missing browser layers: write only those.
    Every write is logged (:func:`store.catat_peristiwa`). ``bersama``: a reading process (the
    dashboard) checks the file on the shared reader it reads next (:func:`store.periksa_database`).
    """
    keadaan = store.periksa_database(db_path, bersama=bersama)
    if keadaan.jenis in TIDAK_SIAP:
        return _tidak_siap(db_path, keadaan)
    hasil = Persiapan("siap", db_path)
    try:
        if keadaan.jenis in ("hilang", "rusak"):
            with store.kunci(db_path):
                hasil = _ganti_hilang_atau_rusak(db_path, static_dir)
            keadaan = store.periksa_database(db_path)
        if keadaan.jenis == "siap" and (keadaan.versi or 0) < store.versi_terbaru() and migrasikan_database(db_path):
            hasil = Persiapan("dimigrasi", db_path) if hasil.jenis == "siap" else hasil
    except DatabaseTidakSiap as exc:
        return exc.persiapan
    if hasil.jenis not in TIDAK_SIAP and not lapisan_web_lengkap(static_dir):
        with store.kunci(db_path):  # only the derived web layer: the database is not touched
            geo.tulis_lapisan_web(DATA_DIR, static_dir)
    return hasil


def pastikan_database(db_path: Path, *, static_dir: Path = STATIC_DIR) -> bool:
    """:func:`siapkan_database`, returning whether the file was written (built, migrated, restored).

    Raises :class:`DatabaseTidakSiap` when the file is held by another program or unreadable.
    """
    hasil = siapkan_database(db_path, static_dir=static_dir)
    if hasil.jenis in TIDAK_SIAP:
        raise DatabaseTidakSiap(hasil)
    return hasil.jenis != "siap"


def pulihkan_database(db_path: Path, versi: Path | None = None) -> tuple[Path, Path | None, Path | None]:
    """Restore ``versi`` (default: the newest readable kept version) as ``db_path``: ``kla db restore``.

    Under the lock: a file held by another program is refused (:class:`DatabaseTidakSiap`); a
    damaged one is moved aside first; a readable one is kept as the newest version, so the restore
    can be undone the same way. Raises :class:`TidakAdaVersi` when there is nothing usable to
    restore. Returns (version restored, version the replaced file was kept as, quarantined file).
    """
    with store.kunci(db_path):
        keadaan = store.periksa_database(db_path)
        if keadaan.jenis in TIDAK_SIAP:
            raise DatabaseTidakSiap(_tidak_siap(db_path, keadaan))
        pilihan = versi if versi is not None else store.versi_baik_terakhir(db_path)
        if pilihan is None:
            raise TidakAdaVersi(str(db_path))
        if store.periksa_database(pilihan).jenis != "siap":
            raise TidakAdaVersi(str(pilihan))
        rusak = store.karantina(db_path, keadaan.galat) if keadaan.jenis == "rusak" else None
        disimpan = store.pulihkan(db_path, pilihan)
    return pilihan, disimpan, rusak
