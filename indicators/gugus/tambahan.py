"""Custom checklist items per kab/kota (butir tambahan): added, renamed, deleted and restored.

A Gugus Tugas may need evidence the catalogue does not list (a local Perwal, a regional programme).
An editor scoped to the region adds it to an indicator with a name, optionally an owner OPD and a
due date; from then on it is an item like the catalogue's: it counts in readiness (and takes its
equal share of the indicator's maximum, :mod:`indicators.gugus.tugas`), its status is edited with
versions (:func:`indicators.gugus.simpan.simpan_butir`), it travels in the XLSX checklist both ways
(``kla checklist``), every change goes to ``log_perubahan``, and it is marked as custom everywhere.

**History is never lost.** The item's code is ``tambahan_<n>``, numbered per region and never
reused (no catalogue code starts so: the catalogue tests check it); its state lives in
``butir_checklist`` and its history in ``log_perubahan`` under ``indicator/code`` like every item.
A rename changes the name only (old → new logged). A deletion only marks the item deleted (who,
when): it leaves the checklist, readiness and exports, its rows stay, and a restore brings it back
with its state. An item cannot move to another indicator (that would split its history): delete
it and add a new one. Everything goes through the workspace's one write path (scope, lock, copy,
transaction, change log).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.gugus.simpan import (
    GugusError,
    Tulis,
    UbahButir,
    baca_tambahan,
    catat_log,
    periksa_lingkup,
    sisip,
    transaksi,
    tulis_butir,
)
from indicators.gugus.tugas import daftar_rekam, kosong, teks_masukan
from indicators.io import store
from indicators.katalog.data_dukung import JenisButir, KatalogDataDukung
from indicators.teks import t

AWALAN = "tambahan_"
NAMA_MAKS = 200
OPD_MAKS = 200
_KOLOM = ["kode_wilayah", "indikator", "butir", "nomor", "nama", "jenis", "dibuat_oleh", "dibuat_pada"]
_KOLOM += ["dihapus_oleh", "dihapus_pada"]
__all__ = ["AWALAN", "baca_tambahan", "ganti_nama", "hapus_butir", "pulihkan_butir", "tambah_butir"]


def _galat(kunci: str, **isian: object) -> GugusError:
    return GugusError(t(kunci, "id", **isian), t(kunci, "en", **isian))


def _nama_bersih(nama: str) -> str:
    """The name as stored: controls removed, on one line, trimmed; refused when empty or too long."""
    bersih = " ".join((teks_masukan(nama) or "").split())
    if not bersih:
        raise _galat("kl_tb_nama_kosong")
    if len(bersih) > NAMA_MAKS:
        raise _galat("kl_tb_nama_panjang", panjang=len(bersih), maks=NAMA_MAKS)
    return bersih


def _sama(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _periksa_nama_unik(
    nama: str, indikator: str, semua: pd.DataFrame, dd: KatalogDataDukung, kecuali: str | None = None
) -> None:
    """Refuse a name another item of the indicator already has (a catalogue item or an active custom item)."""
    katalog = [b.nama for b in dd.per_indikator[indikator]]
    aktif = semua[(semua["indikator"] == indikator) & semua["dihapus_pada"].isna() & (semua["butir"] != kecuali)]
    if any(_sama(nama, lain) for lain in [*katalog, *aktif["nama"].astype(str)]):
        raise _galat("kl_tb_nama_ganda", nama=nama, indikator=indikator)


def _tulis_baris(con: duckdb.DuckDBPyConnection, rekam: dict[str, object]) -> None:
    frame = pd.DataFrame([rekam], columns=_KOLOM)
    for k in ("dibuat_pada", "dihapus_pada"):
        frame[k] = pd.to_datetime(frame[k])  # an all-empty column must still be read as a timestamp
    sisip(con, "gugus_sisip_tambahan", frame)


def _log(
    tulis: Tulis, pengguna: Pengguna, kode_wilayah: str, waktu: dt.datetime, asal: str, baris: list[dict[str, object]]
) -> int:
    return catat_log(tulis, [{"tabel": "butir_tambahan", **b} for b in baris], pengguna, kode_wilayah, waktu, asal)


def tambah_butir(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    indikator: str,
    nama: str,
    dd: KatalogDataDukung,
    *,
    opd: str | None = None,
    tenggat: dt.date | None = None,
    jenis: str | None = None,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> str:
    """Add a custom item to one indicator of one region; return its code (``tambahan_<n>``).

    ``opd`` (the owner, default: the indicator's first OPD pengampu) and ``tenggat`` (due date)
    are written as the item's first checklist state; ``jenis`` is one of the catalogue's kinds
    (optional). The name, kind, owner and due date are logged.

    Raises:
        LingkupError: outside the user's scope. GugusError: an unknown indicator or kind, an empty
            or too long name, or a name another item of the indicator already has (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    if indikator not in dd.per_indikator:
        raise _galat("kl_tb_indikator", indikator=indikator)
    nama = _nama_bersih(nama)
    if jenis is not None and jenis not in get_args(JenisButir):
        raise _galat("kl_tb_jenis_tak_dikenal", jenis=jenis, daftar=", ".join(get_args(JenisButir)))
    opd = teks_masukan(opd)
    if opd is not None and len(opd) > OPD_MAKS:
        raise _galat("kl_tb_opd_panjang", panjang=len(opd), maks=OPD_MAKS)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        semua = store.kueri_con(tulis.con, "gugus_tambahan", {"kode_wilayah": kode_wilayah})
        _periksa_nama_unik(nama, indikator, semua, dd)
        nomor = int(semua["nomor"].max()) + 1 if len(semua) else 1
        kode = f"{AWALAN}{nomor}"
        _tulis_baris(
            tulis.con,
            {"kode_wilayah": kode_wilayah, "indikator": indikator, "butir": kode, "nomor": nomor, "nama": nama,
             "jenis": jenis, "dibuat_oleh": pengguna.nama, "dibuat_pada": waktu, "dihapus_oleh": None,
             "dihapus_pada": None},
        )  # fmt: skip
        log: list[dict[str, object]] = [{"kunci": f"{indikator}/{kode}", "kolom": "nama", "nilai_baru": nama}]
        if jenis is not None:
            log.append({"kunci": f"{indikator}/{kode}", "kolom": "jenis", "nilai_baru": jenis})
        _log(tulis, pengguna, kode_wilayah, waktu, asal, log)
        kolom = frozenset(k for k, v in (("opd", opd), ("tenggat", tenggat)) if v is not None)
        if kolom:
            ubah = UbahButir(indikator, kode, "belum", opd=opd, tenggat=tenggat, versi=0, kolom=kolom)
            tulis_butir(tulis, pengguna, kode_wilayah, [ubah], dd, asal=asal, waktu=waktu)
    return kode


def _cari(semua: pd.DataFrame, butir: str) -> dict[str, object]:
    rekam = daftar_rekam(semua[semua["butir"] == butir])
    if not rekam:
        raise _galat("kl_tb_tak_ada", butir=butir)
    return rekam[0]


def ganti_nama(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    butir: str,
    nama_baru: str,
    dd: KatalogDataDukung,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Rename a custom item (its code, state and history stay); return 1, or 0 when the name is the same.

    Raises:
        LingkupError: outside the user's scope. GugusError: no such item, a deleted item (restore
            it first), or a bad or taken name (nothing is written).
    """
    periksa_lingkup(pengguna, kode_wilayah)
    nama = _nama_bersih(nama_baru)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        semua = store.kueri_con(tulis.con, "gugus_tambahan", {"kode_wilayah": kode_wilayah})
        rekam = _cari(semua, butir)
        if not kosong(rekam["dihapus_pada"]):
            raise _galat("kl_tb_sudah_dihapus", butir=butir)
        if str(rekam["nama"]) == nama:
            return 0
        _periksa_nama_unik(nama, str(rekam["indikator"]), semua, dd, kecuali=butir)
        _tulis_baris(tulis.con, {**rekam, "nama": nama})
        log = {
            "kunci": f"{rekam['indikator']}/{butir}",
            "kolom": "nama",
            "nilai_lama": rekam["nama"],
            "nilai_baru": nama,
        }
        return _log(tulis, pengguna, kode_wilayah, waktu, asal, [log])


def _atur_hapus(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    butir: str,
    dd: KatalogDataDukung | None,
    *,
    hapus: bool,
    asal: str,
    waktu: dt.datetime | None,
) -> int:
    periksa_lingkup(pengguna, kode_wilayah)
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    with transaksi(path) as tulis:
        semua = store.kueri_con(tulis.con, "gugus_tambahan", {"kode_wilayah": kode_wilayah})
        rekam = _cari(semua, butir)
        if kosong(rekam["dihapus_pada"]) != hapus:
            return 0  # already deleted (or already active): nothing to do
        if not hapus and dd is not None:
            # Another item may have taken the name meanwhile.
            _periksa_nama_unik(str(rekam["nama"]), str(rekam["indikator"]), semua, dd, kecuali=butir)
        oleh, pada = (pengguna.nama, waktu) if hapus else (None, None)
        _tulis_baris(tulis.con, {**rekam, "dihapus_oleh": oleh, "dihapus_pada": pada})
        lama, baru = (None, "ya") if hapus else ("ya", None)
        log: dict[str, object] = {"kunci": f"{rekam['indikator']}/{butir}", "kolom": "dihapus"}
        log |= {"nilai_lama": lama, "nilai_baru": baru}
        return _log(tulis, pengguna, kode_wilayah, waktu, asal, [log])


def hapus_butir(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    butir: str,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Delete a custom item: it leaves the checklist, readiness and exports; its rows and history stay.

    Returns 1, or 0 when it was already deleted. Raises LingkupError (outside the user's scope) or
    GugusError (no such item).
    """
    return _atur_hapus(path, pengguna, kode_wilayah, butir, None, hapus=True, asal=asal, waktu=waktu)


def pulihkan_butir(
    path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    butir: str,
    dd: KatalogDataDukung,
    *,
    asal: str = "dasbor",
    waktu: dt.datetime | None = None,
) -> int:
    """Restore a deleted custom item with the state it had; return 1, or 0 when it was not deleted.

    Raises LingkupError (outside the user's scope) or GugusError (no such item, or another item of
    the indicator has taken its name meanwhile).
    """
    return _atur_hapus(path, pengguna, kode_wilayah, butir, dd, hapus=False, asal=asal, waktu=waktu)
