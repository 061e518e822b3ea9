"""The scoring service: read what is needed from the database and return ready tables.

The CLI, the pages (through ui/cache.py) and the exports call these functions; they read the
database read-only and do the maths in indicators.analisis.skor and indicators.analisis.analitik.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from indicators.analisis import analitik, skor
from indicators.io import store
from indicators.katalog.model import KELOMPOK, TAHAP, Katalog

KOLOM_SKOR = [
    "tahun",
    "tahap",
    "kode_wilayah",
    "nama",
    *KELOMPOK,
    "total",
    "predikat_hitung",
    "predikat_resmi",
    "beda_predikat",
    "peringkat_provinsi",
    "seri_provinsi",
    "jumlah_provinsi",  # every rank names its population: "6 dari 35 kab/kota yang ada datanya"
    "peringkat_nasional",
    "seri_nasional",
    "jumlah_nasional",
    "predikat_berikut",
    "selisih_ke_predikat_berikut",
    "jumlah_indikator",
    "lengkap",
    "sintetis",
]


class PilihanError(ValueError):
    """A requested year, province or stage has no data; the message lists what is available."""


def _gabung(daftar: Sequence[str]) -> str:
    return ", ".join(daftar) if daftar else "(tidak ada / none)"


def tabel_skor(
    db_path: Path,
    katalog: Katalog,
    *,
    tahun: int,
    tahap: str = "final",
    kode_provinsi: str | None = None,
) -> pd.DataFrame:
    """Return one scored row per kab/kota for a cycle and stage, with official predikat and ranks.

    National ranks are computed over every kab/kota with scores, then the rows are limited to
    ``kode_provinsi`` when given. Columns: ``KOLOM_SKOR``.

    Raises:
        PilihanError: no scores for that year, stage or province; the message lists what exists.
    """
    if tahap not in TAHAP:
        raise PilihanError(f"Tahap '{tahap}' tidak dikenal; tersedia: {_gabung(list(TAHAP))} (unknown stage)")
    with store.buka(db_path) as con:
        data = store.kueri_con(con, "skor_indikator", {"tahun": tahun, "tahap": tahap})
        if data.empty:
            # Only now list what exists (a scan of every score): the message names the choices.
            tersedia = store.kueri_con(con, "tahap_per_tahun")
            tahun_ada = sorted({int(t) for t in tersedia["tahun"]})
            if tahun not in tahun_ada:
                pilihan_tahun = _gabung([str(t) for t in tahun_ada])
                raise PilihanError(f"Tahun {tahun} tidak punya skor; tersedia: {pilihan_tahun} (no scores for year)")
            tahap_ada = [t for t in TAHAP if t in set(tersedia.loc[tersedia["tahun"] == tahun, "tahap"])]
            raise PilihanError(
                f"Tahap '{tahap}' tidak ada untuk tahun {tahun}; tersedia: {_gabung(tahap_ada)} (no scores for stage)"
            )
        wilayah = store.kueri_con(con, "wilayah_kabkota")
        resmi = store.kueri_con(con, "predikat_resmi", {"tahun": tahun})

    hasil = skor.hitung_skor(data, katalog)
    hasil = analitik.bandingkan_resmi(hasil, resmi)
    hasil = analitik.tambah_peringkat(hasil, wilayah)
    hasil = hasil.merge(wilayah[["kode_wilayah", "nama"]], on="kode_wilayah", how="left", validate="many_to_one")
    hasil = hasil[KOLOM_SKOR].sort_values("kode_wilayah", ignore_index=True)
    return hasil if kode_provinsi is None else batasi_provinsi(hasil, wilayah, kode_provinsi, tahun)


def batasi_provinsi(tabel: pd.DataFrame, wilayah: pd.DataFrame, kode_provinsi: str, tahun: int) -> pd.DataFrame:
    """The rows of one province from the national :func:`tabel_skor` (ranks stay as computed over all).

    ``wilayah`` is the ``wilayah_kabkota`` query (kab/kota with ``kode_provinsi`` and ``nama_provinsi``).
    A province's table is the national one cut, so a cache can keep the national table and make
    each province's from it instead of scoring again.

    Raises:
        PilihanError: the province has no scores that cycle; the message lists the provinces that do.
    """
    kolom = ["kode_wilayah", "kode_provinsi", "nama_provinsi"]
    provinsi = tabel[["kode_wilayah"]].merge(wilayah[kolom], on="kode_wilayah", how="left", validate="one_to_one")
    if kode_provinsi not in set(provinsi["kode_provinsi"]):
        ada_baris = provinsi.dropna()
        ada = sorted(set(zip(ada_baris["kode_provinsi"], ada_baris["nama_provinsi"], strict=True)))
        daftar = [f"{kode} ({nama})" for kode, nama in ada]
        raise PilihanError(
            f"Provinsi '{kode_provinsi}' tidak punya skor tahun {tahun}; tersedia: {_gabung(daftar)} "
            f"(no scores for province)"
        )
    return tabel[(provinsi["kode_provinsi"] == kode_provinsi).to_numpy()].reset_index(drop=True)


def skor_semua_siklus(db_path: Path, katalog: Katalog, *, tahap: str = "final") -> pd.DataFrame:
    """Score every kab/kota in every cycle for one stage, with official predikat, ranks and change.

    One row per (tahun, kode_wilayah): ``KOLOM_SKOR`` plus ``kode_skema``, ``kode_provinsi``,
    ``tahun_sebelumnya``, ``total_sebelumnya``, ``perubahan_total`` and ``ganti_skema``. Cycles
    without scores for a region are absent (gaps, never interpolated).
    """
    with store.buka(db_path) as con:
        data = store.kueri_con(con, "skor_indikator", {"tahun": None, "tahap": tahap})
        resmi = store.kueri_con(con, "predikat_resmi", {"tahun": None})
        wilayah = store.kueri_con(con, "wilayah_kabkota")
    if data.empty:
        return pd.DataFrame(columns=[*KOLOM_SKOR, "kode_skema", "kode_provinsi", "perubahan_total"])
    hasil = skor.hitung_skor(data, katalog)
    hasil = analitik.bandingkan_resmi(hasil, resmi)
    hasil = analitik.tambah_peringkat(hasil, wilayah)
    hasil = analitik.tambah_perubahan(hasil)
    hasil = hasil.merge(wilayah[["kode_wilayah", "nama"]], on="kode_wilayah", how="left", validate="many_to_one")
    return hasil.sort_values(["tahun", "kode_wilayah"], ignore_index=True)
