"""The Gugus Tugas workspace service: read a region's workspace and scores, return ready tables.

The CLI, the page (through ui/cache.py) and the export call :func:`ruang_kerja`; it reads the KLA
database and the workspace file read-only and does the work in :mod:`indicators.gugus.tugas`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.akun.pengguna import Pengguna
from indicators.format import Bahasa, format_angka, format_tanggal
from indicators.gugus import kelembagaan, simpan, tugas, xlsx
from indicators.io import store
from indicators.katalog.data_dukung import KatalogDataDukung
from indicators.katalog.kelembagaan import kelembagaan_bawaan
from indicators.katalog.model import Katalog
from indicators.teks import t


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


def label_acuan(acuan: tugas.Acuan, bahasa: Bahasa = "id") -> str:
    """The reference score in a few words, synthetic marked: ``evaluasi 2025, tahap final, sintetis``."""
    if acuan.asal == "snapshot" and acuan.tanggal is not None:
        return t("gt_acuan_snapshot", bahasa, tanggal=format_tanggal(acuan.tanggal, bahasa))
    if acuan.asal == "evaluasi":
        teks = t("gt_acuan_evaluasi", bahasa, tahun=acuan.tahun, tahap=acuan.tahap)
        return f"{teks}, {t('gt_sintetis_pendek', bahasa)}" if acuan.sintetis else teks
    return t("gt_acuan_kosong", bahasa)


def poin_hilang_total(rk: RuangKerja) -> float:
    """Score points missing for the whole region: the scheme's maximum − the reference score (NaN when unknown).

    Summed over clusters (each indicator is in one), so it is the same rule as the OPD table's.
    """
    per_klaster = tugas.poin_hilang(rk.butir, rk.acuan, "kelompok")["poin_hilang"]
    return math.nan if per_klaster.isna().any() else round(float(per_klaster.sum()), 2)


# --- the table editor: many items at once ------------------------------------------------------

KOLOM_SUNTING = ("status", "opd", "tenggat", "referensi", "catatan")


def tabel_sunting(butir: pd.DataFrame) -> pd.DataFrame:
    """The checklist as the table editor shows it: item key and name, the editable fields, the version.

    Columns: ``kunci`` (``indicator/item``), ``indikator``, ``butir``, ``nama``, ``nama_en``,
    ``status`` (code), ``opd``, ``tenggat`` (date or None), ``referensi``, ``catatan``, ``versi``.
    """
    return pd.DataFrame(
        {
            "kunci": [f"{i}/{b}" for i, b in zip(butir["indikator"], butir["butir"], strict=True)],
            "indikator": butir["indikator"].astype(str),
            "butir": butir["butir"].astype(str),
            "nama": butir["nama"].astype(str),
            "nama_en": butir["nama_en"].astype(str),
            "status": butir["status"].astype(str),
            "opd": butir["opd"].astype(str),
            "tenggat": pd.Series([tugas.sebagai_tanggal(x) for x in butir["tenggat"]], dtype="object"),
            "referensi": [x if isinstance(x, str) else "" for x in butir["referensi"]],
            "catatan": [x if isinstance(x, str) else "" for x in butir["catatan"]],
            "versi": butir["versi"].astype(int),
        }
    ).reset_index(drop=True)


def _nilai_sunting(kolom: str, nilai: object) -> object:
    """A field as compared: a date, or clean text (None when empty), like the write path stores it."""
    if kolom == "tenggat":
        return tugas.sebagai_tanggal(nilai)
    return tugas.teks_masukan(nilai)


def perubahan_tabel(dasar: pd.DataFrame, suntingan: pd.DataFrame, opd: pd.DataFrame) -> list[simpan.UbahButir]:
    """The item changes of an edited table: one per row whose fields differ from what the table first showed.

    ``dasar`` and ``suntingan`` are :func:`tabel_sunting` frames in the same row order (``suntingan``
    edited, statuses as codes); ``opd`` is the effective OPD pengampu list
    (:func:`indicators.gugus.tugas.opd_efektif`). Each change carries the version the table showed
    and only its changed fields, so the write refuses it when the item changed since
    (:class:`indicators.gugus.simpan.KonflikError`).

    Raises:
        simpan.GugusError: a row with an unknown status, or an owner OPD that is not a lead OPD of its
            indicator, naming the item, the value and what is expected (nothing is written).
    """
    milik: dict[str, list[str]] = {}
    for ind, nama in zip(opd["indikator"], opd["opd"], strict=True):
        milik.setdefault(str(ind), []).append(str(nama))
    hasil = []
    for lama, baru in zip(tugas.daftar_rekam(dasar), tugas.daftar_rekam(suntingan), strict=True):
        kolom = frozenset(k for k in KOLOM_SUNTING if _nilai_sunting(k, baru[k]) != _nilai_sunting(k, lama[k]))
        if not kolom:
            continue
        _periksa_baris(lama, baru, milik.get(str(lama["indikator"]), []))
        tenggat = tugas.sebagai_tanggal(baru["tenggat"])
        hasil.append(
            simpan.UbahButir(
                str(lama["indikator"]),
                str(lama["butir"]),
                str(baru["status"]),
                tugas.teks_masukan(baru["opd"]),
                tenggat,
                tugas.teks_masukan(baru["catatan"]),
                tugas.teks_masukan(baru["referensi"]),
                versi=int(lama["versi"]),
                kolom=kolom,
            )
        )
    return hasil


def _periksa_baris(lama: dict[str, object], baru: dict[str, object], milik: list[str]) -> None:
    """Refuse an unknown status or an owner outside the indicator's lead OPD (the item's own owner stays allowed)."""
    kunci = str(lama["kunci"])
    if str(baru["status"]) not in tugas.STATUS:
        daftar = {
            b: ", ".join(tugas.STATUS_LABEL[s][0 if b == "id" else 1] for s in tugas.STATUS) for b in ("id", "en")
        }
        isian = {"butir": kunci, "status": baru["status"]}
        raise simpan.GugusError(
            t("gt_massal_status_salah", "id", daftar=daftar["id"], **isian),
            t("gt_massal_status_salah", "en", daftar=daftar["en"], **isian),
        )
    opd_baru = tugas.teks_masukan(baru["opd"])
    boleh = [*milik, str(lama["opd"])]
    if opd_baru is not None and opd_baru not in boleh:
        isian = {
            "butir": kunci,
            "opd": opd_baru,
            "indikator": lama["indikator"],
            "daftar": ", ".join(dict.fromkeys(boleh)),
        }
        raise simpan.GugusError(t("gt_massal_opd_salah", "id", **isian), t("gt_massal_opd_salah", "en", **isian))


# --- the checklist file uploaded on the page -----------------------------------------------------


@dataclass(frozen=True)
class PratinjauChecklist:
    """An uploaded checklist file checked against the workspace, before anything is written.

    ``hasil`` is the read file (:func:`indicators.gugus.xlsx.baca_xlsx`: its problems, notes and
    rows); ``perubahan`` the item changes to write (owners kept default as the CLI does);
    ``berubah`` how many of them differ from the stored items; ``konflik`` the rows whose items
    changed since the file was exported (the whole file is then refused).
    """

    hasil: xlsx.HasilChecklist
    perubahan: list[simpan.UbahButir]
    berubah: int
    konflik: list[simpan.Konflik]


def pratinjau_checklist(
    db_path: Path,
    data: bytes,
    berkas: str,
    kabkota: Mapping[str, str],
    pengguna: Pengguna,
    katalog: Katalog,
    dd: KatalogDataDukung,
    hari_ini: dt.date,
) -> PratinjauChecklist:
    """Read an edited checklist file as ``kla checklist import --dry-run`` does, read-only."""
    path = simpan.path_gugus(db_path)
    hasil = xlsx.baca_xlsx(data, berkas, dd, kabkota, pengguna, functools.partial(xlsx.kunci_tambahan, path))
    if not hasil.sah or hasil.kode_wilayah is None:
        return PratinjauChecklist(hasil, [], 0, [])
    rk = ruang_kerja(db_path, katalog, dd, hasil.kode_wilayah, hari_ini)
    perubahan = xlsx.selaraskan_opd(hasil.perubahan, rk.butir, rk.tersimpan)
    return PratinjauChecklist(
        hasil,
        perubahan,
        simpan.jumlah_berubah(perubahan, rk.tersimpan),
        simpan.konflik_butir(path, hasil.kode_wilayah, perubahan),
    )
