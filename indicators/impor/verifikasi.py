"""Verification marks of child-protection figures: a province editor marks a region-year verified.

Figures of the current year are labelled "belum terverifikasi" (not yet verified) until a province
checks them, as the province verifies a kab/kota's KLA self-assessment. A mark says who verified
the figures of one region in one year, and when; it can be taken back.

**Who may mark** (:func:`boleh_verifikasi`): an admin, or an editor whose scope covers the
region's *province* (``33`` covers ``33.75``); a kab/kota editor never marks its own figures.
A mark needs figures: a region-year without any stored row cannot be verified.

**Where it is written.** ``verifikasi_perlindungan`` in the KLA database, through the same write
path an import takes (:func:`indicators.io.store.salinan_kerja`: the database's lock, a copy, one
transaction, fsync and swap), so it is all or nothing and serialised with imports. A rebuild
carries the marks over like imports (:func:`indicators.impor.terapkan.bawa_impor`). Every mark and
every take-back is recorded in the database's event log (``<db>.log``, and Python logging) with
who, when, region and year.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import duckdb
import pandas as pd

from indicators.akun.pengguna import Pengguna, dalam_lingkup, label_lingkup
from indicators.galat import GalatDwibahasa
from indicators.io import store
from indicators.teks import t

# Test hook: seconds to sleep inside the write transaction (a test kills the process there).
ENV_JEDA_UJI = "KLA_UJI_JEDA_VERIFIKASI"
_VERSI_TABEL = 4  # the schema version that created verifikasi_perlindungan
_KOLOM = ["kode_wilayah", "tahun", "diverifikasi_oleh", "diverifikasi_pada"]


class VerifikasiError(GalatDwibahasa):
    """A verification mark cannot be set or taken back; one clear line, Indonesian with an English twin."""


def _salah(kunci: str, **isian: object) -> VerifikasiError:
    return VerifikasiError(t(kunci, "id", **isian), t(kunci, "en", **isian))


def kode_provinsi(kode_wilayah: str) -> str:
    """The province of a region code: ``33.75`` → ``33``; a province is its own."""
    return str(kode_wilayah).split(".", 1)[0]


def boleh_verifikasi(pengguna: Pengguna | None, kode_wilayah: str) -> bool:
    """Whether the user may mark this region's figures: an admin, or an editor whose scope covers its province."""
    return pengguna is not None and dalam_lingkup(pengguna, kode_provinsi(kode_wilayah))


def baca_verifikasi(db_path: Path, kode_provinsi: str | None = None) -> pd.DataFrame:
    """The marks of a province (the province and every region below it), or of every region (None).

    Columns ``kode_wilayah, tahun, diverifikasi_oleh, diverifikasi_pada``; empty on a database from
    before the table existed.
    """
    if (store.versi_database(db_path) or 0) < _VERSI_TABEL:
        return pd.DataFrame(columns=_KOLOM)
    return store.kueri(db_path, "impor_verifikasi_perlindungan_baca", {"kode_provinsi": kode_provinsi})


def tandai_verifikasi(
    db_path: Path,
    pengguna: Pengguna,
    kode_wilayah: str,
    tahun: int,
    *,
    terverifikasi: bool = True,
    waktu: dt.datetime | None = None,
) -> bool:
    """Mark the figures of one region and year verified (or, with ``terverifikasi=False``, take the mark back).

    Returns whether anything changed: marking a region-year already marked replaces who and when;
    taking back a mark that is not there changes nothing and writes nothing.

    Raises:
        VerifikasiError: the user may not mark this region (not an admin, nor an editor of its
            province), the region-year has no figures to verify, or the database is missing.
    """
    if not boleh_verifikasi(pengguna, kode_wilayah):
        raise _salah(
            "pe_verifikasi_tak_boleh",
            user=pengguna.nama,
            lingkup=label_lingkup(pengguna),
            kode=kode_wilayah,
            provinsi=kode_provinsi(kode_wilayah),
        )
    waktu = waktu or dt.datetime.now().replace(microsecond=0)
    isian = {"kode_wilayah": kode_wilayah, "tahun": int(tahun)}

    def periksa() -> None:
        if store.versi_database(db_path) is None:
            raise _salah("pe_verifikasi_tanpa_db", db=db_path)

    try:
        with store.salinan_kerja(
            db_path, akhiran="impor", jeda=ENV_JEDA_UJI, tempat="verifikasi", periksa=periksa, wal=True
        ) as salinan:
            con = salinan.con
            ada = not store.kueri_con(con, "impor_verifikasi_perlindungan_satu", isian).empty
            if terverifikasi:
                jumlah = int(store.kueri_con(con, "impor_verifikasi_perlindungan_ada_data", isian)["jumlah"].iloc[0])
                if jumlah == 0:
                    raise _salah("pe_verifikasi_tanpa_data", kode=kode_wilayah, tahun=tahun)
                con.execute(
                    store.muat_sql("impor_verifikasi_perlindungan_tandai"),
                    {**isian, "oleh": pengguna.nama, "pada": waktu},
                )
            elif ada:
                con.execute(store.muat_sql("impor_verifikasi_perlindungan_hapus"), isian)
            else:
                salinan.terbit = False
    except duckdb.Error as exc:
        raise _salah("pe_verifikasi_gagal", rincian=type(exc).__name__) from exc
    if not terverifikasi and not ada:
        return False
    aksi = "ditandai terverifikasi (marked verified)" if terverifikasi else "tanda verifikasi dicabut (mark taken back)"
    store.catat_peristiwa(
        db_path, f"perlindungan anak {kode_wilayah} {tahun}: {aksi} oleh {pengguna.nama}", tingkat=logging.INFO
    )
    return True
