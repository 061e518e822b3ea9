"""Storage of the Gugus Tugas workspace: its own DuckDB file, atomic writes, scope and change log.

**Its own file.** The workspace is what people type in (OPD per indicator, checklist items,
snapshots), so it must survive ``kla db build``, which rebuilds the KLA database from committed
sources. It lives beside it: ``data/kla.duckdb`` → ``data/kla.gugus.duckdb`` (:func:`path_gugus`),
with its schema from the versioned migrations in ``indicators/io/migrasi_gugus/`` (ledger table
``migrasi_gugus``, applied by the store's migration runner).

**All or nothing.** Through the store's write path, as the import does for the database
(:func:`indicators.io.store.salinan_kerja`): under the workspace's file lock, the workspace is
copied to a temporary file beside it, the whole change is applied there in one transaction,
CHECKPOINTed, closed, fsynced and moved over the workspace with ``os.replace``. Readers
(read-only, one short connection per call) see the old file or the new one; a process killed at
any point leaves the old file as it was. A write that changes nothing writes nothing.

**What it holds.** The checklist items, OPD pengampu, snapshots and the change log (here); the
region's custom items (:mod:`indicators.gugus.tambahan`), the Kelembagaan register
(:mod:`indicators.gugus.kelembagaan`) and the other registers write through this module's public
path (:func:`transaksi`, :func:`catat_log`, :func:`periksa_lingkup`, :func:`sisip`, :func:`teks_log`).

**Who may write.** Every write takes a :class:`indicators.akun.pengguna.Pengguna` and refuses, before
touching anything, a region outside its scope (:func:`indicators.akun.pengguna.dalam_lingkup`).
**Every change is recorded** in ``log_perubahan``: who, when, table, key, field, old → new.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna, dalam_lingkup
from indicators.format import Bahasa, format_tanggal
from indicators.galat import GalatDwibahasa
from indicators.gugus.tugas import STATUS, daftar_rekam, kosong, opd_efektif, sebagai_tanggal, teks_masukan
from indicators.io import store
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.katalog.model import Katalog
from indicators.teks import t

# Test hook: seconds to sleep inside the write transaction (a test kills the process there).
ENV_JEDA_UJI = "KLA_UJI_JEDA_GUGUS"
KOLOM_BUTIR_UBAH = ("status", "opd", "tenggat", "catatan", "referensi")
_KOSONG = {
    "butir_checklist": [
        *("kode_wilayah", "indikator", "butir", "status", "opd", "tenggat", "catatan", "referensi"),
        *("diubah_oleh", "diubah_pada", "versi"),
    ],
    "opd_indikator": ["kode_wilayah", "indikator", "opd", "peran_kontak", "urutan"],
    "snapshot_skor": ["kode_wilayah", "tanggal", "indikator", "nilai", "dicatat_oleh", "dicatat_pada"],
    "log_perubahan": [
        *("log_id", "waktu", "pengguna", "kode_wilayah", "tabel", "kunci", "kolom"),
        *("nilai_lama", "nilai_baru", "asal", "versi"),
    ],
    "butir_tambahan": [
        *("kode_wilayah", "indikator", "butir", "nomor", "nama", "jenis", "dibuat_oleh", "dibuat_pada"),
        *("dihapus_oleh", "dihapus_pada"),
    ],
    "kelembagaan_isian": [
        *("kode_wilayah", "butir", "nilai", "referensi", "status", "alasan", "diajukan_oleh", "diajukan_pada"),
        *("diputuskan_oleh", "diputuskan_pada", "diubah_oleh", "diubah_pada", "versi"),
    ],
}
_KUERI = {
    "butir_checklist": "gugus_butir",
    "opd_indikator": "gugus_opd",
    "snapshot_skor": "gugus_snapshot",
    "log_perubahan": "gugus_log",
    "butir_tambahan": "gugus_tambahan",
    "kelembagaan_isian": "kelembagaan_isian",
}


class GugusError(GalatDwibahasa):
    """A workspace change cannot go ahead; one clear line, Indonesian with an English twin."""


class LingkupError(GugusError):
    """The user may not change this region (outside the editor's scope)."""


class TulisError(GugusError):
    """The workspace file could not be written (disk full, read-only, I/O error); nothing changed."""

    @classmethod
    def dari(cls, exc: BaseException, path: Path) -> TulisError:
        """Name what failed: a full disk (ENOSPC, EDQUOT, or DuckDB's "No space left"), else the error."""
        penuh = getattr(exc, "errno", None) in {errno.ENOSPC, errno.EDQUOT} or "no space left" in str(exc).lower()
        kunci = "gt_galat_disk_penuh" if penuh else "gt_galat_tulis"
        rincian = f"{type(exc).__name__}: {getattr(exc, 'strerror', None) or exc}"
        return cls(t(kunci, "id", berkas=path.name, rincian=rincian), t(kunci, "en", berkas=path.name, rincian=rincian))


@dataclass(frozen=True)
class UbahButir:
    """A change to one checklist item.

    ``versi`` is the item version the editor's values were based on (the ``versi`` column of
    :func:`indicators.gugus.tugas.tabel_butir`; 0 for an item never stored): a change that would
    alter an item stored at another version is refused (:class:`KonflikError`). None skips that
    check; the page and the import always pass it. ``kolom`` names the fields this change sets
    (None: all of them); the other fields keep their stored value.
    """

    indikator: str
    butir: str
    status: str
    opd: str | None = None
    tenggat: dt.date | None = None
    catatan: str | None = None
    referensi: str | None = None
    versi: int | None = None
    kolom: frozenset[str] | None = None


def _kosong_atau(nilai: str | None, bahasa: Bahasa) -> str:
    return t("gt_nilai_kosong", bahasa) if nilai is None else nilai


@dataclass(frozen=True)
class Konflik:
    """A refused item change: the item changed after the version the change was based on.

    ``perubahan`` holds the newer changes, oldest first, as ``(field, old, new)``; ``oleh`` and
    ``pada`` are who stored the item last and when.
    """

    indikator: str
    butir: str
    versi_dasar: int
    versi_kini: int
    oleh: str
    pada: dt.datetime | None
    perubahan: tuple[tuple[str, str | None, str | None], ...] = ()

    @property
    def kunci(self) -> str:
        """The item as ``indicator/item``."""
        return f"{self.indikator}/{self.butir}"

    def teks(self, bahasa: Bahasa = "id") -> str:
        """One line: the item, who changed it when, what changed, and the two versions."""
        apa = "; ".join(
            f"{kolom} {_kosong_atau(lama, bahasa)} → {_kosong_atau(baru, bahasa)}"
            for kolom, lama, baru in self.perubahan
        ) or t("gt_konflik_tanpa_rincian", bahasa)
        pada = f"{format_tanggal(self.pada.date(), bahasa)} {self.pada:%H:%M}" if self.pada is not None else "-"
        return t(
            "gt_konflik_butir",
            bahasa,
            butir=self.kunci,
            oleh=self.oleh,
            pada=pada,
            apa=apa,
            dasar=self.versi_dasar,
            kini=self.versi_kini,
        )


class KonflikError(GugusError):
    """Item changes refused because their items changed since the versions they were based on."""

    def __init__(self, konflik: Sequence[Konflik]) -> None:
        self.konflik = list(konflik)
        isi = {b: " ".join(k.teks(b) for k in self.konflik) for b in ("id", "en")}
        super().__init__(
            t("gt_konflik", "id", n=len(self.konflik), rincian=isi["id"]),
            t("gt_konflik", "en", n=len(self.konflik), rincian=isi["en"]),
        )


def path_gugus(db_path: Path) -> Path:
    """Return the workspace file of a database: ``data/kla.duckdb`` → ``data/kla.gugus.duckdb``."""
    return db_path.with_name(f"{db_path.stem}.gugus{db_path.suffix or '.duckdb'}")


def versi_berkas(path: Path) -> int:
    """A version key for caches: the file's mtime in ns, or -1 while the workspace does not exist."""
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return -1


# --- reading ----------------------------------------------------------------------------------


def baca_kueri(path: Path, nama_sql: str, parameter: Mapping[str, object], kolom: Sequence[str]) -> pd.DataFrame:
    """Run a named read-only query on the workspace; an empty frame with ``kolom`` when there is nothing.

    Nothing to read: no workspace file yet, or a file without the query's table (an empty file
    from an interrupted first write, or one written before the migration that adds the table).
    A file whose table lacks a column the query names is brought up to the current schema first.

    Raises:
        GugusError: the file cannot be read at all (damaged): restore it from a backup.
    """
    if not path.is_file():
        return pd.DataFrame(columns=list(kolom))
    try:
        try:
            return store.kueri(path, nama_sql, dict(parameter))
        except duckdb.BinderException:
            # A column the query names is missing: a file written before a newer migration.
            _naikkan_skema(path)
            return store.kueri(path, nama_sql, dict(parameter))
    except duckdb.CatalogException:
        return pd.DataFrame(columns=list(kolom))
    except duckdb.Error as exc:
        raise GugusError(
            f"Berkas ruang kerja {path.name} tidak dapat dibaca ({type(exc).__name__}); pulihkan dari cadangan.",
            f"The workspace file {path.name} cannot be read ({type(exc).__name__}); restore it from a backup.",
        ) from exc


def _baca(path: Path, tabel: str, kode_wilayah: str) -> pd.DataFrame:
    return baca_kueri(path, _KUERI[tabel], {"kode_wilayah": kode_wilayah}, _KOSONG[tabel])


def baca_butir(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """Stored checklist items of one region (empty when nothing is stored)."""
    return _baca(path, "butir_checklist", kode_wilayah)


def baca_opd(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """Stored OPD pengampu rows of one region."""
    return _baca(path, "opd_indikator", kode_wilayah)


def baca_snapshot(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """Stored self-score snapshots of one region."""
    return _baca(path, "snapshot_skor", kode_wilayah)


def baca_log(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """The change history of one region, newest first."""
    return _baca(path, "log_perubahan", kode_wilayah)


def baca_tambahan(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """The region's custom checklist items (butir tambahan), deleted ones too (``dihapus_pada`` set)."""
    return _baca(path, "butir_tambahan", kode_wilayah)


def baca_kelembagaan(path: Path, kode_wilayah: str) -> pd.DataFrame:
    """The region's stored Kelembagaan register values (only items someone filled in)."""
    return _baca(path, "kelembagaan_isian", kode_wilayah)


# --- writing ----------------------------------------------------------------------------------


@dataclass
class Tulis:
    """An open write: the connection to the working copy and how many changes were logged."""

    con: duckdb.DuckDBPyConnection
    berubah: int = 0


def _salinan(path: Path) -> AbstractContextManager[store.SalinanKerja]:
    return store.salinan_kerja(
        path,
        akhiran="tulis",
        jeda=ENV_JEDA_UJI,
        tempat="ruang kerja",
        migrasi=store.MIGRASI_GUGUS_DIR,
        buku="migrasi_gugus",
    )


@contextmanager
def transaksi(path: Path) -> Iterator[Tulis]:
    """Yield a write on a fresh copy of the workspace inside one transaction, then publish it.

    The copy is published (:func:`store.salinan_kerja`: CHECKPOINT, close, fsync, ``os.replace``)
    only when the block ends without error and logged at least one change; otherwise the
    workspace file is untouched (it is not even created by a first write that changes nothing).
    A failing disk (full, read-only, I/O error) becomes a :class:`TulisError` naming what failed.
    """
    try:
        with _salinan(path) as salinan:
            tulis = Tulis(salinan.con)
            yield tulis
            salinan.terbit = tulis.berubah > 0
    except (OSError, duckdb.IOException) as exc:
        raise TulisError.dari(exc, path) from exc


def _naikkan_skema(path: Path) -> None:
    """Bring a workspace written by an older version up to the current schema (readers need its columns).

    Through the one write path: the migrations are applied to a copy that is then published.
    """
    try:
        with _salinan(path):
            pass
    except (OSError, duckdb.IOException) as exc:
        raise TulisError.dari(exc, path) from exc


def sisip(con: duckdb.DuckDBPyConnection, nama_sql: str, frame: pd.DataFrame) -> None:
    """Run the named INSERT … SELECT … FROM data_masuk with ``frame`` as ``data_masuk`` (nothing when empty)."""
    if frame.empty:
        return
    con.register("data_masuk", frame)
    try:
        con.execute(store.muat_sql(nama_sql))
    finally:
        con.unregister("data_masuk")


def teks_log(nilai: object) -> str | None:
    """A value as the change log stores and compares it: text, or None for empty (None, NaN, NaT, blank)."""
    if kosong(nilai):
        return None
    if isinstance(nilai, dt.datetime):  # pd.Timestamp too
        return nilai.date().isoformat()
    if isinstance(nilai, dt.date):
        return nilai.isoformat()
    if isinstance(nilai, float):
        return f"{nilai:g}"
    teks = str(nilai)
    return teks if teks.strip() else None


def periksa_lingkup(pengguna: Pengguna, kode_wilayah: str) -> None:
    """Refuse (:class:`LingkupError`) a change to a region outside the user's scope, before anything is touched."""
    if not dalam_lingkup(pengguna, kode_wilayah):
        lingkup = ", ".join(pengguna.wilayah) or "-"
        raise LingkupError(
            f"Pengguna '{pengguna.nama}' (lingkup {lingkup}) tidak boleh mengubah ruang kerja wilayah {kode_wilayah}; "
            "masuk dengan akun editor wilayah itu.",
            f"User '{pengguna.nama}' (scope {lingkup}) may not change the workspace of region {kode_wilayah}; "
            "log in with an editor account for that region.",
        )


def catat_log(
    tulis: Tulis,
    baris: list[dict[str, object]],
    pengguna: Pengguna,
    kode_wilayah: str,
    waktu: dt.datetime,
    asal: str,
) -> int:
    """Append changes to ``log_perubahan`` (each row: tabel, kunci, kolom, nilai_lama, nilai_baru, versi?).

    Counts them on ``tulis``, so that a write that logged nothing is not published. Every module
    that writes the workspace logs through here: one change history for the page and the CLI.
    """
    if not baris:
        return 0
    awal = int(store.kueri_con(tulis.con, "gugus_log_id_baru")["log_id"].iloc[0])
    frame = pd.DataFrame(baris)
    frame.insert(0, "log_id", range(awal, awal + len(frame)))
    frame["waktu"] = waktu
    frame["pengguna"] = pengguna.nama
    frame["kode_wilayah"] = kode_wilayah
    frame["asal"] = asal
    sisip(tulis.con, "gugus_sisip_log", frame)
    tulis.berubah += len(frame)
    return len(frame)


def periksa_ubah_butir(
    ubah: UbahButir, dd: KatalogDataDukung, tambahan: Collection[tuple[str, str]] = frozenset()
) -> None:
    """Check one item change: the item exists, its status and fields are known.

    An item exists in the catalogue, or among the region's active custom items ``tambahan`` (as
    ``(indicator, item)``).

    Raises:
        GugusError: naming the indicator, item and bad value.
    """
    if dd.butir(ubah.indikator, ubah.butir) is None and (ubah.indikator, ubah.butir) not in tambahan:
        raise GugusError(
            f"Butir '{ubah.butir}' tidak ada pada indikator {ubah.indikator} di katalog data dukung "
            "maupun di butir tambahan wilayah ini.",
            f"Item '{ubah.butir}' is not an item of indicator {ubah.indikator} in the evidence catalogue "
            "nor among this region's custom items.",
        )
    if ubah.status not in STATUS:
        raise GugusError(
            f"Status '{ubah.status}' tidak dikenal; harapan: {', '.join(STATUS)}.",
            f"Unknown status '{ubah.status}'; expected: {', '.join(STATUS)}.",
        )
    if ubah.kolom is not None and not ubah.kolom <= set(KOLOM_BUTIR_UBAH):
        lain = ", ".join(sorted(ubah.kolom - set(KOLOM_BUTIR_UBAH)))
        raise GugusError(f"Kolom butir tidak dikenal: {lain}.", f"Unknown item field(s): {lain}.")


def _nilai(kolom: str, nilai: object) -> object:
    """A field value as it is stored and compared: a date, a status, or clean text (None when empty)."""
    if kolom == "tenggat":
        return sebagai_tanggal(nilai)
    if kolom == "status":
        return "belum" if kosong(nilai) else str(nilai)
    return teks_masukan(nilai)


def _target(rekam: Mapping[str, object], ubah: UbahButir) -> dict[str, object]:
    """The item's fields after the change: the fields it sets, the stored value for the others."""
    dari_ubah = {
        "status": ubah.status,
        "opd": ubah.opd,
        "tenggat": ubah.tenggat,
        "catatan": ubah.catatan,
        "referensi": ubah.referensi,
    }
    return {
        k: _nilai(k, dari_ubah[k] if ubah.kolom is None or k in ubah.kolom else rekam.get(k)) for k in KOLOM_BUTIR_UBAH
    }


def _beda(rekam: Mapping[str, object], baru: Mapping[str, object]) -> list[str]:
    return [k for k in KOLOM_BUTIR_UBAH if teks_log(_nilai(k, rekam.get(k))) != teks_log(baru[k])]


@dataclass(frozen=True)
class _Rencana:
    """One item change checked against the stored item: its stored row, new fields and what differs."""

    ubah: UbahButir
    rekam: Mapping[str, object]
    baru: dict[str, object]
    beda: list[str]

    @property
    def versi(self) -> int:
        """The stored version (0 for an item never stored)."""
        return 0 if kosong(self.rekam.get("versi")) else int(self.rekam["versi"])  # type: ignore[call-overload]

    @property
    def basi(self) -> bool:
        """True when the change would alter an item that is no longer at the version it was based on."""
        return bool(self.beda) and self.ubah.versi is not None and self.ubah.versi != self.versi


def _rencana(tersimpan: pd.DataFrame, perubahan: Sequence[UbahButir]) -> list[_Rencana]:
    simpan = {(str(r["indikator"]), str(r["butir"])): r for r in daftar_rekam(tersimpan)}
    hasil = []
    for ubah in perubahan:
        rekam = simpan.get((ubah.indikator, ubah.butir), {"status": "belum"})
        baru = _target(rekam, ubah)
        hasil.append(_Rencana(ubah, rekam, baru, _beda(rekam, baru)))
    return hasil


def jumlah_berubah(perubahan: Sequence[UbahButir], tersimpan: pd.DataFrame) -> int:
    """How many of these item changes differ from the stored rows (an untouched item is ``belum``)."""
    return sum(bool(r.beda) for r in _rencana(tersimpan, perubahan))


def _waktu(nilai: object) -> dt.datetime | None:
    return None if kosong(nilai) else pd.Timestamp(str(nilai)).to_pydatetime()


def _konflik(rencana: Sequence[_Rencana], log_sejak: Callable[[str, int], pd.DataFrame]) -> list[Konflik]:
    """The refused changes: each with the item's changes since the version it was based on."""
    hasil = []
    for r in rencana:
        if not r.basi:
            continue
        dasar = int(r.ubah.versi or 0)
        kunci = f"{r.ubah.indikator}/{r.ubah.butir}"
        log = log_sejak(kunci, dasar)
        hasil.append(
            Konflik(
                indikator=r.ubah.indikator,
                butir=r.ubah.butir,
                versi_dasar=dasar,
                versi_kini=r.versi,
                oleh=str(r.rekam.get("diubah_oleh") or "-"),
                pada=_waktu(r.rekam.get("diubah_pada")),
                perubahan=tuple(
                    (str(x.kolom), teks_log(x.nilai_lama), teks_log(x.nilai_baru)) for x in log.itertuples(index=False)
                ),
            )
        )
    return hasil


def konflik_butir(path: Path, kode_wilayah: str, perubahan: Sequence[UbahButir]) -> list[Konflik]:
    """The changes that a save would refuse now, read-only (a dry run shows them before writing)."""
    rencana = _rencana(baca_butir(path, kode_wilayah), perubahan)
    if not any(r.basi for r in rencana):
        return []

    def log_sejak(kunci: str, versi: int) -> pd.DataFrame:
        isian = {"kode_wilayah": kode_wilayah, "kunci": kunci, "versi": versi}
        return store.kueri(path, "gugus_log_butir_sejak", isian)

    return _konflik(rencana, log_sejak)


def _baris_butir(
    rencana: Sequence[_Rencana], kode_wilayah: str, pengguna: Pengguna, waktu: dt.datetime
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """The item rows to write and one change-log row per changed field (unchanged items skipped).

    Only the changed fields take a new value; the others are written back as stored. Each
    written item's version goes up by one, and its log rows carry that new version.
    """
    baris_baru: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    for r in rencana:
        if not r.beda:
            continue
        versi = r.versi + 1
        kunci = f"{r.ubah.indikator}/{r.ubah.butir}"
        log += [
            {
                "tabel": "butir_checklist",
                "kunci": kunci,
                "kolom": k,
                "nilai_lama": teks_log(r.rekam.get(k)),
                "nilai_baru": teks_log(r.baru[k]),
                "versi": versi,
            }
            for k in r.beda
        ]
        tetap = {k: sebagai_tanggal(r.rekam.get(k)) if k == "tenggat" else r.rekam.get(k) for k in KOLOM_BUTIR_UBAH}
        baris_baru.append(
            {
                "kode_wilayah": kode_wilayah,
                "indikator": r.ubah.indikator,
                "butir": r.ubah.butir,
                **tetap,
                **{k: r.baru[k] for k in r.beda},
                "diubah_oleh": pengguna.nama,
                "diubah_pada": waktu,
                "versi": versi,
            }
        )
    frame = pd.DataFrame(baris_baru, columns=_KOSONG["butir_checklist"])
    for k in ("opd", "catatan", "referensi"):
        frame[k] = [None if kosong(v) else v for v in frame[k]]  # NaN from pandas is not text
    frame["tenggat"] = pd.Series([sebagai_tanggal(v) for v in frame["tenggat"]], dtype="object")
    return frame, log


def simpan_butir(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    perubahan: Sequence[UbahButir],
    dd: KatalogDataDukung,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Write checklist item changes of one region at once; return the number of fields that changed.

    An item whose fields all equal what is stored (or the default ``belum`` / empty for an
    untouched item) is left alone: no history row, and a save that changes nothing does not
    rewrite the file. Only changed fields are written; each is logged, old → new, and the item's
    version goes up by one. Text is cleaned first (:func:`indicators.gugus.tugas.teks_masukan`).

    Raises:
        LingkupError: the region is outside the user's scope (nothing is written).
        GugusError: an unknown item (not in the catalogue nor an active custom item of the
            region), status or field (nothing is written).
        KonflikError: a change based on an older version of its item than the stored one; every
            such item is listed with its newer changes, and nothing is written (all or nothing).
        TulisError: the disk is full or the write failed (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        return tulis_butir(tulis, pengguna, kode_wilayah, perubahan, dd, asal=asal, waktu=waktu)


def tambahan_aktif(con: duckdb.DuckDBPyConnection, kode_wilayah: str) -> frozenset[tuple[str, str]]:
    """The region's active custom items as ``(indicator, item)``, read on an open connection."""
    aktif = store.kueri_con(con, "gugus_tambahan_aktif", {"kode_wilayah": kode_wilayah})
    return frozenset(zip(aktif["indikator"].astype(str), aktif["butir"].astype(str), strict=True))


def tulis_butir(
    tulis: Tulis,
    pengguna: Pengguna,
    kode_wilayah: str,
    perubahan: Sequence[UbahButir],
    dd: KatalogDataDukung,
    *,
    asal: str,
    waktu: dt.datetime,
) -> int:
    """Apply checklist item changes inside an open write (:func:`transaksi`); see :func:`simpan_butir`.

    The items are checked here, under the lock, against the catalogue and the region's active
    custom items as they are now (one deleted a moment ago is refused). The caller checked scope.
    """
    tambahan = tambahan_aktif(tulis.con, kode_wilayah)
    for ubah in perubahan:
        periksa_ubah_butir(ubah, dd, tambahan)
    lama = store.kueri_con(tulis.con, "gugus_butir", {"kode_wilayah": kode_wilayah})
    rencana = _rencana(lama, perubahan)

    def log_sejak(kunci: str, versi: int) -> pd.DataFrame:
        isian = {"kode_wilayah": kode_wilayah, "kunci": kunci, "versi": versi}
        return store.kueri_con(tulis.con, "gugus_log_butir_sejak", isian)

    konflik = _konflik(rencana, log_sejak)
    if konflik:
        raise KonflikError(konflik)
    frame, log = _baris_butir(rencana, kode_wilayah, pengguna, waktu)
    sisip(tulis.con, "gugus_sisip_butir", frame)
    return catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)


def _teks_opd(daftar: Sequence[tuple[str, str]]) -> str:
    return "; ".join(f"{opd} ({peran})" for opd, peran in daftar)


def atur_opd(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    indikator: str,
    daftar: Sequence[tuple[str, str]],
    katalog: Katalog,
    dd: KatalogDataDukung,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Set the OPD pengampu of one indicator for one region (``[(opd, contact role), ...]`` in order).

    The first OPD becomes the default owner of items without their own. The old list (the stored
    one, or the catalogue's default) and the new list are logged. Returns 1 when it changed, else 0.

    Raises:
        LingkupError: outside the user's scope. GugusError: unknown indicator, empty list, an
            empty name or role, or an OPD named twice.
    """
    periksa_lingkup(pengguna, kode_wilayah)
    if indikator not in dd.per_indikator:
        raise GugusError(f"Indikator '{indikator}' tidak dikenal.", f"Unknown indicator '{indikator}'.")
    bersih = [(teks_masukan(opd) or "", teks_masukan(peran) or "") for opd, peran in daftar]
    if not bersih or any(not o or not p for o, p in bersih):
        raise GugusError(
            "Daftar OPD pengampu tidak boleh kosong, dan setiap OPD perlu nama dan peran kontak.",
            "The OPD list may not be empty, and every OPD needs a name and a contact role.",
        )
    if len({o for o, _ in bersih}) != len(bersih):
        raise GugusError("Ada OPD yang disebut dua kali.", "An OPD is named twice.")
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        con = tulis.con
        tersimpan = store.kueri_con(con, "gugus_opd", {"kode_wilayah": kode_wilayah})
        lama = opd_efektif(tersimpan, katalog, dd)
        lama = lama[lama["indikator"] == indikator]
        daftar_lama = list(zip(lama["opd"], lama["peran_kontak"], strict=True))
        if daftar_lama == bersih:
            return 0
        con.execute(store.muat_sql("gugus_hapus_opd"), {"kode_wilayah": kode_wilayah, "indikator": indikator})
        frame = pd.DataFrame(
            [
                {"kode_wilayah": kode_wilayah, "indikator": indikator, "opd": o, "peran_kontak": p, "urutan": i}
                for i, (o, p) in enumerate(bersih)
            ]
        )
        sisip(con, "gugus_sisip_opd", frame)
        log: list[dict[str, object]] = [
            {
                "tabel": "opd_indikator",
                "kunci": indikator,
                "kolom": "opd_pengampu",
                "nilai_lama": _teks_opd(daftar_lama),
                "nilai_baru": _teks_opd(bersih),
            }
        ]
        return catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)


def _periksa_snapshot(nilai: Mapping[str, float], katalog: Katalog, kode_skema: str) -> None:
    """Check every value is a number from 0 to its indicator's maximum.

    Raises:
        GugusError: listing every unknown indicator and every value out of range.
    """
    maks = {i.id: i.nilai_maks for i in katalog.skema[kode_skema].indikator}
    salah = []
    for ind, v in nilai.items():
        if ind not in maks:
            salah.append(f"{ind}: indikator tidak dikenal / unknown indicator")
        elif not isinstance(v, int | float) or not math.isfinite(v) or not 0 <= v <= maks[ind]:
            salah.append(f"{ind}: nilai '{v}' di luar 0–{maks[ind]:g} / value outside 0–{maks[ind]:g}")
    if salah:
        raise GugusError("Snapshot tidak disimpan: " + "; ".join(salah), "Snapshot not saved: " + "; ".join(salah))


def _perubahan_snapshot(
    lama: pd.DataFrame,
    kode_wilayah: str,
    tanggal: dt.date,
    nilai: Mapping[str, float],
    pengguna: Pengguna,
    waktu: dt.datetime,
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """The snapshot rows to write for ``tanggal`` and their change-log rows (unchanged values skipped)."""
    lama = lama[[t == tanggal for t in pd.to_datetime(lama["tanggal"]).dt.date]] if len(lama) else lama
    sebelum = {str(i): float(v) for i, v in zip(lama["indikator"], lama["nilai"], strict=True)}
    baris_baru: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    for ind, v in sorted(nilai.items()):
        baru = round(float(v), 2)
        if ind in sebelum and abs(sebelum[ind] - baru) < 1e-9:
            continue
        baris_baru.append(
            {
                "kode_wilayah": kode_wilayah,
                "tanggal": tanggal,
                "indikator": ind,
                "nilai": baru,
                "dicatat_oleh": pengguna.nama,
                "dicatat_pada": waktu,
            }
        )
        log.append(
            {
                "tabel": "snapshot_skor",
                "kunci": f"{tanggal.isoformat()}/{ind}",
                "kolom": "nilai",
                "nilai_lama": teks_log(sebelum.get(ind)),
                "nilai_baru": teks_log(baru),
            }
        )
    return pd.DataFrame(baris_baru, columns=_KOSONG["snapshot_skor"]), log


def simpan_snapshot(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    tanggal: dt.date,
    nilai: Mapping[str, float],
    katalog: Katalog,
    kode_skema: str,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Record the estimated self-score per indicator at ``tanggal``; return the values that changed.

    Every value must be a number from 0 to the indicator's maximum (the project's default
    allocation). Re-recording a date replaces its values; each changed value is logged.

    Raises:
        LingkupError: outside the user's scope. GugusError: an unknown indicator or a value out of
            range, listing every one (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    _periksa_snapshot(nilai, katalog, kode_skema)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        lama = store.kueri_con(tulis.con, "gugus_snapshot", {"kode_wilayah": kode_wilayah})
        frame, log = _perubahan_snapshot(lama, kode_wilayah, tanggal, nilai, pengguna, waktu)
        sisip(tulis.con, "gugus_sisip_snapshot", frame)
        return catat_log(tulis, log, pengguna, kode_wilayah, waktu, asal)
