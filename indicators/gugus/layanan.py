"""The Gugus Tugas workspace service: read a region's workspace and scores, return ready tables.

The CLI, the page (through ui/cache.py) and the export call :func:`ruang_kerja`; it reads the KLA
database and the workspace file read-only and does the work in :mod:`indicators.gugus.tugas`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.gugus import kelembagaan, simpan, tugas
from indicators.io import store
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.katalog.kelembagaan import kelembagaan_bawaan
from indicators.katalog.model import Katalog


@dataclass(frozen=True)
class RuangKerja:
    """Everything the page and the export show for one region on one day.

    ``butir`` is the prioritised checklist (:func:`indicators.gugus_tugas.tambah_prioritas`),
    ``opd`` the effective OPD list, ``tersimpan`` the stored item rows, ``acuan`` the reference
    score, ``snapshot`` the stored snapshots, ``lintasan`` them scored, ``penurunan`` the earlier
    stage drops and ``skor_wilayah`` the region's evaluation scores (all cycles and stages).
    ``tambahan`` holds the region's custom checklist items, deleted ones too
    (:mod:`indicators.gugus.tambahan`), and ``kelembagaan`` its Kelembagaan register
    (:func:`indicators.gugus.kelembagaan.tabel_register`).
    """

    kode_wilayah: str
    hari_ini: dt.date
    butir: pd.DataFrame
    opd: pd.DataFrame
    tersimpan: pd.DataFrame
    acuan: tugas.Acuan
    snapshot: pd.DataFrame
    lintasan: pd.DataFrame
    penurunan: pd.DataFrame
    skor_wilayah: pd.DataFrame
    tambahan: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    kelembagaan: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)


def ruang_kerja(
    db_path: Path, katalog: Katalog, dd: KatalogDataDukung, kode_wilayah: str, hari_ini: dt.date
) -> RuangKerja:
    """Read and assemble one region's workspace (nothing is written)."""
    path = simpan.path_gugus(db_path)
    tersimpan = simpan.baca_butir(path, kode_wilayah)
    opd = tugas.opd_efektif(simpan.baca_opd(path, kode_wilayah), katalog, dd)
    snapshot = simpan.baca_snapshot(path, kode_wilayah)
    tambahan = simpan.baca_tambahan(path, kode_wilayah)
    skor_wilayah = store.kueri(db_path, "skor_wilayah", {"kode_wilayah": kode_wilayah})
    butir = tugas.tabel_butir(tersimpan, opd, katalog, dd, hari_ini=hari_ini, tambahan=tambahan)
    acuan = tugas.acuan_skor(snapshot, skor_wilayah, katalog, dd.skema, kode_wilayah)
    return RuangKerja(
        kode_wilayah=kode_wilayah,
        hari_ini=hari_ini,
        butir=tugas.tambah_prioritas(butir, acuan, katalog, dd.skema),
        opd=opd,
        tersimpan=tersimpan,
        acuan=acuan,
        snapshot=snapshot,
        lintasan=tugas.lintasan_snapshot(snapshot, katalog, kode_wilayah),
        penurunan=tugas.penurunan_tahap(skor_wilayah, katalog),
        skor_wilayah=skor_wilayah,
        tambahan=tambahan,
        kelembagaan=kelembagaan.register_wilayah(path, kode_wilayah, kelembagaan_bawaan(dd.skema)),
    )


def catatan_acuan(acuan: tugas.Acuan, bahasa: Bahasa = "id") -> str:
    """One sentence on where the priority order comes from (the reference score and its gap)."""
    en = bahasa == "en"
    if acuan.asal == "kosong":
        return (
            "No score yet: items are ordered by indicator maximum."
            if en
            else "Belum ada skor: butir diurutkan menurut nilai maksimum indikator."
        )
    if acuan.asal == "snapshot" and acuan.tanggal is not None:
        sumber = (
            f"the self-score snapshot of {format_tanggal(acuan.tanggal, bahasa)}"
            if en
            else f"snapshot skor mandiri {format_tanggal(acuan.tanggal, bahasa)}"
        )
    else:
        sumber = (
            f"the {acuan.tahun} evaluation ({acuan.tahap} stage)"
            if en
            else f"evaluasi {acuan.tahun} (tahap {acuan.tahap})"
        )
    berikut = acuan.hitung.get("predikat_berikut")
    if acuan.selisih is None or not isinstance(berikut, str):
        return (
            f"Order by room per indicator from {sumber}."
            if en
            else f"Urutan menurut ruang per indikator dari {sumber}."
        )
    selisih = format_angka(acuan.selisih, 2, bahasa)
    if en:
        return f"Items of indicators that would close the {selisih}-point gap to {berikut} come first (from {sumber})."
    return f"Butir indikator yang menutup selisih {selisih} poin ke {berikut} didahulukan (dari {sumber})."
