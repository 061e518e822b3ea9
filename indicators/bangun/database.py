"""Build the DuckDB store from the committed sources, atomically and idempotently.

The write path is the store's (:mod:`indicators.io.store`): under the database's file lock
(:func:`store.kunci`, shared with the import), the builder writes a new file next to the target,
CHECKPOINTs and closes it, and publishes it with :func:`store.terbitkan` (fsync, ``os.replace``,
fsync of the folder). Readers (the dashboard) either see the old database or the new one, never
half of one, and a killed build leaves the old file untouched.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from indicators.bangun import geo, sintetis
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
    "skor_indikator": "INSERT INTO skor_indikator BY NAME SELECT * FROM data_masuk",
    # carried over from the previous file by a rebuild (see bangun_database)
    "log_impor": "INSERT INTO log_impor BY NAME SELECT * FROM data_masuk",
    "riwayat_impor": "INSERT INTO riwayat_impor BY NAME SELECT * FROM data_masuk",
}


class DataSumberError(ValueError):
    """A committed source file has a bad row; the message names file, row, column and value."""


@dataclass(frozen=True)
class HasilBangun:
    """What a build produced."""

    db_path: Path
    detik: float
    jumlah_baris: dict[str, int]


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
    return pd.DataFrame(
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


def _data_kecil(data_dir: Path, sumber: _Sumber, dikenal: set[str]) -> dict[str, pd.DataFrame]:
    path_skor = data_dir / "kla" / "kla_skor.csv"
    skor = _baca_csv(path_skor)
    _periksa_kode(path_skor, skor, dikenal)
    path_rekap = data_dir / "kla" / "kla_rekap_jumlah.csv"
    rekap = _baca_csv(path_rekap)
    provila = _baca_csv(data_dir / "kla" / "provila_jateng.csv")
    return {
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


def _skor_sintetis(katalog: Katalog, wilayah: pd.DataFrame, predikat: pd.DataFrame, sumber: _Sumber) -> pd.DataFrame:
    sid = sumber.tambah(
        "Data contoh sintetis Dasbor KLA: skor per indikator dibangkitkan deterministik (indicators/sintetis.py), "
        "disesuaikan agar total final berada dalam pita predikat resmi yang diketahui. Bukan skor resmi.",
        "sintetis",
        lisensi="MIT (Dasbor KLA)",
        sumber_id=sintetis.SUMBER_SINTETIS,
        sintetis_=True,
    )
    jateng = sorted(wilayah.loc[(wilayah["tingkat"] == "kabkota") & (wilayah["kode_provinsi"] == "33"), "kode_wilayah"])
    diketahui = {
        (k, int(t)): p
        for k, t, p in zip(predikat["kode_wilayah"], predikat["tahun"], predikat["predikat"], strict=True)
    }
    skor = sintetis.buat_skor_sintetis(katalog, jateng, diketahui)
    skor["sintetis"] = True
    skor["sumber_id"] = sid
    skor["catatan"] = "data contoh (sintetis)"
    return skor


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
    old one untouched. The caller holds :func:`store.kunci` when other writers may run. Returns
    row counts.
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
        store.terbitkan(sementara, db_path)
    finally:
        sementara.unlink(missing_ok=True)
    return {nama: len(df) for nama, df in tabel.items()}


def bangun_database(
    db_path: Path,
    *,
    data_dir: Path = DATA_DIR,
    katalog_dir: Path = KATALOG_DIR,
    static_dir: Path | None = STATIC_DIR,
) -> HasilBangun:
    """Rebuild the database at ``db_path`` from the committed sources and swap it in atomically.

    Imports already in ``db_path`` (rows, log and history) are carried over, so rebuilding never
    loses data that officials entered.
    Also writes the browser boundary layers to ``static_dir/geo`` (skip with ``static_dir=None``).
    Raises KatalogError or DataSumberError, naming the file and entry, before touching ``db_path``.
    """
    mulai = time.perf_counter()
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
    tabel["skor_indikator"] = _skor_sintetis(katalog, wilayah, tabel["predikat_resmi"], sumber)
    tabel = {"sumber": sumber.frame(), **tabel}

    with store.kunci(db_path):
        # Real data that officials imported is not in the committed sources: a rebuild (new
        # sources, a new schema) carries it over with its history, so rollback still works.
        tabel = terapkan.gabung_impor(tabel, terapkan.bawa_impor(db_path))
        jumlah = tulis_database(db_path, tabel)
        if static_dir is not None:
            geo.tulis_lapisan_web(data_dir, static_dir)
    return HasilBangun(db_path=db_path, detik=time.perf_counter() - mulai, jumlah_baris=jumlah)


def lapisan_web_lengkap(static_dir: Path = STATIC_DIR) -> bool:
    """Return whether every browser boundary layer exists."""
    return all((static_dir / "geo" / f"{nama}.geojson").is_file() for nama in geo.LAPISAN)


def pastikan_database(db_path: Path, *, static_dir: Path = STATIC_DIR) -> bool:
    """Build the database when it is missing, unreadable, corrupt or of an older schema.

    Returns True when a build ran. A corrupt file is replaced, never patched.
    """
    if store.versi_database(db_path) == store.versi_terbaru() and lapisan_web_lengkap(static_dir):
        return False
    with store.kunci(db_path):
        # Another process may have finished the build while we waited for the lock.
        if store.versi_database(db_path) == store.versi_terbaru() and lapisan_web_lengkap(static_dir):
            return False
    bangun_database(db_path, static_dir=static_dir)
    return True
