"""The numbers behind the pack's bar and line charts, for native (editable) PowerPoint charts.

Each function reads the same data frame the figure builder in ``indicators.grafik`` draws (one
source of numbers): the PDF shows the rendered figure, the deck a PowerPoint chart of these values.
Unknown stays unknown: a cycle without evaluation or without scores is ``None`` (a gap in the line),
never a zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from indicators.format import Bahasa, format_angka
from indicators.grafik import data_grafik
from indicators.katalog.model import Katalog, Skema
from indicators.teks import Penerjemah

JenisBagan = Literal["batang", "kolom", "garis"]
"""``batang``: horizontal bars; ``kolom``: vertical bars; ``garis``: a line with markers."""


@dataclass(frozen=True)
class Seri:
    """One series: its legend name, a value per category (None = unknown) and an optional colour per point."""

    nama: str
    nilai: tuple[float | None, ...]
    warna: str | None = None
    warna_titik: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataBagan:
    """What a native chart draws: its kind, categories, series, axis title and decimals of its numbers."""

    jenis: JenisBagan
    kategori: tuple[str, ...]
    seri: tuple[Seri, ...]
    judul_sumbu: str
    desimal: int
    sintetis: bool
    catatan: str = ""
    """A line shown under the chart (e.g. which values are synthetic, or why a point is missing)."""

    def angka_kunci(self, bahasa: Bahasa) -> list[str]:
        """The chart's figures as lines of text ("series: category value; …"), numbers through Babel."""
        baris = []
        for seri in self.seri:
            isi = [
                f"{' '.join(k.split())} {format_angka(v, self.desimal, bahasa)}"
                for k, v in zip(self.kategori, seri.nilai, strict=True)
                if v is not None
            ]
            baris.append(f"{seri.nama}: " + "; ".join(isi))
        return baris


def _nilai(v: object) -> float | None:
    """A float, or None when missing (NaN/None): a gap, never a zero."""
    if v is None:
        return None
    x = float(v)  # type: ignore[arg-type]
    return None if math.isnan(x) else x


_HIJAU, _ABU, _HITAM, _ORANYE = "31A354", "BDBDBD", "252525", "E6550D"


def bagan_kelompok(kelompok: pd.DataFrame, skema: Skema, label: Sequence[str], teks: Penerjemah) -> DataBagan:
    """``grafik_kelompok``'s data: each group's (synthetic) score, its assumed maximum and the province mean."""
    del skema  # the labels already carry the scheme's group names
    return DataBagan(
        "batang",
        tuple(label),
        (
            Seri(teks("profil_skor") + f" ({teks('profil_sintetis_pendek')})", _seri(kelompok["nilai"]), _HIJAU),
            Seri(teks("profil_maks_asumsi"), _seri(kelompok["nilai_maks"]), _ABU),
            Seri(teks("perbandingan_sebaya_provinsi"), _seri(kelompok["rata_provinsi"]), _HITAM),
        ),
        teks("profil_poin"),
        2,
        True,
    )


def bagan_ruang(ruang: pd.DataFrame, label: Sequence[str], berikut: str | None, teks: Penerjemah) -> DataBagan:
    """``grafik_ruang``'s data: points left per indicator; those that together close the gap in orange."""
    warna = tuple(_ORANYE if m else "969696" for m in ruang["menutup_selisih"])
    return DataBagan(
        "batang",
        tuple(label),
        (Seri(teks("profil_ruang"), _seri(ruang["ruang"]), warna_titik=warna),),
        teks("profil_ruang_poin"),
        2,
        True,
        teks("pk_ruang_warna", predikat=berikut or "–"),
    )


def bagan_riwayat(riwayat: pd.DataFrame, label_resmi: Mapping[int, str], teks: Penerjemah) -> DataBagan:
    """``grafik_riwayat``'s data as a line: the (synthetic) total per calendar year, a gap where unknown.

    Every calendar year from the first to the last cycle is a category, so a year without evaluation
    (and a cycle without scores) is an empty point: the line breaks there instead of joining across.
    The official predikat of each cycle is part of its category label (real data, not a value).
    """
    tahun = [int(x) for x in riwayat["tahun"]]
    total = {
        int(t): _nilai(v) if ada else None
        for t, v, ada in zip(tahun, riwayat["total"], riwayat["ada_skor"], strict=True)
    }
    kategori, nilai = [], []
    for th in range(min(tahun), max(tahun) + 1):
        kategori.append(f"{th}\n{label_resmi.get(th, teks('pk_tanpa_evaluasi'))}")
        nilai.append(total.get(th))
    return DataBagan(
        "garis",
        tuple(kategori),
        (Seri(teks("total"), tuple(nilai), _HIJAU),),
        teks("profil_poin"),
        2,
        True,
        teks("pk_riwayat_catatan"),
    )


def bagan_tahap(per_tahap: pd.DataFrame, teks: Penerjemah) -> DataBagan:
    """``grafik_tahap``'s data: the (synthetic) total at each stage, in process order.

    The computed predikat of each stage is part of its category label, as the figure prints it.
    """
    kategori = tuple(
        f"{teks(f'tahap_{x}')}\n{p if isinstance(p, str) else '–'}"
        for x, p in zip(per_tahap["tahap"], per_tahap["predikat_hitung"], strict=True)
    )
    seri = (Seri(teks("total"), _seri(per_tahap["total"]), _HIJAU),)
    return DataBagan("kolom", kategori, seri, teks("profil_poin"), 2, True, teks("pk_tahap_catatan"))


def bagan_jumlah(
    ringkas: pd.DataFrame, diketahui: Mapping[str, int], label: Mapping[str, str], teks: Penerjemah
) -> DataBagan:
    """``batang_resmi``'s data: kab/kota per predikat (official count, and how many are known by name)."""
    data = ringkas.assign(_kenal=[diketahui.get(p, 0) for p in ringkas["predikat"]])
    data = data[(data["jumlah"].fillna(0) > 0) | (data["_kenal"] > 0)]
    resmi = bool(len(data)) and data["dasar"].iloc[0] == "rekap_resmi"
    seri = [Seri(teks("seri_resmi"), _seri(data["jumlah"]), "006D2C")] if resmi else []
    seri.append(Seri(teks("seri_diketahui"), _seri(data["_kenal"]), "74C476"))
    kategori = tuple(label.get(k, k) for k in data["predikat"])
    return DataBagan("batang", kategori, tuple(seri), teks("kab_kota"), 0, False)


def bagan_histogram(total: pd.Series, katalog: Katalog, teks: Penerjemah, lebar: int = 25) -> DataBagan:
    """``histogram_total``'s data: kab/kota per 25-point band of the final total (synthetic scores)."""
    del katalog  # the bands are the figure's fixed 25-point bins, not the predikat bands
    bin_ = data_grafik.bin_histogram(total, 0, lebar)  # the figure's bins: xbins start 0, size 25
    if not bin_:
        return DataBagan("kolom", (), (), teks("jumlah_kabkota"), 0, True)
    kategori = tuple(f"{int(b)}–{int(b) + lebar}" for b, _ in bin_)
    seri = (Seri(teks("jumlah_kabkota"), tuple(float(j) for _, j in bin_), _HIJAU),)
    return DataBagan("kolom", kategori, seri, teks("jumlah_kabkota"), 0, True)


def _seri(kolom: pd.Series) -> tuple[float | None, ...]:
    return tuple(_nilai(v) for v in kolom)
